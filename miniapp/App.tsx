/** The screens in one VKUI View driven by the hash router; back navigation wired to the platform. */
import { Panel, PanelHeader, Spinner, SplitCol, SplitLayout, View } from '@vkontakte/vkui';
import { lazy, Suspense, useEffect } from 'react';
import { useApp } from './app-context.ts';
import { LazyPanel, lazyPanel, preloadPanels } from './lazy-panel.tsx';
import {
  ADMIN_PANELS,
  PANELS,
  useActiveVkuiLocation,
  useFirstPageCheck,
  useRouteNavigator,
  VIEW_MAIN,
} from './routes.ts';
import { HomePanel } from './screens/HomePanel.tsx';
import './panel-header-back.css';

// Only the first screen is in the initial bundle; the rest load on demand (and are preloaded when idle).
const CampaignPanel = lazyPanel(
  PANELS.campaign,
  async () => (await import('./screens/CampaignPanel.tsx')).CampaignPanel,
);
const RulesPanel = lazyPanel(PANELS.rules, async () => (await import('./screens/RulesPanel.tsx')).RulesPanel);
const QuizPanel = lazyPanel(PANELS.quiz, async () => (await import('./screens/promo/QuizPanel.tsx')).QuizPanel);
const QuizResultPanel = lazyPanel(
  PANELS.quizResult,
  async () => (await import('./screens/promo/QuizResultPanel.tsx')).QuizResultPanel,
);
const TaskQuizPanel = lazyPanel(
  PANELS.taskQuiz,
  async () => (await import('./screens/promo/TaskQuizPanel.tsx')).TaskQuizPanel,
);
const RewardPanel = lazyPanel(PANELS.reward, async () => (await import('./screens/promo/RewardPanel.tsx')).RewardPanel);
const PrizesPanel = lazyPanel(PANELS.prizes, async () => (await import('./screens/promo/PrizesPanel.tsx')).PrizesPanel);
const CalculatorPanel = lazyPanel(
  PANELS.calculator,
  async () => (await import('./screens/calculator/CalculatorPanel.tsx')).CalculatorPanel,
);
const CataloguePanel = lazyPanel(
  PANELS.offers,
  async () => (await import('./screens/catalogue/CataloguePanel.tsx')).CataloguePanel,
);
const OfferPanel = lazyPanel(PANELS.offer, async () => (await import('./screens/catalogue/OfferPanel.tsx')).OfferPanel);
const NotFoundPanel = lazyPanel(
  PANELS.notFound,
  async () => (await import('./screens/NotFoundPanel.tsx')).NotFoundPanel,
);
const SupportPanel = lazyPanel(
  PANELS.help,
  async () => (await import('./screens/support/SupportPanel.tsx')).SupportPanel,
);
const NewTicketPanel = lazyPanel(
  PANELS.helpNew,
  async () => (await import('./screens/support/NewTicketPanel.tsx')).NewTicketPanel,
);
const TicketPanel = lazyPanel(
  PANELS.helpTicket,
  async () => (await import('./screens/support/TicketPanel.tsx')).TicketPanel,
);
const AdminOffice = lazy(() => import('./admin/AdminOffice.tsx'));
const DrawOffice = lazy(() => import('./admin/draw/DrawOffice.tsx'));
const AdminCalendar = lazy(() => import('./admin/calendar/CalendarSection.tsx'));
// Office sections: plain React.lazy (not lazyPanel), so they are never preloaded for participants.
const AdminPools = lazy(() => import('./admin/pools/PoolsPanel.tsx'));
const AdminBeta = lazy(() => import('./admin/beta/BetaPanel.tsx'));
const AdminCalculator = lazy(() => import('./admin/calculator/CalculatorEditorPanel.tsx'));
const AdminOffers = lazy(() => import('./admin/catalogue-offers/OfferCataloguePanel.tsx'));
// An invitation is opened by someone not yet in the office: outside the member gate, still never preloaded.
const InvitePanel = lazy(() => import('./admin/invite/InvitePanel.tsx'));
const BetaJoinPanel = lazyPanel(
  PANELS.betaJoin,
  async () => (await import('./screens/beta/BetaJoinPanel.tsx')).BetaJoinPanel,
);

const OFFICE_PANELS = new Set<string>([
  ...ADMIN_PANELS,
  PANELS.adminPools,
  PANELS.adminBeta,
  PANELS.adminCalculator,
  PANELS.adminOffers,
  PANELS.adminDraw,
  PANELS.adminCalendar,
]);

/** An office panel: its code loads only when the panel is on the stack. */
function AdminPanel({ id, shown }: { id: string; shown: boolean }) {
  return (
    <Panel id={id}>
      {/* No office title before the server has said this person may see the office. */}
      <Suspense fallback={<PanelHeader />}>{shown ? <AdminOffice panel={id} /> : <Spinner />}</Suspense>
    </Panel>
  );
}

export function App() {
  const { platform, telemetry } = useApp();
  const { panel = PANELS.home, panelsHistory } = useActiveVkuiLocation();
  const navigator = useRouteNavigator();
  const isFirstScreen = useFirstPageCheck();

  useEffect(preloadPanels, []);
  useEffect(() => telemetry?.screen(panel), [telemetry, panel]);

  useEffect(() => {
    platform.setBackNavigation({ isFirstScreen, onBack: () => void navigator.back() });
  }, [platform, isFirstScreen, navigator]);

  return (
    <SplitLayout center>
      <SplitCol autoSpaced width="100%" maxWidth={OFFICE_PANELS.has(panel) ? undefined : 800} stretchedOnMobile>
        <View nav={VIEW_MAIN} activePanel={panel} history={panelsHistory} onSwipeBack={() => navigator.back()}>
          <HomePanel id={PANELS.home} />
          <LazyPanel id={PANELS.campaign} panel={CampaignPanel} />
          <LazyPanel id={PANELS.rules} panel={RulesPanel} />
          <LazyPanel id={PANELS.quiz} panel={QuizPanel} />
          <LazyPanel id={PANELS.quizResult} panel={QuizResultPanel} />
          <LazyPanel id={PANELS.taskQuiz} panel={TaskQuizPanel} />
          <LazyPanel id={PANELS.reward} panel={RewardPanel} />
          <LazyPanel id={PANELS.prizes} panel={PrizesPanel} />
          <LazyPanel id={PANELS.calculator} panel={CalculatorPanel} />
          <LazyPanel id={PANELS.offers} panel={CataloguePanel} />
          <LazyPanel id={PANELS.offer} panel={OfferPanel} />
          <LazyPanel id={PANELS.help} panel={SupportPanel} />
          <LazyPanel id={PANELS.helpNew} panel={NewTicketPanel} />
          <LazyPanel id={PANELS.helpTicket} panel={TicketPanel} />
          <LazyPanel id={PANELS.notFound} panel={NotFoundPanel} />
          <Panel id={PANELS.adminDraw}>
            <Suspense fallback={<PanelHeader />}>{panel === PANELS.adminDraw ? <DrawOffice /> : <Spinner />}</Suspense>
          </Panel>
          <Panel id={PANELS.adminCalendar}>
            <Suspense fallback={<PanelHeader />}>
              {panel === PANELS.adminCalendar ? <AdminCalendar /> : <Spinner />}
            </Suspense>
          </Panel>
          <Panel id={PANELS.adminPools}>
            <Suspense fallback={<PanelHeader />}>{panel === PANELS.adminPools ? <AdminPools /> : <Spinner />}</Suspense>
          </Panel>
          <Panel id={PANELS.adminCalculator}>
            <Suspense fallback={<PanelHeader />}>
              {panel === PANELS.adminCalculator ? <AdminCalculator /> : <Spinner />}
            </Suspense>
          </Panel>
          <Panel id={PANELS.adminOffers}>
            <Suspense fallback={<PanelHeader />}>
              {panel === PANELS.adminOffers ? <AdminOffers /> : <Spinner />}
            </Suspense>
          </Panel>
          <Panel id={PANELS.adminBeta}>
            <Suspense fallback={<PanelHeader />}>{panel === PANELS.adminBeta ? <AdminBeta /> : <Spinner />}</Suspense>
          </Panel>
          <LazyPanel id={PANELS.betaJoin} panel={BetaJoinPanel} />
          <Panel id={PANELS.invite}>
            <Suspense fallback={<PanelHeader />}>{panel === PANELS.invite ? <InvitePanel /> : <Spinner />}</Suspense>
          </Panel>
          <AdminPanel id={PANELS.admin} shown={panelsHistory.includes(PANELS.admin)} />
          <AdminPanel id={PANELS.adminCatalogue} shown={panelsHistory.includes(PANELS.adminCatalogue)} />
          <AdminPanel id={PANELS.adminCampaign} shown={panelsHistory.includes(PANELS.adminCampaign)} />
          <AdminPanel id={PANELS.adminRevision} shown={panelsHistory.includes(PANELS.adminRevision)} />
          <AdminPanel id={PANELS.adminAgency} shown={panelsHistory.includes(PANELS.adminAgency)} />
          <AdminPanel id={PANELS.adminAgencyBrand} shown={panelsHistory.includes(PANELS.adminAgencyBrand)} />
          <AdminPanel id={PANELS.adminAgencySettings} shown={panelsHistory.includes(PANELS.adminAgencySettings)} />
          <AdminPanel id={PANELS.adminAgencyTeam} shown={panelsHistory.includes(PANELS.adminAgencyTeam)} />
          <AdminPanel id={PANELS.adminAudit} shown={panelsHistory.includes(PANELS.adminAudit)} />
          <AdminPanel id={PANELS.adminTeam} shown={panelsHistory.includes(PANELS.adminTeam)} />
          <AdminPanel id={PANELS.adminBrandMailings} shown={panelsHistory.includes(PANELS.adminBrandMailings)} />
          <AdminPanel id={PANELS.adminMailings} shown={panelsHistory.includes(PANELS.adminMailings)} />
          <AdminPanel id={PANELS.adminMailingRule} shown={panelsHistory.includes(PANELS.adminMailingRule)} />
          <AdminPanel id={PANELS.adminMailingBroadcast} shown={panelsHistory.includes(PANELS.adminMailingBroadcast)} />
          <AdminPanel id={PANELS.adminCampaignStats} shown={panelsHistory.includes(PANELS.adminCampaignStats)} />
          <AdminPanel id={PANELS.adminBrandStats} shown={panelsHistory.includes(PANELS.adminBrandStats)} />
          <AdminPanel id={PANELS.adminSupport} shown={panelsHistory.includes(PANELS.adminSupport)} />
          <AdminPanel id={PANELS.adminSupportTicket} shown={panelsHistory.includes(PANELS.adminSupportTicket)} />
          <AdminPanel id={PANELS.adminSupportKnowledge} shown={panelsHistory.includes(PANELS.adminSupportKnowledge)} />
          <AdminPanel id={PANELS.adminSupportCanned} shown={panelsHistory.includes(PANELS.adminSupportCanned)} />
          <AdminPanel id={PANELS.adminBrandLeads} shown={panelsHistory.includes(PANELS.adminBrandLeads)} />
          <AdminPanel id={PANELS.adminLeads} shown={panelsHistory.includes(PANELS.adminLeads)} />
          <AdminPanel id={PANELS.adminLead} shown={panelsHistory.includes(PANELS.adminLead)} />
          <AdminPanel id={PANELS.adminLeadWebhook} shown={panelsHistory.includes(PANELS.adminLeadWebhook)} />
        </View>
      </SplitCol>
    </SplitLayout>
  );
}
