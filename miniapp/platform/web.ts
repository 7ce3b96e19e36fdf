/**
 * The web entry (issue 17): the participant app at a plain URL outside any client, signed in with VK ID. There is no
 * launch data: the server's HTTP-only session cookie identifies the VK user on every same-origin request, so
 * `authorization` is empty. Share, copy and open link use the browser's own means; what only the VK client can do
 * (join the community, allow messages or notifications, post a story) answers `unsupported`, and the task offers
 * "open in VK" instead (TaskCell).
 */

import { copyWithClipboard, openInNewTab } from './browser-actions.ts';
import {
  type ActionResult,
  type LaunchInfo,
  type PlatformAdapter,
  subscribeSystemColorScheme,
  type WebSessionControls,
} from './types.ts';

const unsupported = async (): Promise<ActionResult> => ({ status: 'unsupported' });
const apiBase = () => (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/$/, '');

/**
 * The language before the session is known (the sign-in screen): the link's `?lang`, else the browser's. Once signed
 * in, the session's language wins (`check`), since the API answers in it: the page and its texts never mix.
 */
function askedLanguage(): 'ru' | 'en' {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'ru' || asked === 'en') return asked;
  return /^(ru|uk|be|kk)/i.test(navigator.language ?? '') ? 'ru' : 'en';
}

/** The screen the page is on (its hash route), for the login to come back to; the server checks it again. */
function currentRoute(): string | undefined {
  if (typeof location === 'undefined') return undefined;
  const route = location.hash.replace(/^#/, '');
  return route.startsWith('/') && route !== '/' ? route : undefined;
}

export function webSessionControls(launch: LaunchInfo, send: typeof fetch = fetch): WebSessionControls {
  let vkAppUrl = 'https://vk.com/';
  return {
    async check() {
      try {
        const res = await send(`${apiBase()}/api/web/session`, { credentials: 'same-origin' });
        if (!res.ok) return false;
        const body = (await res.json()) as {
          signedIn: boolean;
          vkAppUrl?: string;
          language?: string;
          userId?: string;
        };
        if (body.vkAppUrl) vkAppUrl = body.vkAppUrl;
        // Whom this browser's drafts belong to (LaunchInfo.person): the page cannot read the HTTP-only cookie, the
        // session answer names its VK user. Keys local drafts only; the server goes by the cookie.
        launch.person = body.signedIn && body.userId ? `vk:${body.userId}` : undefined;
        // Checked before the first render, so every screen and the API's texts share the session's language.
        if (body.signedIn && (body.language === 'ru' || body.language === 'en')) launch.language = body.language;
        return body.signedIn;
      } catch {
        return false;
      }
    },
    loginUrl: () => {
      const route = currentRoute();
      const query = new URLSearchParams({ lang: launch.language, ...(route ? { route } : {}) });
      return `${apiBase()}/api/web/login?${query}`;
    },
    vkAppUrl: () => vkAppUrl,
    async logout() {
      launch.person = undefined;
      await send(`${apiBase()}/api/web/logout`, { method: 'POST', credentials: 'same-origin' }).catch(() => {});
    },
  };
}

export function createPlatform(): PlatformAdapter {
  const desktopWeb = typeof matchMedia === 'function' && matchMedia('(pointer: fine)').matches;
  // One object: the session check may set its language before the first render (webSessionControls).
  const launch: LaunchInfo = { authorization: '', language: askedLanguage(), desktopWeb };
  return {
    name: 'web',
    launch,
    init: async () => {},
    subscribeColorScheme: subscribeSystemColorScheme,
    setBackNavigation: () => {},
    joinCommunity: unsupported,
    allowMessages: unsupported,
    allowNotifications: unsupported,
    showStory: unsupported,
    // VK's signed contacts come only through the VK client; on the web the lead form is filled by hand.
    getPhoneNumber: async () => ({ status: 'unsupported' }),
    getEmail: async () => ({ status: 'unsupported' }),
    async share(link) {
      if (typeof navigator.share === 'function') {
        try {
          await navigator.share({ url: link });
          return { status: 'done', detail: { type: 'web_share' } };
        } catch (err) {
          if (err instanceof DOMException && err.name === 'AbortError') return { status: 'denied' };
        }
      }
      try {
        await navigator.clipboard.writeText(link);
        return { status: 'done', detail: { type: 'copied' } };
      } catch {
        return { status: 'failed', reason: 'Neither sharing nor the clipboard is available' };
      }
    },
    openLink: openInNewTab,
    copyText: copyWithClipboard,
    haptic: () => {},
    webSession: webSessionControls(launch),
  };
}
