/**
 * The OK and Telegram builds opened with their stand-in clients against the real server (`npm start`, signing with the
 * secrets it generated in its data folder: with supplied secrets it would keep the demo off those apps): launch data signed with those secrets reaches the campaign list with a verified identity; Telegram's
 * `start_param` opens a campaign and its BackButton shows there and leads back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LaunchSigner,
  launchSigner,
  OK_TEST_USER,
  TELEGRAM_TEST_USER,
} from '../../scripts/package/browser/api-world.ts';
import { type ClientHost, startClientHost } from '../../scripts/package/browser/client-host.ts';
import { openApp } from '../../scripts/package/browser/open-app.ts';
import type { VariantName } from '../../scripts/package/variants.ts';
import { DEMO_GROUP_ID } from '../../server/seed/demo-seed.ts';
import { launchChromium } from '../browser/chromium.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { TEST_OK_KEY, TEST_VK_APP_ID } from '../support/test-deps.ts';
import { buildDemo, demoClient } from './support.ts';

let server: StartedServer;
let browser: Browser;
let host: ClientHost;
const apps: Partial<Record<VariantName, string>> = {};
let signer: LaunchSigner;

beforeAll(async () => {
  // One at a time: a build hands its settings to Vite through process.env, which the server process inherits.
  const started = await startServerLikeReadme({
    env: { VK_APP_ID: String(TEST_VK_APP_ID), OK_APP_KEY: TEST_OK_KEY },
  });
  const secrets = JSON.parse(readFileSync(join(started.dataDir, 'local-secrets.json'), 'utf8')) as {
    vkAppSecret: string;
    okAppSecret: string;
    telegramBotToken: string;
  };
  signer = launchSigner({
    vkAppId: TEST_VK_APP_ID,
    vkSecret: secrets.vkAppSecret,
    groupId: DEMO_GROUP_ID,
    okKey: TEST_OK_KEY,
    okSecret: secrets.okAppSecret,
    botToken: secrets.telegramBotToken,
  });
  const ok = await buildDemo('ok');
  const telegram = await buildDemo('telegram');
  const [chromium, client] = await Promise.all([launchChromium(), startClientHost()]);
  server = started;
  browser = chromium;
  host = client;
  apps.ok = host.mount('ok', ok);
  apps.telegram = host.mount('telegram', telegram);
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await server?.stop();
});

async function open(variant: 'ok' | 'telegram', startRoute?: string) {
  const identities: Array<{ platform: string; userId: string }> = [];
  const app = await openApp(browser, {
    variant,
    appUrl: apps[variant] ?? '',
    hostUrl: host.url,
    signer,
    scheme: 'light',
    width: 375,
    apiBaseUrl: demoClient().apiBaseUrl,
    apiUrl: server.baseUrl.replace('localhost', '127.0.0.1'),
    ...(startRoute ? { startRoute } : {}),
  });
  return { app, identities };
}

describe('OK and Telegram builds against the real server', () => {
  for (const [variant, platform, userId] of [
    ['ok', 'ok', OK_TEST_USER],
    ['telegram', 'telegram', String(TELEGRAM_TEST_USER)],
  ] as const) {
    it(`${variant}: signed launch data reaches the campaign list with a verified identity`, async () => {
      const { app } = await open(variant);
      try {
        await app.frame.getByTestId('campaign-summer-tasks').waitFor({ timeout: 15_000 });
        const sent = app.apiCalls.find((c) => c.url.endsWith('/api/campaigns'))?.authorization ?? '';
        expect(sent.startsWith(variant === 'ok' ? 'OK ' : 'tma ')).toBe(true);
        const me = await (await fetch(`${server.baseUrl}/api/me`, { headers: { Authorization: sent } })).json();
        expect(me).toMatchObject({ platform, userId });
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }

  it('telegram: start_param opens the campaign; BackButton is shown there and returns to the list', async () => {
    const { app } = await open('telegram');
    try {
      const events = () =>
        app.page.evaluate(
          () =>
            (window as unknown as { __tgEvents: Array<{ type: string; data?: { is_visible?: boolean } }> }).__tgEvents,
        );
      const cell = app.frame.getByTestId('campaign-summer-tasks');
      await cell.waitFor({ timeout: 15_000 });
      // Ready once the list is shown, with no interaction: the bridge loads after the first screen (decision 037).
      await expect.poll(async () => (await events()).some((e) => e.type === 'web_app_ready')).toBe(true);
      await cell.click();
      await app.frame.getByTestId('campaign-title').waitFor({ timeout: 10_000 });
      expect((await events()).filter((e) => e.type === 'web_app_setup_back_button').at(-1)?.data?.is_visible).toBe(
        true,
      );
      expect((await events()).some((e) => e.type === 'web_app_ready')).toBe(true);
      await app.page.evaluate(() => (window as unknown as { __tgPressBack: () => void }).__tgPressBack());
      await cell.waitFor({ timeout: 10_000 });
      expect((await events()).filter((e) => e.type === 'web_app_setup_back_button').at(-1)?.data?.is_visible).toBe(
        false,
      );
    } finally {
      await app.close();
    }
    const deep = await open('telegram', '/campaign/1');
    try {
      await deep.app.frame.getByTestId('campaign-title').waitFor({ timeout: 15_000 });
      expect(await deep.app.frame.evaluate(() => location.hash)).toBe('#/campaign/1');
    } finally {
      await deep.app.close();
    }
  });
});
