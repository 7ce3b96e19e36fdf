/** The screens in one VKUI View driven by the hash router; back navigation wired to the platform. */
import { useActiveVkuiLocation, useFirstPageCheck, useRouteNavigator } from '@vkontakte/vk-mini-apps-router';
import { Panel, PanelHeader, Spinner, SplitCol, SplitLayout, View } from '@vkontakte/vkui';
import { lazy, Suspense, useEffect } from 'react';
import { useApp } from './app-context.ts';
import { PANELS, VIEW_MAIN } from './routes.ts';
import { CampaignPanel } from './screens/CampaignPanel.tsx';
import { HomePanel } from './screens/HomePanel.tsx';
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
    <SplitLayout>
      <SplitCol autoSpaced>
        <View nav={VIEW_MAIN} activePanel={panel} history={panelsHistory} onSwipeBack={() => navigator.back()}>
          <HomePanel id={PANELS.home} />
          <CampaignPanel id={PANELS.campaign} />
          <RulesPanel id={PANELS.rules} />
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
