/**
 * The campaign editor: the form beside a live preview on desktop, Edit/Preview tabs on a phone. Save state is
 * always visible; a live or paused campaign's save publishes the next revision (said on the button). Problems from
 * the server are listed with links to their fields; lifecycle buttons follow the status; revisions are listed.
 */
import { Button, Div, Group, Tabs, TabsItem, useAdaptivityWithJSMediaQueries, ViewWidth } from '@vkontakte/vkui';
import { useState } from 'react';
import { composeKey } from '../../api/client-key.ts';
import { fill } from '../../i18n-fill.ts';
import { withReason } from '../../i18n-reason.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { paths, useRouteNavigator } from '../../routes.ts';
import { useRouteId } from '../../use-route-id.ts';
import { StatusLabel } from '../home/StatusLabel.tsx';
import { InsetBanner } from '../InsetBanner.tsx';
import { LoadStateScreen } from '../LoadStateScreen.tsx';
import type { Problem } from '../office-api.ts';
import { PreviewPane } from '../preview/PreviewPane.tsx';
import { RestoredDraftBanner } from '../RestoredDraftBanner.tsx';
import { refusalText } from '../refusal-text.ts';
import { RevisionsList } from '../revisions/RevisionsList.tsx';
import { StaleCopyBanner } from '../StaleCopyBanner.tsx';
import { type OfficeServices, useOffice } from '../use-office.ts';
import { CampaignSections } from './CampaignSections.tsx';
import { EditorForm } from './EditorForm.tsx';
import { EndsInPastOffer } from './EndsInPastOffer.tsx';
import { datesLockedWhy, problemText } from './editor-context.ts';
import { LifecycleBar } from './LifecycleBar.tsx';
import { savePublishes } from './lifecycle.ts';
import { ProblemsList, revealField } from './ProblemsList.tsx';
import { RightsUnknownBanner } from './RightsUnknownBanner.tsx';
import { useCampaignDraft } from './use-campaign-draft.ts';
import { useEditorWayOut } from './use-editor-way-out.ts';

export function CampaignEditor() {
  const { t, office, language } = useOffice();
  const navigator = useRouteNavigator();
  const campaignId = useRouteId();
  const draft = useCampaignDraft(campaignId);
  const [lang, setLang] = useState<'ru' | 'en'>(language);
  const [tab, setTab] = useState<'edit' | 'preview'>('edit');
  // One key per copy asked for: a double click or a retry after a lost answer makes one copy (draft-keys.ts).
  const [copyKeys] = useState(() => composeKey());
  // Why the last "Duplicate" made no copy (a refusal, no network): it had been dropped, and the click did nothing.
  const [copyRefused, setCopyRefused] = useState<string | undefined>();
  const { viewWidth } = useAdaptivityWithJSMediaQueries();
  const wide = viewWidth >= ViewWidth.TABLET;
  const { doc } = draft;

  const wayOut = useEditorWayOut(campaignId, draft.load);

  // Until the campaign has loaded: the office's load screen, whose Retry loads it again here (a failed load had Back
  // alone, found from outside). A refusal is the server's, worded (it was the office's generic not-found, which said
  // nothing of why): no Retry, a way to the office's home. A member of the brand who may open the campaign's sections
  // page is sent there instead (use-editor-way-out.ts).
  if (!doc) {
    const load = draft.load ?? { status: 'loading' };
    return <LoadStateScreen state={wayOut === 'checking' ? { status: 'loading' } : load} title={t.edit} />;
  }
  // The header names the campaign as saved: a title being typed is not its name until the save lands (found from
  // outside: the header followed every keystroke, as if already saved).
  const named = draft.saved ?? doc;
  const header = (
    <PanelHeaderWithBack back={t.back}>
      <span data-testid="office-editor-header">{named.title[language] || named.title.ru}</span>
    </PanelHeaderWithBack>
  );

  const publishes = savePublishes(doc.status);
  // A paused campaign's save publishes too, but no participant meets it until the campaign resumes: not "live".
  const saveLabel = publishes
    ? fill(doc.status === 'paused' ? t.pausedPublishesRevision : t.publishesRevision, { n: doc.revision + 1 })
    : t.save;
  const stateText =
    draft.save === 'saving'
      ? t.saving
      : draft.save === 'dirty'
        ? t.unsaved
        : draft.save === 'failed'
          ? withReason(t.saveFailed, draft.failure ?? '')
          : t.saved;

  const toolbar = (
    <Group>
      <Div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <StatusLabel status={doc.status} />
        <span style={{ color: 'var(--vkui--color_text_secondary)' }}>
          {doc.revision > 0 ? fill(t.revision, { n: doc.revision }) : t.neverPublished}
        </span>
        <span
          data-testid="office-save-state"
          data-state={draft.save}
          style={{
            color: draft.save === 'failed' ? 'var(--vkui--color_text_negative)' : 'var(--vkui--color_text_secondary)',
          }}
        >
          {stateText}
        </span>
        <div style={{ flex: 1 }} />
        <Button
          size="m"
          disabled={(draft.save !== 'dirty' && draft.save !== 'failed') || draft.stale}
          loading={draft.save === 'saving'}
          onClick={() => void draft.saveNow()}
          data-testid="office-save"
        >
          {publishes ? fill(t.revision, { n: doc.revision + 1 }) : t.save}
        </Button>
      </Div>
      {draft.stale && (
        <StaleCopyBanner
          title={t.staleCopyTitle}
          text={t.staleCopyText}
          action={t.loadSavedVersion}
          onLoad={() => void draft.reload()}
          testId="office-stale-copy"
          actionTestId="office-load-saved"
        />
      )}
      {draft.restoredFrom !== undefined && !draft.stale && (
        <RestoredDraftBanner
          title={t.restoredEditsTitle}
          text={t.restoredEditsText}
          keptAt={draft.restoredFrom}
          discard={t.discardEdits}
          onDiscard={() => void draft.reload()}
          testId="office-restored-edits"
          discardTestId="office-discard-edits"
        />
      )}
      {draft.rightsFailed && <RightsUnknownBanner failed={draft.rightsFailed} />}
      {publishes && <InsetBanner mode="tint" title={saveLabel} data-testid="office-publishes-revision" />}
      <LifecycleBar
        status={doc.status}
        allowed={doc.allowedTransitions}
        busy={draft.save === 'saving' || draft.stale}
        launchNote={firstMomentNote(draft.launchNow, t, language)}
        mayLaunch={draft.mayLaunch}
        onTransition={(to) => void draft.act(() => office.setStatus(doc.id, to))}
        onDuplicate={() => {
          setCopyRefused(undefined);
          office.duplicate(doc.id, copyKeys.keyFor(String(doc.id))).then(
            (copy) => {
              copyKeys.sent();
              navigator.push(paths.adminCampaign(copy.id));
            },
            // The key stays: the retry after a lost answer is the copy it may have made (draft-keys.ts).
            (err: unknown) => setCopyRefused(refusalText(err, language)),
          );
        }}
      />
      <EndsInPastOffer
        problems={draft.problems}
        paused={doc.status === 'paused'}
        mayLaunch={draft.mayLaunch}
        datesLocked={draft.datesLocked}
        onChangeDate={() => {
          // On a phone the form may be behind the Preview tab.
          setTab('edit');
          requestAnimationFrame(() => revealField('endsAt'));
        }}
      />
      {copyRefused !== undefined && (
        <InsetBanner
          mode="tint"
          title={withReason(t.duplicateFailed, copyRefused)}
          data-testid="office-duplicate-failed"
        />
      )}
    </Group>
  );

  const form = (
    <>
      <ProblemsList
        problems={draft.problems}
        unsaved={draft.save !== 'saved'}
        campaign={doc}
        datesLocked={datesLockedWhy(draft)}
      />
      <EditorForm
        doc={doc}
        edit={draft.edit}
        state={{
          lang,
          problems: draft.problems,
          readOnly: false,
          datesLocked: draft.datesLocked,
          datesWhy: draft.datesWhy,
        }}
        onLanguage={setLang}
      />
      <CampaignSections doc={doc} />
      <RevisionsList campaignId={doc.id} timeZone={doc.timeZone} version={draft.version} />
    </>
  );
  const preview = <PreviewPane document={doc} />;

  return (
    <>
      {header}
      {toolbar}
      {wide ? (
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
          <div style={{ flex: 1, minWidth: 0 }}>{form}</div>
          <div style={{ position: 'sticky', top: 56, flex: 'none', paddingTop: 8 }}>{preview}</div>
        </div>
      ) : (
        <>
          <Tabs>
            <TabsItem selected={tab === 'edit'} onClick={() => setTab('edit')} data-testid="office-tab-edit">
              {t.edit}
            </TabsItem>
            <TabsItem selected={tab === 'preview'} onClick={() => setTab('preview')} data-testid="office-tab-preview">
              {t.preview}
            </TabsItem>
          </Tabs>
          {/* Both stay mounted, so switching tabs keeps the preview's screen and the form's scroll. */}
          <div style={{ display: tab === 'edit' ? undefined : 'none' }}>{form}</div>
          <div style={{ display: tab === 'preview' ? undefined : 'none' }}>{preview}</div>
        </>
      )}
    </>
  );
}

/**
 * What «Запустить сейчас» asks beside its question when the prize calendar's first moment is on a later day than the
 * launch (the server's warning, decisions 104 and 110): a manager launching a draft whose moments begin tomorrow, or a
 * scheduled campaign ahead of its planned day, learns that nobody wins until then, before pressing, not from an empty
 * winners' list.
 */
function firstMomentNote(
  launchNow: readonly Problem[],
  t: OfficeServices['t'],
  language: 'ru' | 'en',
): string | undefined {
  const later = launchNow.find((p) => p.code === 'calendar_first_moment_later');
  return later && problemText(t, later, language);
}
