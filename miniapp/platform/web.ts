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
  type PlatformAdapter,
  subscribeSystemColorScheme,
  type WebSessionControls,
} from './types.ts';

const unsupported = async (): Promise<ActionResult> => ({ status: 'unsupported' });
const apiBase = () => (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/$/, '');

function browserLanguage(): 'ru' | 'en' {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked === 'ru' || asked === 'en') return asked;
  return /^(ru|uk|be|kk)/i.test(navigator.language ?? '') ? 'ru' : 'en';
}

export function webSessionControls(language: 'ru' | 'en', send: typeof fetch = fetch): WebSessionControls {
  let vkAppUrl = 'https://vk.com/';
  return {
    async check() {
      try {
        const res = await send(`${apiBase()}/api/web/session`, { credentials: 'same-origin' });
        if (!res.ok) return false;
        const body = (await res.json()) as { signedIn: boolean; vkAppUrl?: string };
        if (body.vkAppUrl) vkAppUrl = body.vkAppUrl;
        return body.signedIn;
      } catch {
        return false;
      }
    },
    loginUrl: () => `${apiBase()}/api/web/login?lang=${language}`,
    vkAppUrl: () => vkAppUrl,
    async logout() {
      await send(`${apiBase()}/api/web/logout`, { method: 'POST', credentials: 'same-origin' }).catch(() => {});
    },
  };
}

export function createPlatform(): PlatformAdapter {
  const language = browserLanguage();
  const desktopWeb = typeof matchMedia === 'function' && matchMedia('(pointer: fine)').matches;
  return {
    name: 'web',
    launch: { authorization: '', language, desktopWeb },
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
    webSession: webSessionControls(language),
  };
}
