/** The smallest VKUI app: the baseline the bench compares each variant's initial download with. */
import '@vkontakte/vkui/dist/vkui.css';
import { AdaptivityProvider, AppRoot, ConfigProvider, Panel, PanelHeader, View } from '@vkontakte/vkui';
import { createRoot } from 'react-dom/client';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <ConfigProvider>
      <AdaptivityProvider>
        <AppRoot>
          <View activePanel="hello">
            <Panel id="hello">
              <PanelHeader>Hello</PanelHeader>
            </Panel>
          </View>
        </AppRoot>
      </AdaptivityProvider>
    </ConfigProvider>,
  );
}
