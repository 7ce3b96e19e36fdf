/**
 * The stand-in for a VK client when the page is opened in an ordinary browser (local demo, tests):
 * launch data from the URL, every action answered the way a VK client answers it (so no promise hangs),
 * the colour scheme from the system preference. Allowing community messages also does what VK would do next —
 * deliver `message_allow` with the task's key to the community — through the server's local-demo route, so consent
 * is recorded and a broadcast from the local demo reaches this participant.
 */

import { copyWithClipboard, openInNewTab } from './browser-actions.ts';
import { type ActionResult, type PlatformAdapter, subscribeSystemColorScheme } from './types.ts';
import { vkLaunchFromUrl } from './vk-launch.ts';

const done = (detail?: Record<string, unknown>): ActionResult => ({ status: 'done', ...(detail ? { detail } : {}) });

export interface LocalServer {
  /** Where the API lives; empty for the page's own origin. */
  apiBaseUrl: string;
  /** The launch's `Authorization` value. */
  authorization: string;
  fetch?: typeof fetch;
}

/**
 * `allowMessages` of the local demo: asks the server (`POST /api/local/message-allow`) to record the `message_allow`
 * VK would send. A server with real VK credentials answers 403 (VK reports consent itself there): still `done`, as
 * the VK client would answer, and the server's own check decides the task.
 */
export function localMessageAllow(server: LocalServer): PlatformAdapter['allowMessages'] {
  return async (groupId, key) => {
    const send = server.fetch ?? fetch;
    try {
      const res = await send(`${server.apiBaseUrl.replace(/\/$/, '')}/api/local/message-allow`, {
        method: 'POST',
        headers: { Authorization: server.authorization, 'Content-Type': 'application/json' },
        body: JSON.stringify({ groupId, key }),
      });
      if (res.ok || res.status === 403) return done();
      return { status: 'failed', reason: `The server did not record the consent (HTTP ${res.status})` };
    } catch {
      return { status: 'failed', reason: 'The server cannot be reached' };
    }
  };
}

export function createLocalAdapter(): PlatformAdapter {
  const launch = vkLaunchFromUrl();
  return {
    name: 'local',
    launch,
    init: async () => {},
    subscribeColorScheme: subscribeSystemColorScheme,
    setBackNavigation: () => {},
    joinCommunity: async () => done(),
    allowMessages: localMessageAllow({
      apiBaseUrl: import.meta.env.VITE_API_BASE_URL ?? '',
      authorization: launch.authorization,
    }),
    allowNotifications: async () => done(),
    showStory: async () => done({ simulated: true }),
    share: async () => done({ type: 'link' }),
    openLink: openInNewTab,
    copyText: copyWithClipboard,
    haptic: () => {},
    // Outside a VK client nobody signs a contact: the field stays typed by hand.
    getPhoneNumber: async () => ({ status: 'unsupported' }),
    getEmail: async () => ({ status: 'unsupported' }),
  };
}
