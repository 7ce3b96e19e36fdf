/**
 * The office's panels in the app's one View. Each office section loads its code only when its panel is on the stack,
 * and is never preloaded for participants. A build without the office (miniapp/build-contents.ts: the iOS single
 * file) never calls `officePanels`, so this module and every office import drop out of it.
 */
import { Panel, PanelHeader } from '@vkontakte/vkui';
import { type ReactElement, type ReactNode, Suspense } from 'react';
import { Loading } from './Loading.tsx';
import { CodeLoadBoundary, type LazyCode, lazyCode } from './lazy-panel.tsx';
import { ADMIN_PANELS, PANELS } from './routes.ts';

type Section = LazyCode<Record<string, never>>;

let loaders:
  | {
      office: LazyCode<{ panel: string }>;
      wording: LazyCode<{ children: ReactNode }>;
      sections: [string, Section][];
    }
  | undefined;

/** Made on first use rather than at module load, so a build that never draws the office keeps none of it. */
function officeCode() {
  loaders ??= {
    office: lazyCode(async () => (await import('./admin/AdminOffice.tsx')).default),
    // The office's wording of a failed load, which AdminOffice gives its panels at its root; the sections below are
    // not drawn through AdminOffice, so they get it here (without it the pools screen said a 403 in the participant's
    // words, "Нет доступа.", seen in its screenshot). Loaded with a section, never for participants (decision 040).
    wording: lazyCode(async () => (await import('./admin/OfficeWording.tsx')).OfficeWording),
    // lazyCode, not lazyPanel: never preloaded for participants.
    sections: [
      [PANELS.adminDraw, lazyCode(async () => (await import('./admin/draw/DrawOffice.tsx')).default)],
      [PANELS.adminCalendar, lazyCode(async () => (await import('./admin/calendar/CalendarSection.tsx')).default)],
      [PANELS.adminPools, lazyCode(async () => (await import('./admin/pools/PoolsPanel.tsx')).default)],
      [
        PANELS.adminCalculator,
        lazyCode(async () => (await import('./admin/calculator/CalculatorEditorPanel.tsx')).default),
      ],
      [
        PANELS.adminOffers,
        lazyCode(async () => (await import('./admin/catalogue-offers/OfferCataloguePanel.tsx')).default),
      ],
      [PANELS.adminBeta, lazyCode(async () => (await import('./admin/beta/BetaPanel.tsx')).default)],
      [
        PANELS.adminCampaignSections,
        lazyCode(async () => (await import('./admin/home/CampaignSectionsPanel.tsx')).default),
      ],
    ],
  };
  return loaders;
}

/**
 * The office's panels, as an array of the View's direct children (VKUI's View reads its panels from its children).
 * `panel` is the active one; an office home panel draws once it has been on the stack (`history`).
 */
export function officePanels(panel: string, history: readonly string[]): ReactElement[] {
  const { office, wording, sections } = officeCode();
  // A download that fails (the network gone for a moment) shows Back and Retry in the panel, not the app's error.
  return [
    ...sections.map(([id, section]) => (
      <Panel key={id} id={id}>
        <CodeLoadBoundary code={section}>
          <Suspense fallback={<PanelHeader />}>
            {panel === id ? (
              <wording.lazy>
                <section.lazy />
              </wording.lazy>
            ) : (
              <Loading />
            )}
          </Suspense>
        </CodeLoadBoundary>
      </Panel>
    )),
    ...ADMIN_PANELS.map((id) => (
      <Panel key={id} id={id}>
        <CodeLoadBoundary code={office}>
          {/* No office title before the server has said this person may see the office. */}
          <Suspense fallback={<PanelHeader />}>
            {history.includes(id) ? <office.lazy panel={id} /> : <Loading />}
          </Suspense>
        </CodeLoadBoundary>
      </Panel>
    )),
  ];
}
