/**
 * @module One browser, one stand-in host and one local API for all variants of a packaging run
 * (Debian's Chromium through playwright-core, launched the way the browser tests launch it).
 */
import { launchChromium } from '../../../tests/browser/chromium.ts';
import type { ClientConfig } from '../client-config.ts';
import { startApiWorld } from './api-world.ts';
import { startClientHost } from './client-host.ts';
import type { ModerationSession } from './moderation.ts';

export interface OwnedSession extends ModerationSession {
  close(): Promise<void>;
}

export async function startModerationSession(client: ClientConfig): Promise<OwnedSession> {
  const [browser, host, api] = await Promise.all([launchChromium(), startClientHost(), startApiWorld(client)]);
  return {
    browser,
    host,
    api,
    close: async () => {
      await browser.close();
      await Promise.all([host.close(), api.close()]);
    },
  };
}
