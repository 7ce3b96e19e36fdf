/**
 * The brand's canned answers (`…/support/canned`) and knowledge base (`…/support/knowledge`, with the articles ranked
 * by the tickets they deflect): a list, and a form that adds a new item or edits the one picked.
 */
import {
  Button,
  ButtonGroup,
  Checkbox,
  Div,
  FormItem,
  Group,
  Header,
  Input,
  PanelHeader,
  PanelHeaderBack,
  SimpleCell,
  Textarea,
} from '@vkontakte/vkui';
import { useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { useRouteNavigator } from '../../routes.ts';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import type { Article, Canned } from './support-api.ts';
import { useSupportOffice } from './use-support-office.ts';

const emptyCanned = { title: '', bodyRu: '', bodyEn: '', position: 0 };
const emptyArticle = { titleRu: '', bodyRu: '', titleEn: '', bodyEn: '', position: 0, published: false };
const orNull = (v: string | null | undefined) => (v?.trim() ? v : null);

export function CannedAnswersPanel() {
  const { s, support } = useSupportOffice();
  const navigator = useRouteNavigator();
  const [version, setVersion] = useState(0);
  const [edit, setEdit] = useState<Partial<Canned>>(emptyCanned);
  const state = useAsync(() => support.canned(), [support, version]);
  const save = async () => {
    await support.saveCanned({
      id: edit.id,
      title: edit.title ?? '',
      bodyRu: edit.bodyRu ?? '',
      bodyEn: orNull(edit.bodyEn),
      position: edit.position ?? 0,
    });
    setEdit(emptyCanned);
    setVersion((v) => v + 1);
  };
  return (
    <>
      <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} label={s.back} />}>{s.canned}</PanelHeader>
      <Group>
        <LoadState state={state}>
          {(items) =>
            items.map((c) => (
              <SimpleCell key={c.id} multiline subtitle={c.bodyRu} onClick={() => setEdit(c)}>
                {c.title}
              </SimpleCell>
            ))
          }
        </LoadState>
      </Group>
      <Group>
        <FormItem top={s.title}>
          <Input value={edit.title ?? ''} onChange={(e) => setEdit({ ...edit, title: e.target.value })} />
        </FormItem>
        <FormItem top={s.bodyRu} bottom={s.variablesHint}>
          <Textarea value={edit.bodyRu ?? ''} onChange={(e) => setEdit({ ...edit, bodyRu: e.target.value })} />
        </FormItem>
        <FormItem top={s.bodyEn}>
          <Textarea value={edit.bodyEn ?? ''} onChange={(e) => setEdit({ ...edit, bodyEn: e.target.value })} />
        </FormItem>
        <SaveRemoveButtons
          canSave={Boolean(edit.title?.trim()) && Boolean(edit.bodyRu?.trim())}
          editing={Boolean(edit.id)}
          onSave={save}
          onRemove={async () => {
            await support.deleteCanned(edit.id as number);
            setEdit(emptyCanned);
            setVersion((v) => v + 1);
          }}
        />
      </Group>
    </>
  );
}

export function KnowledgeBasePanel() {
  const { s, support } = useSupportOffice();
  const navigator = useRouteNavigator();
  const [version, setVersion] = useState(0);
  const [edit, setEdit] = useState<Partial<Article>>(emptyArticle);
  const state = useAsync(
    async () => ({ articles: await support.articles(), ranking: await support.ranking() }),
    [support, version],
  );
  const save = async () => {
    const titleEn = orNull(edit.titleEn);
    const bodyEn = orNull(edit.bodyEn);
    await support.saveArticle({
      id: edit.id,
      campaignId: edit.campaignId ?? null,
      titleRu: edit.titleRu ?? '',
      bodyRu: edit.bodyRu ?? '',
      titleEn: titleEn && bodyEn ? titleEn : null,
      bodyEn: titleEn && bodyEn ? bodyEn : null,
      position: edit.position ?? 0,
      published: edit.published ?? false,
    });
    setEdit(emptyArticle);
    setVersion((v) => v + 1);
  };
  return (
    <>
      <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} label={s.back} />}>
        {s.knowledge}
      </PanelHeader>
      <LoadState state={state}>
        {({ articles, ranking }) => (
          <>
            <Group>
              {articles.map((a) => (
                <SimpleCell
                  key={a.id}
                  subtitle={a.published ? s.published : '—'}
                  onClick={() => setEdit(a)}
                  data-testid={`kb-${a.id}`}
                >
                  {a.titleRu}
                </SimpleCell>
              ))}
            </Group>
            <Group header={<Header subtitle={s.rankingHint}>{s.ranking}</Header>} data-testid="kb-ranking">
              {ranking.map((r) => (
                <SimpleCell key={r.articleId} subtitle={fill(s.views, { n: r.views, h: r.helped, d: r.deflected })}>
                  {r.title}
                </SimpleCell>
              ))}
            </Group>
          </>
        )}
      </LoadState>
      <Group>
        <FormItem top={s.titleRu}>
          <Input value={edit.titleRu ?? ''} onChange={(e) => setEdit({ ...edit, titleRu: e.target.value })} />
        </FormItem>
        <FormItem top={s.bodyRu}>
          <Textarea value={edit.bodyRu ?? ''} onChange={(e) => setEdit({ ...edit, bodyRu: e.target.value })} />
        </FormItem>
        <FormItem top={s.titleEn}>
          <Input value={edit.titleEn ?? ''} onChange={(e) => setEdit({ ...edit, titleEn: e.target.value })} />
        </FormItem>
        <FormItem top={s.bodyEn}>
          <Textarea value={edit.bodyEn ?? ''} onChange={(e) => setEdit({ ...edit, bodyEn: e.target.value })} />
        </FormItem>
        <Checkbox checked={edit.published ?? false} onChange={(e) => setEdit({ ...edit, published: e.target.checked })}>
          {s.published}
        </Checkbox>
        <SaveRemoveButtons
          canSave={Boolean(edit.titleRu?.trim()) && Boolean(edit.bodyRu?.trim())}
          editing={Boolean(edit.id)}
          onSave={save}
          onRemove={async () => {
            await support.deleteArticle(edit.id as number);
            setEdit(emptyArticle);
            setVersion((v) => v + 1);
          }}
        />
      </Group>
    </>
  );
}

/** Save (or add, for a new item) and, for a saved one, remove: the library's two editors end alike. */
function SaveRemoveButtons(p: { canSave: boolean; editing: boolean; onSave: () => void; onRemove: () => void }) {
  const { s } = useSupportOffice();
  return (
    <Div>
      <ButtonGroup gap="s">
        <Button onClick={p.onSave} disabled={!p.canSave}>
          {p.editing ? s.save : s.add}
        </Button>
        {p.editing ? (
          <Button mode="secondary" appearance="negative" onClick={p.onRemove}>
            {s.remove}
          </Button>
        ) : null}
      </ButtonGroup>
    </Div>
  );
}
