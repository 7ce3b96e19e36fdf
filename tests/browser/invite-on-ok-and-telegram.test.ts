/**
 * Inviting a friend from Telegram and Odnoklassniki, with each platform's app address configured (the invitation link
 * opens the app of the participant's own platform, decision 048): Telegram at a phone's width (360 px, the usual Android one) in light theme and
 * Russian, OK on the desktop in dark theme and English.
 * - Once shared, the task waits for friends with two buttons, "Check" and "Copy link": both are shown whole (before,
 *   at 360 px in Russian they shared one row and read «Провери…» and «Скопировать ссыл…»; at 375 px they missed by a fraction of a pixel and were cut as well);
 * - "Copy link" copies the platform's own link and says so.
 */
import { rmSync } from 'node:fs';
import type { Browser } from 'playwright-core';
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
  {
    variant: 'telegram',
    language: 'ru',
    scheme: 'light',
    width: 360,
    copied: 'Ссылка скопирована',
    link: /^https:\/\/t\.me\/promo_demo_bot\/app\?startapp=/,
  },
  {
    variant: 'ok',
    language: 'en',
    scheme: 'dark',
    width: 1280,
    copied: 'Link copied',
    link: /^https:\/\/ok\.ru\/game\/512000\?custom_args=/,
  },
] as const;

describe('inviting a friend on OK and Telegram', () => {
  for (const c of combos) {
    it(`${c.variant} ${c.width} px ${c.scheme} ${c.language}: "Check" and "Copy link" shown whole; the link copied is the platform's`, async () => {
      const signer = {
        ...world,
        okLaunchQuery: (extra: Record<string, string>) => world.okLaunchQuery({ lang: c.language, ...extra }),
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
        await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
        const panel = app.frame.locator('.vkuiView__panelActive');
        await panel.getByTestId('campaign-summer-tasks').click();
        const task = panel.getByTestId('task-friends');
        await task.getByTestId('task-action-friends').click();
        await expect.poll(() => task.getAttribute('data-state'), { timeout: T }).toBe('in_progress');
        const copy = task.getByTestId('invite-copy-link');
        await copy.waitFor({ timeout: T });
        // Each button's text fits its box: the text's width in the button's own font against the box's content width
        // (VKUI's content box has its padding inside, so its scrollWidth shows no overflow while the text is cut).
        const cut = await task
          .getByTestId('task-action-friends')
          .locator('xpath=..')
          .evaluate((group) =>
            [...group.querySelectorAll<HTMLElement>('[class*="Button__content"]')].flatMap((content) => {
              const pen = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
              pen.font = getComputedStyle(content).font;
              const text = pen.measureText(content.textContent ?? '').width;
              const style = getComputedStyle(content);
              const box =
                content.getBoundingClientRect().width -
                Number.parseFloat(style.paddingLeft) -
                Number.parseFloat(style.paddingRight);
              return text > box + 0.01 ? [`${content.textContent}: ${Math.round(text)} > ${Math.round(box)}`] : [];
            }),
          );
        expect(cut).toEqual([]);
        await copy.click();
        await expect.poll(() => app.frame.getByTestId('snackbar').textContent(), { timeout: T }).toBe(c.copied);
        expect(await app.frame.evaluate(() => navigator.clipboard.readText())).toMatch(c.link);
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
