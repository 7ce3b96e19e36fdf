/** One published revision, read-only: the same form (disabled) beside the preview of that revision's document. */
import { Group, Placeholder } from '@vkontakte/vkui';
import { useState } from 'react';
import { fill } from '../../i18n-fill.ts';
import { PanelHeaderWithBack } from '../../PanelHeaderWithBack.tsx';
import { LoadState } from '../../screens/LoadState.tsx';
import { useAsync } from '../../use-async.ts';
import { useRouteId } from '../../use-route-id.ts';
import { useRouteParam } from '../../use-route-param.ts';
import { EditorForm } from '../editor/EditorForm.tsx';
import { InsetBanner } from '../InsetBanner.tsx';
import { PreviewPane } from '../preview/PreviewPane.tsx';
import { useOffice } from '../use-office.ts';

export function RevisionView() {
  const { t, office, language } = useOffice();
  const campaignId = useRouteId();
  const n = Number(useRouteParam('n'));
  const [lang, setLang] = useState<'ru' | 'en'>(language);
  const valid = campaignId !== undefined && Number.isInteger(n) && n > 0;
  const state = useAsync(() => office.revision(campaignId ?? 0, n), [office, campaignId, n], valid);
  return (
    <>
      <PanelHeaderWithBack back={t.back}>{fill(t.revision, { n: Number.isFinite(n) ? n : '' })}</PanelHeaderWithBack>
      {!valid ? (
        <Placeholder title={t.notFoundTitle} />
      ) : (
        <LoadState state={state}>
          {(doc) => (
            <>
              <Group>
                <InsetBanner
                  mode="tint"
                  title={fill(t.revisionReadOnly, { n })}
                  data-testid="office-revision-readonly"
                />
              </Group>
              <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
                <div style={{ flex: 1, minWidth: 320 }}>
                  <EditorForm
                    doc={doc}
                    edit={() => {}}
                    state={{ lang, problems: [], readOnly: true }}
                    onLanguage={setLang}
                  />
                </div>
                {/* Its one-row width (~470 px) shrinks to the screen on a phone, so its switches wrap as in the editor. */}
                <div style={{ flex: '0 1 auto', minWidth: 0, maxWidth: '100%', paddingTop: 8 }}>
                  <PreviewPane document={doc} />
                </div>
              </div>
            </>
          )}
        </LoadState>
      )}
    </>
  );
}
