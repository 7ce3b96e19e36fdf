/**
 * A participant on OK and Telegram is offered only the tasks that can be done there (the server's state lists them,
 * participation/offered-on-platform.test.ts), with each platform's app address configured so an invitation has its
 * link: OK at a phone's width (375 px) in light theme and Russian, Telegram on the desktop in dark theme and English.
 * - The wheel's «Задания за попытки» / "Tasks for attempts" list only the invitation: before, the demo's VK-only
 *   tasks (join the community, allow messages) stood there as «Недоступно на этой платформе» / "Not available on
 *   this platform", next to a wheel asking for more attempts. The tasks campaign's list likewise.
 */
import { rmSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, startApiWorld, TELEGRAM_TEST_USER } from '../../scripts/package/browser/api-world.ts';
import { type ClientHost, startClientHost } from '../../scripts/package/browser/client-host.ts';
import { openApp } from '../../scripts/package/browser/open-app.ts';
import { buildDemo, demoClient } from '../package/support.ts';
import { launchChromium } from './chromium.ts';

type Variant = 'ok' | 'telegram';
const T = 15_000;
const APP_URLS = { OK_APP_URL: 'https://ok.ru/game/512000', TELEGRAM_APP_URL: 'https://t.me/promo_demo_bot/app' };
let world: ApiWorld;
let host: ClientHost;
let browser: Browser;
const builds: Partial<Record<Variant, string>> = {};
const apps: Partial<Record<Variant, string>> = {};

beforeAll(async () => {
  for (const variant of ['ok', 'telegram'] as const) builds[variant] = await buildDemo(variant);
  [world, host, browser] = await Promise.all([
    startApiWorld(demoClient(), APP_URLS),
    startClientHost(),
    launchChromium(),
  ]);
  for (const variant of ['ok', 'telegram'] as const) apps[variant] = host.mount(variant, builds[variant] ?? '');
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await world?.close();
  for (const dir of Object.values(builds)) rmSync(dir, { recursive: true, force: true });
});

const combos = [
  { variant: 'ok', language: 'ru', scheme: 'light', width: 375, unavailable: 'Недоступно на этой платформе' },
  { variant: 'telegram', language: 'en', scheme: 'dark', width: 1280, unavailable: 'Not available on this platform' },
] as const;
type Combo = (typeof combos)[number];

function open(c: Combo) {
  const signer = {
    ...world,
    okLaunchQuery: (extra: Record<string, string>) => world.okLaunchQuery({ lang: c.language, ...extra }),
    telegramInitData: (extra: Record<string, string> = {}) =>
      world.telegramInitData({
        user: JSON.stringify({ id: TELEGRAM_TEST_USER, first_name: 'Test', language_code: c.language }),
        ...extra,
      }),
  };
  return openApp(browser, {
    variant: c.variant,
    appUrl: apps[c.variant] ?? '',
    hostUrl: host.url,
    signer,
    scheme: c.scheme,
    width: c.width,
    apiBaseUrl: demoClient().apiBaseUrl,
    apiUrl: world.url,
  });
}

/** The keys of the tasks a list shows, once it shows any. */
async function listedTasks(list: Locator): Promise<string[]> {
  await list.locator('[data-testid^="task-"][data-state]').first().waitFor({ timeout: T });
  return await list
    .locator('[data-testid^="task-"][data-state]')
    .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-testid') ?? ''));
}

describe('OK and Telegram see only the tasks that work there', () => {
  for (const c of combos) {
    it(`${c.variant} ${c.width} px ${c.scheme} ${c.language}: the wheel and the task list offer no VK-only task`, async () => {
      const app = await open(c);
      try {
        const panel = app.frame.locator('.vkuiView__panelActive');
        await panel.getByTestId('campaign-lucky-wheel').click();
        await panel.getByTestId('wheel-attempts').waitFor({ timeout: T });
        const wheelTasks = panel.getByTestId('task-list');
        expect(await listedTasks(wheelTasks)).toEqual(['task-friends']);
        expect(await wheelTasks.textContent()).not.toContain(c.unavailable);
        await app.frame.evaluate(() => history.back());
        await panel.getByTestId('campaign-summer-tasks').click();
        const list = panel.getByTestId('task-list');
        const shown = await listedTasks(list);
        expect(shown).not.toContain('task-join');
        expect(shown).not.toContain('task-messages');
        expect(await list.locator('[data-state="unavailable"]').count()).toBe(0);
        expect(await list.textContent()).not.toContain(c.unavailable);
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
