/**
 * The web entry's first screen when nobody is signed in: one VK ID button that goes to the server's login start
 * (server/auth/vk-id/web-login.routes.ts), which sends the browser to VK ID with PKCE. Loaded only by the web
 * build, and only when there is no session.
 */
import { Icon56UserCircleOutline } from '@vkontakte/icons';
import {
  AdaptivityProvider,
  AppRoot,
  Button,
  ConfigProvider,
  Panel,
  PanelHeader,
  Placeholder,
  View,
} from '@vkontakte/vkui';
import { useEffect, useState } from 'react';
import { messages } from '../../i18n.ts';
import type { ColorScheme, PlatformAdapter, WebSessionControls } from '../../platform/types.ts';
import { webEntryMessages } from './i18n-web-entry.ts';

export function WebSignIn({ platform, session }: { platform: PlatformAdapter; session: WebSessionControls }) {
  const [colorScheme, setColorScheme] = useState<ColorScheme>('light');
  useEffect(() => platform.subscribeColorScheme(setColorScheme), [platform]);
  // Only the web build renders this screen, and only it has the words (i18n-web-entry.ts).
  const words = webEntryMessages?.[platform.launch.language];
  if (!words) return null;
  const t = { ...messages[platform.launch.language], ...words };
  return (
    <ConfigProvider
      locale={platform.launch.language}
      colorScheme={colorScheme}
      platform={platform.launch.desktopWeb ? 'vkcom' : undefined}
    >
      <AdaptivityProvider>
        <AppRoot>
          <View activePanel="web-sign-in">
            <Panel id="web-sign-in">
              <PanelHeader>{t.appTitle}</PanelHeader>
              <Placeholder
                icon={<Icon56UserCircleOutline />}
                title={t.webSignInTitle}
                action={
                  <Button size="l" href={session.loginUrl()} data-testid="web-sign-in">
                    {t.webSignIn}
                  </Button>
                }
              >
                {t.webSignInText}
              </Placeholder>
            </Panel>
          </View>
        </AppRoot>
      </AdaptivityProvider>
    </ConfigProvider>
  );
}
