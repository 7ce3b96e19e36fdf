/**
 * The Telegram adapter (@telegram-apps/bridge): `initData` to the server as `tma <initData>`, theme parameters
 * mapped onto VKUI's colour scheme and tokens, Telegram's BackButton for back navigation, `start_param`
 * deep links, haptics. The launch hash (`#tgWebAppData=…`) is swapped for the route while this module is
 * evaluated — before the hash router reads it (main.tsx imports `#platform` before the app).
 * The bridge alone, not @telegram-apps/sdk: the few Mini App methods used here are single events, and the SDK's
 * components (signals, mount/unmount state) were most of this variant's first-screen download. The bridge itself
 * (with valibot and its transformers) is a chunk loaded once the first screen is shown (telegram-bridge.ts), when
 * `web_app_ready` is due: the first screen needs only the launch, read from the fragment by hand, and the theme;
 * calls made before the bridge has arrived load it and wait for it.
 */

import { setThemeLayer } from '../theme-sheet.ts';
import { copyWithClipboard } from './browser-actions.ts';
import type { TelegramBridge } from './telegram-bridge.ts';
import {
  parseTelegramLaunch,
  startParamToRoute,
  type TelegramTheme,
  themeScheme,
  themeTokens,
  versionAtLeast,
} from './telegram-launch.ts';
import { type ColorScheme, type LaunchInfo, type PlatformAdapter, systemColorScheme } from './types.ts';

interface ReadLaunch {
  launch: LaunchInfo;
  theme: TelegramTheme;
  /** The client has BackButton (Bot API 6.1, core.telegram.org/bots/webapps#backbutton). */
  hasBackButton: boolean;
}

/** The launch of this tab, kept for a reload: by then the fragment holds the route, not the launch. */
const LAUNCH_KEY = 'promo-telegram-launch';

function launchFragment(): string {
  const fromUrl = /(^#|&)tgWebAppData=/.test(location.hash) ? location.hash : '';
  try {
    if (fromUrl) sessionStorage.setItem(LAUNCH_KEY, fromUrl);
    return fromUrl || (sessionStorage.getItem(LAUNCH_KEY) ?? '');
  } catch {
    return fromUrl;
  }
}

function readLaunch(): ReadLaunch {
  const { initData, platform, version, startParam, theme } = parseTelegramLaunch(launchFragment());
  const data = new URLSearchParams(initData);
  let languageCode = '';
  let userId: unknown;
  try {
    const user = JSON.parse(data.get('user') ?? '{}') as { language_code?: string; id?: unknown };
    languageCode = user.language_code ?? '';
    userId = user.id;
  } catch {}
  const startRoute = startParamToRoute(startParam);
  return {
    launch: {
      authorization: `tma ${initData}`,
      ...(userId ? { person: `tg:${userId}` } : {}),
      language: languageCode === '' || /^(ru|uk|be|kk)/.test(languageCode) ? 'ru' : 'en',
      desktopWeb: /^(tdesktop|web|weba|webk|macos)$/.test(platform),
      ...(startRoute ? { startRoute } : {}),
    },
    theme,
    hasBackButton: versionAtLeast(version, '6.1'),
  };
}

const { launch, theme: launchTheme, hasBackButton } = readLaunch();
if (/tgWebApp/.test(location.hash) || (launch.startRoute && !sessionStorage.getItem('promo-start-routed'))) {
  // Only the first load follows start_param; a reload stays on the screen the user was on.
  sessionStorage.setItem('promo-start-routed', '1');
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${launch.startRoute ?? '/'}`);
}

/**
 * Telegram's theme on VKUI: the platform layer of theme-sheet.ts, rewritten whole on each change, so a colour the new
 * theme omits goes back to VKUI's (a dark accent left on a light page was found from outside).
 */
function applyTheme(theme: TelegramTheme): void {
  setThemeLayer('platform', themeTokens(theme));
}

/** BackButton (6.1) and haptics (6.1) are missing from older clients, where the bridge throws: they are extras. */
function tryPost(post: () => void): void {
  try {
    post();
  } catch {}
}

let bridge: Promise<TelegramBridge> | undefined;
/** The bridge chunk, asked for once; a failed download (network lost) is asked for again by the next call. */
function withBridge(connect: () => Promise<TelegramBridge>): Promise<TelegramBridge> {
  bridge ??= connect().catch((err: unknown) => {
    bridge = undefined;
    throw err;
  });
  return bridge;
}

export function createPlatform(): PlatformAdapter {
  let scheme: ColorScheme = themeScheme(launchTheme, systemColorScheme());
  const listeners = new Set<(s: ColorScheme) => void>();
  let onBack: () => void = () => {};
  let backVisible: boolean | undefined;
  const connect = async () =>
    (await import('./telegram-bridge.ts')).connectTelegram({
      onTheme: (theme) => {
        applyTheme(theme);
        const next = themeScheme(theme, scheme);
        if (next === scheme) return;
        scheme = next;
        for (const l of listeners) l(scheme);
      },
      onBack: () => onBack(),
    });
  const post = (method: string, params?: Record<string, unknown>) =>
    withBridge(connect).then((b) => b.post(method, params));

  return {
    name: 'telegram',
    launch,
    // Telegram's guidelines make its BackButton the app's one back; an older client without it keeps the header's.
    drawsOwnBack: hasBackButton,
    init: async () => {
      applyTheme(launchTheme);
    },
    firstScreenShown: () => {
      // Without the bridge the app still works (the launch is read already); the next call to the client retries.
      void withBridge(connect).catch(() => undefined);
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
      void withBridge(connect)
        .then((b) => tryPost(() => b.post('web_app_setup_back_button', { is_visible: visible })))
        .catch(() => undefined);
    },
    joinCommunity: async () => ({ status: 'unsupported' }),
    allowMessages: async () => ({ status: 'unsupported' }),
    allowNotifications: async () => ({ status: 'unsupported' }),
    showStory: async () => ({ status: 'unsupported' }),
    // Only VK signs a phone or e-mail the server can check; here the lead form's fields are typed by hand.
    getPhoneNumber: async () => ({ status: 'unsupported' }),
    getEmail: async () => ({ status: 'unsupported' }),
    share: async (link) => {
      await post('web_app_open_tg_link', { path_full: `/share/url?url=${encodeURIComponent(link)}` });
      return { status: 'done' };
    },
    openLink: async (url) => {
      await post('web_app_open_link', { url });
      return { status: 'done' };
    },
    copyText: copyWithClipboard,
    haptic: (kind) => {
      void withBridge(connect)
        .then((b) =>
          tryPost(() => b.post('web_app_trigger_haptic_feedback', { type: 'notification', notification_type: kind })),
        )
        .catch(() => undefined);
    },
  };
}
