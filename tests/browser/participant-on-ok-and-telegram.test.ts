/**
 * A participant who opens the demo from Odnoklassniki or Telegram, at phone width (375 px) in dark theme, as the
 * packaging check opens those builds (their stand-in clients, the real API in-process):
 * - the quiz's last question: "Submit answers" / «Отправить ответы» and "Previous" / «Предыдущий» are shown whole
 *   (before, the two buttons shared one row equally and the main one read "Submit answ…");
 * - the wheel once today's free spin is used: the screen says when the next free one comes, in the campaign's time,
 *   and asks for tasks only where one can be done (before, "No attempts left. Complete tasks to earn more." on OK,
 *   where every task that earns attempts is VK-only or has no link).
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
let world: ApiWorld;
let host: ClientHost;
let browser: Browser;
const builds: Partial<Record<Variant, string>> = {};
const apps: Partial<Record<Variant, string>> = {};

beforeAll(async () => {
  for (const variant of ['ok', 'telegram'] as const) builds[variant] = await buildDemo(variant);
  [world, host, browser] = await Promise.all([startApiWorld(demoClient()), startClientHost(), launchChromium()]);
  for (const variant of ['ok', 'telegram'] as const) apps[variant] = host.mount(variant, builds[variant] ?? '');
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await world?.close();
  for (const dir of Object.values(builds)) rmSync(dir, { recursive: true, force: true });
});

/** Opens a build as its client would for a user who reads `language` (OK's signed `lang`, Telegram's language_code). */
function open(variant: Variant, language: 'ru' | 'en') {
  const signer = {
    ...world,
    okLaunchQuery: (extra: Record<string, string>) => world.okLaunchQuery({ lang: language, ...extra }),
    telegramInitData: (extra: Record<string, string> = {}) =>
      world.telegramInitData({
        user: JSON.stringify({ id: TELEGRAM_TEST_USER, first_name: 'Test', language_code: language }),
        ...extra,
      }),
  };
  return openApp(browser, {
    variant,
    appUrl: apps[variant] ?? '',
    hostUrl: host.url,
    signer,
    scheme: 'dark',
    width: 375,
    apiBaseUrl: demoClient().apiBaseUrl,
    apiUrl: world.url,
  });
}

describe('a participant on OK and Telegram at 375 px', () => {
  for (const [variant, language, submit] of [
    ['telegram', 'en', 'Submit answers'],
    ['ok', 'ru', 'Отправить ответы'],
  ] as const) {
    it(`${variant} (${language}): the quiz's last question shows "${submit}" whole, and "Previous"`, async () => {
      const app = await open(variant, language);
      try {
        const panel = app.frame.locator('.vkuiView__panelActive');
        await panel.getByTestId('campaign-brand-quiz').click();
        await panel.getByTestId('quiz-start').click();
        for (let n = 1; n < 5; n++) {
          await panel.getByTestId('quiz-option-a').click();
          await panel.getByTestId('quiz-next').click();
        }
        await panel.getByTestId('quiz-option-a').click();
        const button = panel.getByTestId('quiz-submit');
        await expect.poll(() => button.textContent(), { timeout: T }).toBe(submit);
        // No part of either button hides its text (an ellipsis is content wider than its box).
        const cut = await button
          .locator('xpath=..')
          .evaluate((group) =>
            [...group.querySelectorAll('*')]
              .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
              .map((el) => el.textContent),
          );
        expect(cut).toEqual([]);
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }

  it('ok (en): with no spin left the wheel names the next free one and asks for no task OK cannot do', async () => {
    const app = await open('ok', 'en');
    try {
      const panel = app.frame.locator('.vkuiView__panelActive');
      await panel.getByTestId('campaign-lucky-wheel').click();
      const attempts = panel.getByTestId('wheel-attempts');
      await expect.poll(() => attempts.textContent(), { timeout: T }).toBe('Attempts now: 1');
      await panel.getByTestId('wheel-spin').click();
      await panel.locator('[data-testid="spin-win"], [data-testid="spin-lose"]').waitFor({ timeout: T });
      // The demo wheel's day starts at 07:00 in the campaign's zone (Moscow): the time is the campaign's, not the
      // browser's (UTC here).
      await expect
        .poll(() => attempts.textContent(), { timeout: T })
        .toMatch(/^No attempts left\. The next free one comes at .*07:00\.$/);
      expect(app.errors).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
