/**
 * The knowledge base's articles in the office: tap one to edit it, or switch to ordering and move them up and down into
 * the order the participant's help screen shows them ("Выше" / "Ниже", the office's way of ordering rows, as the
 * calculator's inputs). Each move saves the whole order; saves go one at a time and a move made while one is on its
 * way is sent after it, so the last move is what stays. A refusal (someone added or removed an article meanwhile) is
 * worded under the list, and the list on screen is read again; the panel reads its own copy when ordering is done.
 */
import { Button, ButtonGroup, Group, Header, SimpleCell } from '@vkontakte/vkui';
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
  /** A save is on its way: "Done" waits for it, so the list read afterwards is the order just saved. */
  const [saving, setSaving] = useState(false);
  const movedAgain = useRef(false);
  const { error, run, clear } = useOfficeWrite(s.writeError);
  const list = (ordering && shown) || p.articles;

  const save = async () => {
    if (sending.current) {
      movedAgain.current = true;
      return;
    }
    sending.current = true;
    setSaving(true);
    do {
      movedAgain.current = false;
      const saved = await run(() => support.orderArticles(latest.current.map((a) => a.id)));
      if (!saved) {
        // Refused: show the brand's list as it is now, still in ordering (reading it through the panel would
        // redraw the panel and drop the refusal's words with it).
        movedAgain.current = false;
        const now = await support.articles().catch(() => null);
        if (now) latest.current = now;
        setShown(now);
      } else if (!movedAgain.current) setShown(saved);
    } while (movedAgain.current);
    sending.current = false;
    setSaving(false);
  };
  const move = (from: number, by: -1 | 1) => {
    const next = [...list];
    const [moved] = next.splice(from, 1);
    if (!moved) return;
    next.splice(from + by, 0, moved);
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
                <Button
                  mode="tertiary"
                  onClick={toggle}
                  loading={saving}
                  data-testid={ordering ? 'kb-order-done' : 'kb-order'}
                >
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
      {list.length === 0
        ? p.empty
        : ordering
          ? list.map((a, index) => (
              <SimpleCell
                key={a.id}
                subtitle={p.subtitleOf(a)}
                after={
                  <ButtonGroup gap="s">
                    <Button
                      size="s"
                      mode="secondary"
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={fill(s.moveUpLabel, { title: a.titleRu })}
                      data-testid={`kb-up-${a.id}`}
                    >
                      {s.moveUp}
                    </Button>
                    <Button
                      size="s"
                      mode="secondary"
                      disabled={index === list.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={fill(s.moveDownLabel, { title: a.titleRu })}
                      data-testid={`kb-down-${a.id}`}
                    >
                      {s.moveDown}
                    </Button>
                  </ButtonGroup>
                }
                data-testid={`kb-article-${a.id}`}
              >
                {a.titleRu}
              </SimpleCell>
            ))
          : list.map((a) => (
              <SimpleCell
                key={a.id}
                subtitle={p.subtitleOf(a)}
                onClick={() => p.onPick(a)}
                data-testid={`kb-article-${a.id}`}
              >
                {a.titleRu}
              </SimpleCell>
            ))}
      <WriteRefusal error={error} />
    </Group>
  );
}
