/** All providers in one place: colour scheme from the client, VKUI platform and adaptivity, router, services. */
import { AdaptivityProvider, AppRoot, ConfigProvider } from '@vkontakte/vkui';
import { useEffect, useMemo, useState } from 'react';
import { App } from './App.tsx';
import { createApiClient } from './api/client.ts';
import { AppContext, type AppServices } from './app-context.ts';
import { HAS_VKCOM_THEME } from './build-contents.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { messages } from './i18n.ts';
import type { ColorScheme, PlatformAdapter } from './platform/types.ts';
import { syncVkLocation } from './router/vk-location-sync.ts';
import { appRouter, RouterProvider } from './routes.ts';
import { createTelemetry } from './telemetry.ts';

export function AppConfig({
  platform,
  apiBaseUrl,
  onUnauthorized,
}: {
  platform: PlatformAdapter;
  apiBaseUrl: string;
  /** Told of an API call's 401 (the web entry's sign-in comes back); see createApiClient. */
  onUnauthorized?: () => void;
}) {
  const [colorScheme, setColorScheme] = useState<ColorScheme>('light');
  useEffect(() => platform.subscribeColorScheme(setColorScheme), [platform]);
  const services = useMemo<AppServices>(() => {
    const language = platform.launch.language;
    const { authorization } = platform.launch;
    const build = import.meta.env.VITE_BUILD_ID ?? import.meta.env.MODE;
    const telemetry = createTelemetry({ baseUrl: apiBaseUrl, authorization, build });
    const api = createApiClient(apiBaseUrl, authorization, onUnauthorized);
    // A caught error goes with the campaign's telemetry; before a campaign is known, to the bare error log.
    const reportError: typeof api.reportError = (r) =>
      telemetry.error(r.message) ? Promise.resolve() : api.reportError(r);
    return { platform, api: { ...api, reportError }, t: messages[language], language, telemetry };
  }, [platform, apiBaseUrl, onUnauthorized]);

  return (
    <ConfigProvider
      // VKUI's own words and dates (calendars, month names) in the launch's language; its default is Russian.
      locale={services.language}
      colorScheme={colorScheme}
      platform={HAS_VKCOM_THEME && platform.launch.desktopWeb ? 'vkcom' : undefined}
    >
      <AdaptivityProvider>
        <AppRoot>
          <AppContext.Provider value={services}>
            <ErrorBoundary
              api={services.api}
              title={services.t.errorTitle}
              retry={services.t.retry}
              language={services.language}
            >
              <RouterProvider router={appRouter()} sync={platform.name === 'vk' ? syncVkLocation : undefined}>
                <App />
              </RouterProvider>
            </ErrorBoundary>
          </AppContext.Provider>
        </AppRoot>
      </AdaptivityProvider>
    </ConfigProvider>
  );
}
