/**
 * The brand's help articles, shown before anything else on the help screen: open one, answer "did this help?"; "no"
 * leads straight to the ticket form. Opening and answering are reported to the server (which ranks articles by the
 * tickets they spare); a failed report never blocks reading.
 */
import { Accordion, Button, ButtonGroup, Div, Group, Header, Text } from '@vkontakte/vkui';
import { useState } from 'react';
import type { HelpArticle } from '../../api/support.ts';
import { useSupportApp } from './use-support-app.ts';

export function HelpArticles({ articles, onWrite }: { articles: HelpArticle[]; onWrite: () => void }) {
  const { t, support } = useSupportApp();
  const [answered, setAnswered] = useState<Record<number, boolean>>({});
  const [viewed] = useState(() => new Set<number>());
  if (articles.length === 0) return null;
  const open = (id: number) => {
    if (viewed.has(id)) return;
    viewed.add(id);
    support.articleViewed(id).catch(() => undefined);
  };
  const answer = (id: number, helped: boolean) => {
    setAnswered((a) => ({ ...a, [id]: helped }));
    support.articleFeedback(id, helped).catch(() => undefined);
    if (!helped) onWrite();
  };
  return (
    <Group header={<Header>{t.articles}</Header>} data-testid="help-articles">
      {articles.map((article) => (
        <Accordion key={article.id} onChange={(expanded) => expanded && open(article.id)}>
          <Accordion.Summary data-testid={`article-${article.id}`}>{article.title}</Accordion.Summary>
          <Accordion.Content>
            <Div>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{article.body}</Text>
            </Div>
            <Div>
              {answered[article.id] === true ? (
                <Text data-testid="article-thanks">{t.articleThanks}</Text>
              ) : (
                <>
                  <Text weight="2">{t.articleHelped}</Text>
                  <ButtonGroup mode="horizontal" gap="s" style={{ marginTop: 8 }}>
                    <Button mode="secondary" onClick={() => answer(article.id, true)} data-testid="article-yes">
                      {t.articleYes}
                    </Button>
                    <Button mode="tertiary" onClick={() => answer(article.id, false)} data-testid="article-no">
                      {t.articleNo}
                    </Button>
                  </ButtonGroup>
                </>
              )}
            </Div>
          </Accordion.Content>
        </Accordion>
      ))}
    </Group>
  );
}
