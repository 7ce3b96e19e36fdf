/**
 * The brand's canned answers (`…/support/canned`) and knowledge base (`…/support/knowledge`, with the articles ranked
 * by the tickets they deflect): a list, and below it a form that adds a new item or edits the one picked
 * (use-library-form.ts: one write at a time, refusals beside the form, a save over someone's newer copy refused).
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
  NativeSelect,
  SimpleCell,
  Text,
  Textarea,
} from '@vkontakte/vkui';
import { type ReactNode, useState } from 'react';
import { hasVisibleText } from '../../../server/http/visible-text.ts';
import { composeKey } from '../../api/client-key.ts';
import { useApp } from '../../app-context.ts';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { OfficeConfirm } from '../OfficeConfirm.tsx';
import { officeApi } from '../office-api.ts';
import { WriteRefusal } from '../office-write.tsx';
import { ArticleList } from './ArticleList.tsx';
import type { Article, ArticleFields, Canned, CannedFields } from './support-api.ts';
import { type LibraryItem, useLibraryForm } from './use-library-form.ts';
import { useSupportOffice } from './use-support-office.ts';

const emptyCanned: CannedFields = { title: '', bodyRu: '', bodyEn: null, position: 0 };
const emptyArticle: ArticleFields = {
  campaignId: null,
  titleRu: '',
  bodyRu: '',
  titleEn: null,
  bodyEn: null,
  published: false,
};
const orNull = (v: string | null | undefined) => (v?.trim() ? v : null);
const cannedFields = ({ title, bodyRu, bodyEn, position }: Canned): CannedFields => ({
  title,
  bodyRu,
  bodyEn,
  position,
});
// The position is not the form's: a new article goes last, an edit keeps its place (the list orders them).
const articleFields = ({ id: _, updatedAt: __, position: ___, ...fields }: Article): ArticleFields => fields;

export function CannedAnswersPanel() {
  const { s, support } = useSupportOffice();
  const [version, setVersion] = useState(0);
  const state = useAsync(() => support.canned(), [support, version]);
  // One key per composed answer: a double click or a retry after a lost answer adds it once (canned-answers.ts).
  const [keys] = useState(() => composeKey());
  const form = useLibraryForm<Canned, CannedFields>({
    empty: emptyCanned,
    fieldsOf: cannedFields,
    load: support.canned,
    save: async (f, editing) => {
      const fields = { ...f, bodyEn: orNull(f.bodyEn) };
      const saved = await support.saveCanned(fields, editing, keys.keyFor(JSON.stringify(fields)));
      keys.sent();
      return saved;
    },
    remove: support.deleteCanned,
    changed: () => setVersion((v) => v + 1),
    errorTemplate: s.writeError,
  });
  const { fields, setFields } = form;
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{s.canned}</PanelHeaderWithBack>
      <Group header={<LibraryHeader title={s.cannedItems} add={s.newCanned} onAdd={form.startNew} />}>
        <LoadState state={state}>
          {(items) =>
            items.length === 0 ? (
              <Empty>{s.noCanned}</Empty>
            ) : (
              items.map((c) => (
                <SimpleCell
                  key={c.id}
                  multiline
                  subtitle={c.bodyRu}
                  onClick={() => form.pick(c)}
                  data-testid={`canned-item-${c.id}`}
                >
                  {c.title}
                </SimpleCell>
              ))
            )
          }
        </LoadState>
      </Group>
      <LibraryForm
        form={form}
        title={form.editing ? s.editCanned : s.newCanned}
        canSave={hasVisibleText(fields.title) && hasVisibleText(fields.bodyRu)}
        confirmRemove={s.removeCanned}
      >
        <FormItem top={s.title} htmlFor="canned-title">
          <Input
            id="canned-title"
            value={fields.title}
            maxLength={80}
            onChange={(e) => setFields({ ...fields, title: e.target.value })}
          />
        </FormItem>
        <FormItem top={s.bodyRu} bottom={s.variablesHint} htmlFor="canned-body-ru">
          <Textarea
            id="canned-body-ru"
            value={fields.bodyRu}
            maxLength={4000}
            onChange={(e) => setFields({ ...fields, bodyRu: e.target.value })}
          />
        </FormItem>
        <FormItem top={s.bodyEn} htmlFor="canned-body-en">
          <Textarea
            id="canned-body-en"
            value={fields.bodyEn ?? ''}
            maxLength={4000}
            onChange={(e) => setFields({ ...fields, bodyEn: e.target.value })}
          />
        </FormItem>
      </LibraryForm>
    </>
  );
}

export function KnowledgeBasePanel() {
  const { s, support, brandId } = useSupportOffice();
  const { api, language } = useApp();
  const [version, setVersion] = useState(0);
  const state = useAsync(
    async () => ({ articles: await support.articles(), ranking: await support.ranking() }),
    [support, version],
  );
  // Any member of the brand may list its campaigns (server/office/campaigns/campaign-list.ts).
  const campaigns = useAsync(() => officeApi(api).campaigns(brandId), [api, brandId]);
  // One key per composed article: a double click or a retry after a lost answer adds it once (knowledge-base.ts).
  const [keys] = useState(() => composeKey());
  const form = useLibraryForm<Article, ArticleFields>({
    empty: emptyArticle,
    fieldsOf: articleFields,
    load: support.articles,
    save: async (f, editing) => {
      // The server takes an English version whole or not at all.
      const titleEn = orNull(f.titleEn);
      const bodyEn = orNull(f.bodyEn);
      const english = titleEn && bodyEn ? { titleEn, bodyEn } : { titleEn: null, bodyEn: null };
      const fields = { ...f, ...english };
      const saved = await support.saveArticle(fields, editing, keys.keyFor(JSON.stringify(fields)));
      keys.sent();
      return saved;
    },
    remove: support.deleteArticle,
    changed: () => setVersion((v) => v + 1),
    errorTemplate: s.writeError,
  });
  const { fields, setFields } = form;
  const campaignTitle = (id: number) => {
    const c = campaigns.status === 'ready' ? campaigns.data.find((x) => x.id === id) : undefined;
    return (language === 'en' && c?.title.en) || c?.title.ru || `#${id}`;
  };
  return (
    <>
      <PanelHeaderWithBack back={s.back}>{s.knowledge}</PanelHeaderWithBack>
      <LoadState state={state}>
        {({ articles, ranking }) => (
          <>
            <ArticleList
              articles={articles}
              subtitleOf={(a) =>
                [
                  a.published ? s.published : s.draft,
                  a.campaignId === null ? s.allCampaigns : campaignTitle(a.campaignId),
                ].join(' · ')
              }
              onPick={form.pick}
              add={<NewItemButton label={s.newArticle} onClick={form.startNew} />}
              empty={<Empty>{s.noArticles}</Empty>}
              changed={() => setVersion((v) => v + 1)}
            />
            {ranking.length > 0 && (
              <Group header={<Header subtitle={s.rankingHint}>{s.ranking}</Header>} data-testid="kb-ranking">
                {ranking.map((r) => (
                  <SimpleCell key={r.articleId} subtitle={fill(s.views, { n: r.views, h: r.helped, d: r.deflected })}>
                    {r.title}
                  </SimpleCell>
                ))}
              </Group>
            )}
          </>
        )}
      </LoadState>
      <LibraryForm
        form={form}
        title={form.editing ? s.editArticle : s.newArticle}
        canSave={hasVisibleText(fields.titleRu) && hasVisibleText(fields.bodyRu)}
        confirmRemove={s.removeArticle}
      >
        <FormItem top={s.titleRu} htmlFor="kb-title-ru">
          <Input
            id="kb-title-ru"
            value={fields.titleRu}
            maxLength={120}
            onChange={(e) => setFields({ ...fields, titleRu: e.target.value })}
          />
        </FormItem>
        <FormItem top={s.bodyRu} htmlFor="kb-body-ru">
          <Textarea
            id="kb-body-ru"
            value={fields.bodyRu}
            maxLength={4000}
            onChange={(e) => setFields({ ...fields, bodyRu: e.target.value })}
          />
        </FormItem>
        <FormItem top={s.titleEn} htmlFor="kb-title-en">
          <Input
            id="kb-title-en"
            value={fields.titleEn ?? ''}
            maxLength={120}
            onChange={(e) => setFields({ ...fields, titleEn: e.target.value })}
          />
        </FormItem>
        <FormItem top={s.bodyEn} htmlFor="kb-body-en">
          <Textarea
            id="kb-body-en"
            value={fields.bodyEn ?? ''}
            maxLength={4000}
            onChange={(e) => setFields({ ...fields, bodyEn: e.target.value })}
          />
        </FormItem>
        <FormItem top={s.articleCampaign} htmlFor="kb-campaign">
          <NativeSelect
            id="kb-campaign"
            value={fields.campaignId === null ? '' : String(fields.campaignId)}
            onChange={(e) => setFields({ ...fields, campaignId: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">{s.allCampaigns}</option>
            {(campaigns.status === 'ready' ? campaigns.data : []).map((c) => (
              <option key={c.id} value={c.id}>
                {campaignTitle(c.id)}
              </option>
            ))}
            {/* A campaign the list does not hold (not loaded yet) stays selectable as it is. */}
            {fields.campaignId !== null &&
              !(campaigns.status === 'ready' && campaigns.data.some((c) => c.id === fields.campaignId)) && (
                <option value={fields.campaignId}>{campaignTitle(fields.campaignId)}</option>
              )}
          </NativeSelect>
        </FormItem>
        <Checkbox
          checked={fields.published}
          onChange={(e) => setFields({ ...fields, published: e.target.checked })}
          data-testid="kb-published"
        >
          {s.published}
        </Checkbox>
      </LibraryForm>
    </>
  );
}

function LibraryHeader({ title, add, onAdd }: { title: string; add: string; onAdd: () => void }) {
  return <Header after={<NewItemButton label={add} onClick={onAdd} />}>{title}</Header>;
}

function NewItemButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button mode="tertiary" onClick={onClick} data-testid="library-new">
      {label}
    </Button>
  );
}

function Empty({ children }: { children: ReactNode }) {
  return (
    <Div>
      <Text data-testid="library-empty">{children}</Text>
    </Div>
  );
}

/** The form's frame: its title, the fields, the refusal, and Save/Add, Cancel and Delete (after a confirmation). */
function LibraryForm<T extends LibraryItem, F>(p: {
  form: ReturnType<typeof useLibraryForm<T, F>>;
  title: string;
  canSave: boolean;
  confirmRemove: string;
  children: ReactNode;
}) {
  const { s } = useSupportOffice();
  const { form } = p;
  const [asking, setAsking] = useState(false);
  return (
    <Group getRootRef={form.formRef} header={<Header>{p.title}</Header>} data-testid="library-form">
      {p.children}
      <WriteRefusal error={form.error} />
      {form.stale && (
        <Div data-testid="library-stale">
          <Text>{s.savedMeanwhileHint}</Text>
          <Button mode="secondary" onClick={() => void form.loadSaved()} data-testid="library-load-saved">
            {s.loadSaved}
          </Button>
        </Div>
      )}
      <Div>
        <ButtonGroup gap="s" style={{ flexWrap: 'wrap' }}>
          <Button
            onClick={() => void form.save()}
            disabled={!p.canSave || form.stale}
            loading={form.busy}
            data-testid="library-save"
          >
            {form.editing ? s.save : s.add}
          </Button>
          {form.editing && (
            <>
              <Button mode="secondary" onClick={form.startNew} disabled={form.busy} data-testid="library-cancel">
                {s.cancel}
              </Button>
              <Button
                mode="secondary"
                appearance="negative"
                onClick={() => setAsking(true)}
                disabled={form.busy}
                data-testid="library-remove"
              >
                {s.remove}
              </Button>
            </>
          )}
        </ButtonGroup>
      </Div>
      {asking && (
        <OfficeConfirm
          onClosed={() => setAsking(false)}
          title={s.remove}
          description={p.confirmRemove}
          cancel={s.cancel}
          confirm={s.remove}
          destructive
          onConfirm={() => void form.remove()}
          testIds={{ confirm: 'library-confirm-remove', dismiss: 'library-confirm-dismiss' }}
        />
      )}
    </Group>
  );
}
