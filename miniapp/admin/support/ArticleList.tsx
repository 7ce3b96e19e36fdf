/**
 * The knowledge base's articles in the office: tap one to edit it, or switch to ordering and drag them into the order
 * the participant's help screen shows them (VKUI's draggable cells). Each drop saves the whole order; saves go one at a
 * time and a drop made while one is on its way is sent after it, so the last drop is what stays. A refusal (someone
 * added or removed an article meanwhile) is worded under the list, and the list on screen is read again; the panel
 * reads its own copy when ordering is done.
 */
import { Button, Cell, Group, Header, List, SimpleCell } from '@vkontakte/vkui';
import { type ReactNode, useRef, useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { useOfficeWrite, WriteRefusal } from '../office-write.tsx';
import type { Article } from './support-api.ts';
import { useSupportOffice } from './use-support-office.ts';

export function ArticleList(p: {
  articles: Article[];
  subtitleOf: (a: Article) => string;
  onPick: (a: Article) => void;
  /** The header's button for a new article. */
  add: ReactNode;
  empty: ReactNode;
  /** The articles changed on the server: read them again. */
  changed: () => void;
}) {
  const { s, support } = useSupportOffice();
  const [ordering, setOrdering] = useState(false);
  /** The order on screen while ordering (the server's answer once a save lands). */
  const [shown, setShown] = useState<Article[] | null>(null);
  const latest = useRef<Article[]>([]);
  const sending = useRef(false);
  const dropAgain = useRef(false);
  const { error, run, clear } = useOfficeWrite(s.writeError);
  const list = (ordering && shown) || p.articles;

  const save = async () => {
    if (sending.current) {
      dropAgain.current = true;
      return;
    }
    sending.current = true;
    do {
      dropAgain.current = false;
      const saved = await run(() => support.orderArticles(latest.current.map((a) => a.id)));
      if (!saved) {
        // Refused: show the brand's list as it is now, still in ordering (reading it through the panel would
        // redraw the panel and drop the refusal's words with it).
        dropAgain.current = false;
        const now = await support.articles().catch(() => null);
        if (now) latest.current = now;
        setShown(now);
      } else if (!dropAgain.current) setShown(saved);
    } while (dropAgain.current);
    sending.current = false;
  };
  const drop = ({ from, to }: { from: number; to: number }) => {
    const next = [...list];
    const [moved] = next.splice(from, 1);
    if (!moved || from === to) return;
    next.splice(to, 0, moved);
    latest.current = next;
    setShown(next);
    void save();
  };
  const toggle = () => {
    clear();
    setShown(null);
    if (ordering) p.changed();
    setOrdering(!ordering);
  };

  return (
    <Group
      header={
        <Header
          subtitle={ordering ? s.orderHint : undefined}
          after={
            <>
              {p.articles.length > 1 && (
                <Button mode="tertiary" onClick={toggle} data-testid={ordering ? 'kb-order-done' : 'kb-order'}>
                  {ordering ? s.orderDone : s.order}
                </Button>
              )}
              {!ordering && p.add}
            </>
          }
        >
          {s.articles}
        </Header>
      }
    >
      {list.length === 0 ? (
        p.empty
      ) : ordering ? (
        <List>
          {list.map((a) => (
            <Cell
              key={a.id}
              draggable
              draggerLabel={fill(s.dragArticle, { title: a.titleRu })}
              draggerTestId={`kb-drag-${a.id}`}
              onDragFinish={drop}
              subtitle={p.subtitleOf(a)}
              data-testid={`kb-article-${a.id}`}
            >
              {a.titleRu}
            </Cell>
          ))}
        </List>
      ) : (
        list.map((a) => (
          <SimpleCell
            key={a.id}
            subtitle={p.subtitleOf(a)}
            onClick={() => p.onPick(a)}
            data-testid={`kb-article-${a.id}`}
          >
            {a.titleRu}
          </SimpleCell>
        ))
      )}
      <WriteRefusal error={error} />
    </Group>
  );
}
