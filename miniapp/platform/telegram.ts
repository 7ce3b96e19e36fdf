/**
 * The Telegram adapter (@telegram-apps/bridge): `initData` to the server as `tma <initData>`, theme parameters
 * mapped onto VKUI's colour scheme and tokens, Telegram's BackButton for back navigation, `start_param`
 * deep links, haptics. The launch hash (`#tgWebAppData=…`) is swapped for the route while this module is
 * evaluated — before the hash router reads it (main.tsx imports `#platform` before the app).
 * The bridge alone, not @telegram-apps/sdk: the few Mini App methods used here are single events, and the SDK's
 * components (signals, mount/unmount state) were most of this variant's first-screen download.
 */
import { on, postEvent, retrieveLaunchParams, retrieveRawInitData } from '@telegram-apps/bridge';
import { startParamToRoute, type TelegramTheme, themeScheme, themeTokens } from './telegram-launch.ts';
import { type ColorScheme, type LaunchInfo, type PlatformAdapter, systemColorScheme } from './types.ts';

interface ReadLaunch {
  launch: LaunchInfo;
  theme: TelegramTheme;
}

function readLaunch(): ReadLaunch {
  const params = retrieveLaunchParams() as Record<string, unknown>;
  const initData = retrieveRawInitData() ?? '';
  const data = new URLSearchParams(initData);
  let languageCode = '';
  try {
    languageCode = (JSON.parse(data.get('user') ?? '{}') as { language_code?: string }).language_code ?? '';
  } catch {}
  const platform = String(params.tgWebAppPlatform ?? '');
  const startRoute = startParamToRoute(
    (params.tgWebAppStartParam as string | undefined) ?? data.get('start_param') ?? undefined,
  );
  return {
    launch: {
      authorization: `tma ${initData}`,
      language: languageCode === '' || /^(ru|uk|be|kk)/.test(languageCode) ? 'ru' : 'en',
      desktopWeb: /^(tdesktop|web|weba|webk|macos)$/.test(platform),
      ...(startRoute ? { startRoute } : {}),
    },
    theme: (params.tgWebAppThemeParams as TelegramTheme | undefined) ?? {},
  };
}

const { launch, theme: launchTheme } = readLaunch();
if (/tgWebApp/.test(location.hash) || (launch.startRoute && !sessionStorage.getItem('promo-start-routed'))) {
  // Only the first load follows start_param; a reload stays on the screen the user was on.
  sessionStorage.setItem('promo-start-routed', '1');
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${launch.startRoute ?? '/'}`);
}

function applyTheme(theme: TelegramTheme): void {
  for (const [token, value] of Object.entries(themeTokens(theme))) {
    document.documentElement.style.setProperty(token, value);
  }
}

/** BackButton (6.1) and haptics (6.1) are missing from older clients, where the bridge throws: they are extras. */
function tryPost(post: () => void): void {
  try {
    post();
  } catch {}
}

export function createPlatform(): PlatformAdapter {
  let scheme: ColorScheme = themeScheme(launchTheme, systemColorScheme());
  const listeners = new Set<(s: ColorScheme) => void>();
  let onBack: () => void = () => {};
  let backVisible: boolean | undefined;

  return {
    name: 'telegram',
    launch,
    init: async () => {
      applyTheme(launchTheme);
      on('theme_changed', ({ theme_params }) => {
        const theme = theme_params as TelegramTheme;
        applyTheme(theme);
        const next = themeScheme(theme, scheme);
        if (next === scheme) return;
        scheme = next;
        for (const l of listeners) l(scheme);
      });
      on('back_button_pressed', () => onBack());
      postEvent('web_app_ready');
      postEvent('web_app_expand');
    },
    subscribeColorScheme: (listener) => {
      listeners.add(listener);
      listener(scheme);
      return () => listeners.delete(listener);
    },
    setBackNavigation: (state) => {
      onBack = state.onBack;
      const visible = !state.isFirstScreen;
      if (visible === backVisible) return;
      backVisible = visible;
      tryPost(() => postEvent('web_app_setup_back_button', { is_visible: visible }));
    },
    joinCommunity: async () => ({ status: 'unsupported' }),
    allowMessages: async () => ({ status: 'unsupported' }),
    allowNotifications: async () => ({ status: 'unsupported' }),
    showStory: async () => ({ status: 'unsupported' }),
    // Only VK signs a phone or e-mail the server can check; here the lead form's fields are typed by hand.
    getPhoneNumber: async () => ({ status: 'unsupported' }),
    getEmail: async () => ({ status: 'unsupported' }),
    share: async (link) => {
      postEvent('web_app_open_tg_link', { path_full: `/share/url?url=${encodeURIComponent(link)}` });
      return { status: 'done' };
    },
    openLink: async (url) => {
      postEvent('web_app_open_link', { url });
      return { status: 'done' };
    },
    copyText: async (text) => {
      try {
        await navigator.clipboard.writeText(text);
        return { status: 'done' };
      } catch {
        return { status: 'failed', reason: 'Clipboard is not available' };
      }
    },
    haptic: (kind) => {
      tryPost(() => postEvent('web_app_trigger_haptic_feedback', { type: 'notification', notification_type: kind }));
    },
  };
}
