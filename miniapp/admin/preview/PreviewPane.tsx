/**
 * The editor's preview column: light/dark and ru/en toggles, campaign/rules shortcut, and the phone frame fed by
 * `POST /api/admin/campaigns/{id}/preview` with the document as it is now (debounced while the brand types).
 * A failed projection keeps the last good one on screen. A document with a field the server would refuse as it stands
 * (a task's link still empty or half typed, a quiz question just added, a title too long) is not sent: the pane says
 * which field it waits for and why (decision 107).
 */
import { Div, SegmentedControl } from '@vkontakte/vkui';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Loading } from '../../Loading.tsx';
import type { ColorScheme } from '../../platform/types.ts';
import { paths } from '../../routes.ts';
import type { CampaignDocument, Preview } from '../office-api.ts';
import { useOffice } from '../use-office.ts';
import { createMemoryRouter } from './memory-router.ts';
import { PreviewFrame } from './PreviewFrame.tsx';
import { PreviewSwitches } from './PreviewSwitches.tsx';
import { previewWaitsNote } from './preview-waits-note.ts';
import { unreadyField } from './previewable.ts';

export const PREVIEW_DEBOUNCE_MS = 400;

export function PreviewPane({ document: doc, fixed }: { document: CampaignDocument; fixed?: Preview }) {
  const { t, office, language } = useOffice();
  const [lang, setLang] = useState<'ru' | 'en'>(language);
  const [scheme, setScheme] = useState<ColorScheme>('light');
  const [preview, setPreview] = useState<Preview | undefined>(fixed);
  const [busy, setBusy] = useState(false);
  const [router] = useState(() => createMemoryRouter(paths.campaign(doc.id)));
  const waits = fixed ? null : unreadyField(doc);
  // The path, not the object: a new object at each render must not restart the debounce.
  const waitsFor = waits?.path ?? null;
  useEffect(() => {
    if (fixed || waitsFor) return;
    let current = true;
    const timer = setTimeout(() => {
      setBusy(true);
      office
        .preview(doc, lang)
        .then((p) => current && setPreview(p))
        .catch(() => undefined)
        .finally(() => current && setBusy(false));
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [office, doc, lang, fixed, waitsFor]);
  const location = useSyncExternalStore(router.subscribe, router.getState).location;
  const screen = location.panel === 'rules' ? 'rules' : 'campaign';
  return (
    <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8 }}>
      <Div style={{ display: 'flex', gap: 8, flexWrap: 'wrap', justifyContent: 'center' }}>
        <PreviewSwitches lang={lang} onLang={setLang} scheme={scheme} onScheme={setScheme} />
        <SegmentedControl
          size="m"
          style={{ width: 200 }}
          value={screen}
          onChange={(v) => router.replace(v === 'rules' ? paths.rules(doc.id) : paths.campaign(doc.id))}
          options={[
            { value: 'campaign', label: t.previewCampaign },
            { value: 'rules', label: t.previewRules },
          ]}
        />
      </Div>
      {/* Above the phone: below it, the note was past the bottom of a laptop's screen beside the sticky column. */}
      <div
        style={{ minHeight: 20, color: 'var(--vkui--color_text_secondary)', fontSize: 13, textAlign: 'center' }}
        data-testid="preview-note"
        data-waits-for={waits?.path}
        data-reason={waits?.reason}
      >
        {waits ? previewWaitsNote(waits, t, language) : busy ? t.previewUpdating : t.previewReadOnly}
      </div>
      {preview ? (
        <PreviewFrame preview={preview} router={router} language={lang} colorScheme={scheme} />
      ) : (
        <Loading size="l" />
      )}
    </div>
  );
}
