/**
 * The catalogue on OK and Telegram (their builds, as the apps ship): a category chosen, «Сообщать о новых» / "Tell me
 * about new offers" is not offered. Alerts are the VK community's messages and their consent is given only in the VK
 * client, so before, the button could only answer «Разрешите сообщения от сообщества», which nobody can do there
 * (the server refuses such a follow too: server/catalogue/catalogue.routes.test.ts). OK on a phone in light theme and
 * Russian, Telegram on the desktop in dark theme and English.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, startApiWorld, TELEGRAM_TEST_USER } from '../../scripts/package/browser/api-world.ts';
import { type ClientHost, startClientHost } from '../../scripts/package/browser/client-host.ts';
import { openApp } from '../../scripts/package/browser/open-app.ts';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { DEMO_ADMIN_VK_ID } from '../../server/seed/demo-seed.ts';
import { buildDemo, demoClient } from '../package/support.ts';
import { launchChromium } from './chromium.ts';

type Variant = 'ok' | 'telegram';
const T = 15_000;
const VK_APP_SECRET = randomBytes(15).toString('base64url');
const FEED = readFileSync(new URL('../../server/catalogue/testing/retailer-feed.xml', import.meta.url), 'utf8')
  .replace('2026-06-05', '2099-12-31')
  .replace('2026-06-03', '2000-01-01')
  .replace(/<picture>[^<]*<\/picture>/g, '');
let world: ApiWorld;
let host: ClientHost;
let browser: Browser;
let campaignId: number;
const builds: Partial<Record<Variant, string>> = {};
const apps: Partial<Record<Variant, string>> = {};

async function call<R>(authorization: string, method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${world.url}${path}`, {
    method,
    headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as R;
}

beforeAll(async () => {
  for (const variant of ['ok', 'telegram'] as const) builds[variant] = await buildDemo(variant);
  [world, host, browser] = await Promise.all([
    startApiWorld(demoClient(), { VK_APP_SECRET }),
    startClientHost(),
    launchChromium(),
  ]);
  for (const variant of ['ok', 'telegram'] as const) apps[variant] = host.mount(variant, builds[variant] ?? '');
  // The brand's admin imports the retailer's feed into the demo tasks campaign, as the office does.
  const participant = Object.fromEntries(new URLSearchParams(world.vkLaunchQuery('desktop_web')));
  const { sign: _, ...fields } = participant;
  const admin = `VK ${signVkLaunch({ ...fields, vk_user_id: DEMO_ADMIN_VK_ID, vk_viewer_group_role: 'admin' }, VK_APP_SECRET)}`;
  const { campaigns } = await call<{ campaigns: { id: number; slug: string }[] }>(admin, 'GET', '/api/campaigns');
  campaignId = campaigns.find((c) => c.slug === 'summer-tasks')?.id as number;
  await call(admin, 'POST', `/api/admin/campaigns/${campaignId}/offers/import`, { format: 'yml', content: FEED });
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await world?.close();
  for (const dir of Object.values(builds)) rmSync(dir, { recursive: true, force: true });
});

const combos = [
  { variant: 'ok', language: 'ru', scheme: 'light', width: 375 },
  { variant: 'telegram', language: 'en', scheme: 'dark', width: 1280 },
] as const;

describe('following a catalogue category on OK and Telegram', () => {
  for (const c of combos) {
    it(`${c.variant} ${c.width} px ${c.scheme} ${c.language}: a chosen category offers no follow`, async () => {
      const route = `/campaign/${campaignId}/offers`;
      const signer = {
        ...world,
        okLaunchQuery: (extra: Record<string, string>) =>
          world.okLaunchQuery({ lang: c.language, custom_args: `route=${encodeURIComponent(route)}`, ...extra }),
        telegramInitData: (extra: Record<string, string> = {}) =>
          world.telegramInitData({
            user: JSON.stringify({ id: TELEGRAM_TEST_USER, first_name: 'Test', language_code: c.language }),
            ...extra,
          }),
      };
      const app = await openApp(browser, {
        variant: c.variant,
        appUrl: apps[c.variant] ?? '',
        hostUrl: host.url,
        signer,
        scheme: c.scheme,
        width: c.width,
        apiBaseUrl: demoClient().apiBaseUrl,
        apiUrl: world.url,
      });
      try {
        const panel = app.frame.locator('.vkuiView__panelActive').last();
        if (c.variant === 'telegram') await app.frame.evaluate((hash) => (location.hash = hash), `#${route}`);
        await panel.getByTestId('category-green').click({ timeout: T });
        await panel.getByText('Сенча').waitFor({ timeout: T });
        expect(await panel.getByTestId('category-follow').count()).toBe(0);
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
