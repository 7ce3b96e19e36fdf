/**
 * The office's panels in the app's one View. Each office section loads its code only when its panel is on the stack,
 * and is never preloaded for participants. A build without the office (miniapp/build-contents.ts: the iOS single
 * file) never calls `officePanels`, so this module and every office import drop out of it.
 */
import { Panel, PanelHeader, Spinner } from '@vkontakte/vkui';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactElement, Suspense } from 'react';
import { ADMIN_PANELS, PANELS } from './routes.ts';

type Section = LazyExoticComponent<ComponentType>;

let loaders:
  | { office: LazyExoticComponent<ComponentType<{ panel: string }>>; sections: [string, Section][] }
  | undefined;

/** Made on first use rather than at module load, so a build that never draws the office keeps none of it. */
function officeCode() {
  loaders ??= {
    office: lazy(() => import('./admin/AdminOffice.tsx')),
    // Plain React.lazy (not lazyPanel): never preloaded for participants.
    sections: [
      [PANELS.adminDraw, lazy(() => import('./admin/draw/DrawOffice.tsx'))],
      [PANELS.adminCalendar, lazy(() => import('./admin/calendar/CalendarSection.tsx'))],
      [PANELS.adminPools, lazy(() => import('./admin/pools/PoolsPanel.tsx'))],
      [PANELS.adminCalculator, lazy(() => import('./admin/calculator/CalculatorEditorPanel.tsx'))],
      [PANELS.adminOffers, lazy(() => import('./admin/catalogue-offers/OfferCataloguePanel.tsx'))],
      [PANELS.adminBeta, lazy(() => import('./admin/beta/BetaPanel.tsx'))],
      [PANELS.adminCampaignSections, lazy(() => import('./admin/home/CampaignSectionsPanel.tsx'))],
    ],
  };
  return loaders;
}

/**
 * The office's panels, as an array of the View's direct children (VKUI's View reads its panels from its children).
 * `panel` is the active one; an office home panel draws once it has been on the stack (`history`).
 */
export function officePanels(panel: string, history: readonly string[]): ReactElement[] {
  const { office: AdminOffice, sections } = officeCode();
  return [
    ...sections.map(([id, Section]) => (
      <Panel key={id} id={id}>
        <Suspense fallback={<PanelHeader />}>{panel === id ? <Section /> : <Spinner />}</Suspense>
      </Panel>
    )),
    ...ADMIN_PANELS.map((id) => (
      <Panel key={id} id={id}>
        {/* No office title before the server has said this person may see the office. */}
        <Suspense fallback={<PanelHeader />}>
          {history.includes(id) ? <AdminOffice panel={id} /> : <Spinner />}
        </Suspense>
      </Panel>
    )),
  ];
}
