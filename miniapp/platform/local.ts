/**
 * The stand-in for a VK client when the page is opened in an ordinary browser (local demo, tests):
 * launch data from the URL, every action answered the way a VK client answers it (so no promise hangs),
 * the colour scheme from the system preference.
 */

import { type ActionResult, type PlatformAdapter, subscribeSystemColorScheme } from './types.ts';
import { vkLaunchFromUrl } from './vk-launch.ts';

const done = (detail?: Record<string, unknown>): ActionResult => ({ status: 'done', ...(detail ? { detail } : {}) });

export function createLocalAdapter(): PlatformAdapter {
  return {
    name: 'local',
    launch: vkLaunchFromUrl(),
    init: async () => {},
    subscribeColorScheme: subscribeSystemColorScheme,
    setBackNavigation: () => {},
    joinCommunity: async () => done(),
    allowMessages: async () => done(),
    allowNotifications: async () => done(),
    showStory: async () => done({ simulated: true }),
    share: async () => done({ type: 'link' }),
    openLink: async (url) => {
      window.open(url, '_blank', 'noopener');
      return done();
    },
    copyText: async (text) => {
      try {
        await navigator.clipboard.writeText(text);
        return done();
      } catch {
        return { status: 'failed', reason: 'Clipboard is not available' };
      }
    },
    haptic: () => {},
  };
}
