/** The screens in one VKUI View driven by the hash router; back navigation wired to the platform. */
import { Panel, PanelHeader, SplitCol, SplitLayout, View } from '@vkontakte/vkui';
import { lazy, type ReactElement, Suspense, useEffect } from 'react';
import { useApp } from './app-context.ts';
import { HAS_OFFICE } from './build-contents.ts';
import { LazyPanel, type LazyPanelCode, lazyPanel, preloadPanels } from './lazy-panel.tsx';
import { officePanels } from './office-panels.tsx';
import {
  OFFICE_PANELS,
  PANELS,
  useActiveVkuiLocation,
  useFirstPageCheck,
  useRouteNavigator,
  VIEW_MAIN,
} from './routes.ts';
import { HomePanel } from './screens/HomePanel.tsx';
import './panel-header-back.css';
import { Loading } from './Loading.tsx';

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
// An invitation is opened by someone not yet in the office: outside the member gate, still never preloaded.
const InvitePanel = lazy(() => import('./admin/invite/InvitePanel.tsx'));
const BetaJoinPanel = lazyPanel(
  PANELS.betaJoin,
  async () => (await import('./screens/beta/BetaJoinPanel.tsx')).BetaJoinPanel,
);

/** The participant's lazy panels, in the View's order. */
const LAZY_PANELS: ReadonlyArray<[string, LazyPanelCode]> = [
  [PANELS.campaign, CampaignPanel],
  [PANELS.rules, RulesPanel],
  [PANELS.quiz, QuizPanel],
  [PANELS.quizResult, QuizResultPanel],
  [PANELS.taskQuiz, TaskQuizPanel],
  [PANELS.reward, RewardPanel],
  [PANELS.prizes, PrizesPanel],
  [PANELS.calculator, CalculatorPanel],
  [PANELS.offers, CataloguePanel],
  [PANELS.offer, OfferPanel],
  [PANELS.help, SupportPanel],
  [PANELS.helpNew, NewTicketPanel],
  [PANELS.helpTicket, TicketPanel],
  [PANELS.notFound, NotFoundPanel],
  [PANELS.betaJoin, BetaJoinPanel],
];

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

  // One list: VKUI's View takes its panels as direct children.
  const panels: ReactElement[] = [
    <HomePanel key={PANELS.home} id={PANELS.home} />,
    ...LAZY_PANELS.map(([id, code]) => <LazyPanel key={id} id={id} panel={code} />),
    <Panel key={PANELS.invite} id={PANELS.invite}>
      <Suspense fallback={<PanelHeader />}>{panel === PANELS.invite ? <InvitePanel /> : <Loading />}</Suspense>
    </Panel>,
    ...(HAS_OFFICE ? officePanels(panel, panelsHistory) : []),
  ];

  return (
    <SplitLayout center>
      <SplitCol autoSpaced width="100%" maxWidth={OFFICE_PANELS.has(panel) ? undefined : 800} stretchedOnMobile>
        <View nav={VIEW_MAIN} activePanel={panel} history={panelsHistory} onSwipeBack={() => navigator.back()}>
          {panels}
        </View>
      </SplitCol>
    </SplitLayout>
  );
}
