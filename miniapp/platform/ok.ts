/**
 * The Odnoklassniki adapter: launch data from OK's query string (`OK <query>` to the server), OK's own
 * client API (FAPI, apiok.ru/dev/sdk/js) for social actions, loaded from the launch's `api_server` only when
 * the first such action is made, so nothing but the API is requested while the first screen renders.
 * FAPI answers every UI call through the global `API_callback(method, result, data)`.
 */

import { copyWithClipboard, openInNewTab } from './browser-actions.ts';
import { okLaunchFromUrl, okStartRoute } from './ok-launch.ts';
import { type ActionResult, type PlatformAdapter, subscribeSystemColorScheme } from './types.ts';

interface Fapi {
  init(apiServer: string, apiConnection: string, onSuccess: () => void, onFail: (e: unknown) => void): void;
  UI: Record<string, (...args: unknown[]) => void>;
}
type FapiWindow = Window & { FAPI?: Fapi; API_callback?: (method: string, result: string, data: unknown) => void };

const OK_GROUP_ID: string = import.meta.env.VITE_OK_GROUP_ID ?? '';

// Moved while this module is evaluated, before the hash router reads the hash (main.tsx imports `#platform` first).
const startRoute = typeof window === 'undefined' ? undefined : okStartRoute(window.location);
if (startRoute) history.replaceState(history.state, '', `${location.pathname}${location.search}#${startRoute}`);

export function createPlatform(): PlatformAdapter {
  const launch = okLaunchFromUrl();
  const w = window as FapiWindow;
  const pending = new Map<string, (result: ActionResult) => void>();
  let fapi: Promise<Fapi> | undefined;

  w.API_callback = (method, result, data) => {
    const settle = pending.get(method);
    pending.delete(method);
    settle?.(
      result === 'ok'
        ? { status: 'done', ...(data && typeof data === 'object' ? { detail: data as Record<string, unknown> } : {}) }
        : result === 'cancel'
          ? { status: 'denied' }
          : { status: 'failed', reason: String(data ?? result) },
    );
  };

  function loadFapi(): Promise<Fapi> {
    const { apiServer, apiConnection } = launch;
    if (!apiServer || !apiConnection) return Promise.reject(new Error('Not launched from OK'));
    fapi ??= new Promise<Fapi>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL('js/fapi5.js', apiServer).href;
      script.onload = () => {
        const api = w.FAPI;
        if (!api) return reject(new Error('FAPI did not load'));
        api.init(apiServer, apiConnection, () => resolve(api), reject);
      };
      script.onerror = () => reject(new Error('FAPI did not load'));
      document.head.append(script);
    });
    return fapi;
  }

  /** Calls `FAPI.UI.<method>` and waits for its `API_callback`. */
  async function ui(method: string, ...args: unknown[]): Promise<ActionResult> {
    let api: Fapi;
    try {
      api = await loadFapi();
    } catch {
      return { status: 'unsupported' };
    }
    const call = api.UI[method];
    if (typeof call !== 'function') return { status: 'unsupported' };
    return new Promise((resolve) => {
      pending.get(method)?.({ status: 'failed', reason: 'Superseded' });
      pending.set(method, resolve);
      call(...args);
    });
  }

  return {
    name: 'ok',
    launch,
    init: async () => {},
    subscribeColorScheme: subscribeSystemColorScheme,
    setBackNavigation: () => {},
    // The screens pass VK ids; on OK the community is the client's OK group from the configuration.
    joinCommunity: () => (OK_GROUP_ID ? ui('joinGroup', OK_GROUP_ID) : Promise.resolve({ status: 'unsupported' })),
    allowMessages: async () => ({ status: 'unsupported' }),
    allowNotifications: async () => ({ status: 'unsupported' }),
    showStory: async () => ({ status: 'unsupported' }),
    // Only VK signs a phone or e-mail the server can check; here the lead form's fields are typed by hand.
    getPhoneNumber: async () => ({ status: 'unsupported' }),
    getEmail: async () => ({ status: 'unsupported' }),
    share: (link) => ui('postMediatopic', { media: [{ type: 'link', url: link }] }, false),
    openLink: openInNewTab,
    copyText: copyWithClipboard,
    haptic: (kind) => {
      if (typeof navigator.vibrate === 'function') navigator.vibrate(kind === 'success' ? 20 : [30, 40, 30]);
    },
  };
}
