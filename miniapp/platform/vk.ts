/**
 * The VK adapter: vk-bridge 3 inside the VK clients (iframe on vk.com, WebView in the apps).
 * Opened outside any VK client, it hands over to the local stand-in so nothing waits on a bridge that never answers.
 */
import bridge, { type AnyReceiveMethodName, type VKBridgeEvent } from '@vkontakte/vk-bridge';
import { openInNewTab } from './browser-actions.ts';
import { createLocalAdapter } from './local.ts';
import {
  type ActionResult,
  type ColorScheme,
  type ContactResult,
  type PlatformAdapter,
  systemColorScheme,
} from './types.ts';
import { vkLaunchFromUrl } from './vk-launch.ts';

interface BridgeError {
  error_type?: string;
  error_data?: { error_code?: number; error_reason?: string; error_msg?: string };
}

/** VK reports a user's refusal as client_error 4 "User denied"; unsupported platform is code 6. */
export function classifyBridgeError(err: unknown): ActionResult {
  const e = err as BridgeError;
  const code = e?.error_data?.error_code;
  const reason = e?.error_data?.error_reason ?? e?.error_data?.error_msg ?? 'Unknown error';
  if (e?.error_type === 'client_error' && (code === 4 || reason === 'User denied')) return { status: 'denied' };
  if (e?.error_type === 'client_error' && code === 6) return { status: 'unsupported' };
  return { status: 'failed', reason: String(reason) };
}

async function attempt(run: () => Promise<unknown>): Promise<ActionResult> {
  try {
    const detail = await run();
    return {
      status: 'done',
      ...(detail && typeof detail === 'object' ? { detail: detail as Record<string, unknown> } : {}),
    };
  } catch (err) {
    return classifyBridgeError(err);
  }
}

/** A signed contact from the bridge, or why there is none (the same refusal classes as the other actions). */
export async function bridgeContact(run: () => Promise<{ value: string; sign: string }>): Promise<ContactResult> {
  try {
    const { value, sign } = await run();
    return value ? { status: 'done', value, sign } : { status: 'failed', reason: 'Empty answer' };
  } catch (err) {
    const result = classifyBridgeError(err);
    return result.status === 'done' ? { status: 'failed', reason: 'Unexpected answer' } : result;
  }
}

export function createPlatform(): PlatformAdapter {
  if (!bridge.isEmbedded()) return createLocalAdapter();
  let scheme: ColorScheme = systemColorScheme();
  const listeners = new Set<(s: ColorScheme) => void>();
  bridge.subscribe((event: VKBridgeEvent<AnyReceiveMethodName>) => {
    if (event.detail.type !== 'VKWebAppUpdateConfig') return;
    const data = event.detail.data as { appearance?: ColorScheme; scheme?: string };
    const next = data.appearance ?? (data.scheme && /dark|space_gray/.test(data.scheme) ? 'dark' : 'light');
    if (next !== scheme) {
      scheme = next;
      for (const l of listeners) l(scheme);
    }
  });
  let swipeBack: boolean | undefined;
  return {
    name: 'vk',
    launch: vkLaunchFromUrl(),
    init: async () => {
      await bridge.send('VKWebAppInit').catch(() => undefined);
    },
    subscribeColorScheme: (listener) => {
      listeners.add(listener);
      listener(scheme);
      return () => listeners.delete(listener);
    },
    setBackNavigation: ({ isFirstScreen }) => {
      // Native swipe-back closes the app, so it is only on while the first screen shows.
      if (swipeBack === isFirstScreen) return;
      swipeBack = isFirstScreen;
      bridge.send('VKWebAppSetSwipeSettings', { history: isFirstScreen }).catch(() => undefined);
    },
    joinCommunity: (groupId) => attempt(() => bridge.send('VKWebAppJoinGroup', { group_id: groupId })),
    allowMessages: (groupId, key) =>
      attempt(() => bridge.send('VKWebAppAllowMessagesFromGroup', { group_id: groupId, key })),
    allowNotifications: () => attempt(() => bridge.send('VKWebAppAllowNotifications')),
    showStory: ({ imageUrl, link, linkText }) =>
      attempt(() =>
        bridge.send('VKWebAppShowStoryBox', {
          background_type: 'image',
          url: imageUrl,
          attachment: { text: linkText ?? 'learn_more', type: 'url', url: link },
        }),
      ),
    share: (link) => attempt(() => bridge.send('VKWebAppShare', { link })),
    downloadFile: (url, filename) => attempt(() => bridge.send('VKWebAppDownloadFile', { url, filename })),
    openLink: openInNewTab,
    copyText: (text) => attempt(() => bridge.send('VKWebAppCopyText', { text })),
    haptic: (type) => {
      bridge.send('VKWebAppTapticNotificationOccurred', { type }).catch(() => undefined);
    },
    getPhoneNumber: () =>
      bridgeContact(async () => {
        const r = await bridge.send('VKWebAppGetPhoneNumber');
        return { value: r.phone_number, sign: r.sign };
      }),
    getEmail: () =>
      bridgeContact(async () => {
        const r = await bridge.send('VKWebAppGetEmail');
        return { value: r.email, sign: r.sign };
      }),
  };
}
