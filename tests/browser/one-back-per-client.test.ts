/**
 * One back arrow on every client, at phone width (375 px), as the packaging check opens the builds (their stand-in
 * clients, the real API in-process). Found from outside: in Telegram a campaign's screens showed Telegram's own
 * BackButton and the panel header's ← at once — two backs. Telegram's BackButton is now the one back there (Telegram's
 * guidelines), and it goes back; VK and OK, whose clients draw no back in the app's space, keep the header's ←.
 * The first screen offers none anywhere.
 */
import { rmSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, startApiWorld } from '../../scripts/package/browser/api-world.ts';
import { type ClientHost, startClientHost } from '../../scripts/package/browser/client-host.ts';
import { ACTIVE_PANEL, openApp, waitForSettledScreen } from '../../scripts/package/browser/open-app.ts';
import { buildDemo, demoClient } from '../package/support.ts';
import { launchChromium } from './chromium.ts';

const VARIANTS = ['telegram', 'vk', 'ok'] as const;
type Variant = (typeof VARIANTS)[number];
const T = 15_000;
let world: ApiWorld;
let host: ClientHost;
let browser: Browser;
const builds: Partial<Record<Variant, string>> = {};
const apps: Partial<Record<Variant, string>> = {};

beforeAll(async () => {
  for (const variant of VARIANTS) builds[variant] = await buildDemo(variant);
  [world, host, browser] = await Promise.all([startApiWorld(demoClient()), startClientHost(), launchChromium()]);
  for (const variant of VARIANTS) apps[variant] = host.mount(variant, builds[variant] ?? '');
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await world?.close();
  for (const dir of Object.values(builds)) rmSync(dir, { recursive: true, force: true });
});

const open = (variant: Variant) =>
  openApp(browser, {
    variant,
    appUrl: apps[variant] ?? '',
    hostUrl: host.url,
    signer: world,
    scheme: 'light',
    width: 375,
    apiBaseUrl: demoClient().apiBaseUrl,
    apiUrl: world.url,
  });

/** The backs the panel header draws on the screen shown now. */
const headerBacks = (frame: Frame) =>
  frame.locator(`${ACTIVE_PANEL} .vkuiInternalPanelHeader`).getByRole('button', { name: /^(Назад|Back)$/ });

/** Whether the app has asked Telegram to show its BackButton (the stand-in client records every call). */
const telegramBackShown = (page: Page) =>
  page.evaluate(() => {
    const events = (window as unknown as { __tgEvents?: Array<{ type: string; data?: { is_visible?: boolean } }> })
      .__tgEvents;
    return events?.filter((e) => e.type === 'web_app_setup_back_button').at(-1)?.data?.is_visible ?? false;
  });

const hashOf = (frame: Frame) => frame.evaluate(() => location.hash || '#/');

/** Taps a control that opens another screen and waits until that screen has settled. */
async function openScreen(frame: Frame, testId: string): Promise<string> {
  const from = await hashOf(frame);
  await frame.locator(ACTIVE_PANEL).getByTestId(testId).click();
  await frame.waitForFunction((h) => (location.hash || '#/') !== h, from, { timeout: T });
  await waitForSettledScreen(frame);
  return hashOf(frame);
}

describe('one back per client at 375 px', () => {
  for (const variant of VARIANTS) {
    const clientsBack = variant === 'telegram';
    it(`${variant}: the first screen offers no back, a campaign's screens one (${clientsBack ? "Telegram's BackButton" : "the header's ←"}) that goes back`, async () => {
      const app = await open(variant);
      try {
        const { page, frame } = app;
        const home = await hashOf(frame);
        expect(await headerBacks(frame).count()).toBe(0);
        if (clientsBack) expect(await telegramBackShown(page)).toBe(false);

        const campaign = await openScreen(frame, 'campaign-brand-quiz');
        const quiz = await openScreen(frame, 'quiz-start');
        for (const [screen, backTo] of [
          [quiz, campaign],
          [campaign, home],
        ] as const) {
          expect(await hashOf(frame)).toBe(screen);
          if (clientsBack) {
            await expect.poll(() => telegramBackShown(page), { timeout: T }).toBe(true);
            expect(await headerBacks(frame).count()).toBe(0);
            await page.evaluate(() => (window as unknown as { __tgPressBack: () => void }).__tgPressBack());
          } else {
            await expect.poll(() => headerBacks(frame).count(), { timeout: T }).toBe(1);
            await headerBacks(frame).click();
          }
          await frame.waitForFunction((h) => (location.hash || '#/') === h, backTo, { timeout: T });
          await waitForSettledScreen(frame);
        }
        // Home again: no back offered, the client's hidden again.
        expect(await headerBacks(frame).count()).toBe(0);
        if (clientsBack) await expect.poll(() => telegramBackShown(page), { timeout: T }).toBe(false);
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
