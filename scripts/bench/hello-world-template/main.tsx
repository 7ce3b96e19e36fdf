/**
 * VK's own mini-app starter, reduced to one screen: VKUI, vk-bridge (`VKWebAppInit`) and
 * @vkontakte/vk-mini-apps-router with the Home/Persik panels of the official template (create-vk-mini-app).
 * The bench reports each variant's ratio against it beside the bare VKUI hello-world the goal is judged by
 * ("what does our app add on top of a minimal VK mini app built the way VK prescribes"); the iOS single file,
 * which is the whole app, is judged against it (docs/decisions/007).
 */
import '@vkontakte/vkui/dist/vkui.css';
import bridge from '@vkontakte/vk-bridge';
import {
  createHashRouter,
  createPanel,
  createRoot as createRouteRoot,
  createView,
  RouterProvider,
  RoutesConfig,
  useActiveVkuiLocation,
  useRouteNavigator,
} from '@vkontakte/vk-mini-apps-router';
import {
  AdaptivityProvider,
  AppRoot,
  Button,
  ConfigProvider,
  Panel,
  PanelHeader,
  PanelHeaderBack,
  SplitCol,
  SplitLayout,
  View,
} from '@vkontakte/vkui';
import { createRoot } from 'react-dom/client';

const routes = RoutesConfig.create([
  createRouteRoot('default_root', [
    createView('default_view', [createPanel('home', '/', []), createPanel('persik', '/persik', [])]),
  ]),
]);
const router = createHashRouter(routes.getRoutes());

function App() {
  const { panel = 'home' } = useActiveVkuiLocation();
  const navigator = useRouteNavigator();
  return (
    <SplitLayout>
      <SplitCol>
        <View activePanel={panel}>
          <Panel id="home">
            <PanelHeader>Hello</PanelHeader>
            <Button onClick={() => navigator.push('/persik')}>Persik</Button>
          </Panel>
          <Panel id="persik">
            <PanelHeader before={<PanelHeaderBack onClick={() => navigator.back()} />}>Persik</PanelHeader>
          </Panel>
        </View>
      </SplitCol>
    </SplitLayout>
  );
}

void bridge.send('VKWebAppInit');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <ConfigProvider>
      <AdaptivityProvider>
        <AppRoot>
          <RouterProvider router={router}>
            <App />
          </RouterProvider>
        </AppRoot>
      </AdaptivityProvider>
    </ConfigProvider>,
  );
}
