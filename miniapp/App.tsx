/** The screens in one VKUI View driven by the hash router; back navigation wired to the platform. */
import { useActiveVkuiLocation, useFirstPageCheck, useRouteNavigator } from '@vkontakte/vk-mini-apps-router';
import { Panel, PanelHeader, Spinner, SplitCol, SplitLayout, View } from '@vkontakte/vkui';
import { lazy, Suspense, useEffect } from 'react';
import { useApp } from './app-context.ts';
import { PANELS, VIEW_MAIN } from './routes.ts';
import { CampaignPanel } from './screens/CampaignPanel.tsx';
import { HomePanel } from './screens/HomePanel.tsx';
import { PrizesPanel } from './screens/promo/PrizesPanel.tsx';
import { QuizPanel } from './screens/promo/QuizPanel.tsx';
import { QuizResultPanel } from './screens/promo/QuizResultPanel.tsx';
import { RewardPanel } from './screens/promo/RewardPanel.tsx';
import { TaskQuizPanel } from './screens/promo/TaskQuizPanel.tsx';
import { RulesPanel } from './screens/RulesPanel.tsx';

const AdminOffice = lazy(() => import('./admin/AdminOffice.tsx'));

export function App() {
  const { platform, t } = useApp();
  const { panel = PANELS.home, panelsHistory } = useActiveVkuiLocation();
  const navigator = useRouteNavigator();
  const isFirstScreen = useFirstPageCheck();

  useEffect(() => {
    platform.setBackNavigation({ isFirstScreen, onBack: () => void navigator.back() });
  }, [platform, isFirstScreen, navigator]);

  return (
    <SplitLayout center>
      <SplitCol autoSpaced width="100%" maxWidth={panel === PANELS.admin ? undefined : 800} stretchedOnMobile>
        <View nav={VIEW_MAIN} activePanel={panel} history={panelsHistory} onSwipeBack={() => navigator.back()}>
          <HomePanel id={PANELS.home} />
          <CampaignPanel id={PANELS.campaign} />
          <RulesPanel id={PANELS.rules} />
          <QuizPanel id={PANELS.quiz} />
          <QuizResultPanel id={PANELS.quizResult} />
          <TaskQuizPanel id={PANELS.taskQuiz} />
          <RewardPanel id={PANELS.reward} />
          <PrizesPanel id={PANELS.prizes} />
          <Panel id={PANELS.admin}>
            <Suspense fallback={<PanelHeader>{t.adminTitle}</PanelHeader>}>
              {panel === PANELS.admin ? <AdminOffice /> : <Spinner />}
            </Suspense>
          </Panel>
        </View>
      </SplitCol>
    </SplitLayout>
  );
}
