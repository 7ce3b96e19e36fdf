/**
 * A brand's colours as a participant sees them on VK, OK and Telegram, light and dark, phone and desktop (computed
 * colours in Chromium; theme-sheet.ts is their one home):
 * - A campaign's accent (theme.accent) on the primary buttons of every screen of the campaign, not only its home,
 *   the wheel's sectors too, with the label at WCAG AA (4.5:1). Before, the accent was an inline style on the
 *   campaign home's content: the quiz's own screen («Далее») kept VKUI's blue, or Telegram's button colour.
 * - The white-label build's accent (demo.json: #2688EB light, #529EF4 dark) outside a campaign. Before, it was set on
 *   <html>, where VKUI's theme class defines the tokens again: VKUI's own accent showed (#447bba on the desktop).
 *   Under Telegram, Telegram's button colour goes over the build's, and hover and press shade it instead of staying
 *   VKUI's blue.
 */
import { rmSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, startApiWorld, TELEGRAM_TEST_USER } from '../../scripts/package/browser/api-world.ts';
import { type ClientHost, startClientHost } from '../../scripts/package/browser/client-host.ts';
import { openApp } from '../../scripts/package/browser/open-app.ts';
import { buildDemo, demoClient } from '../package/support.ts';
import { launchChromium } from './chromium.ts';

type Variant = 'vk' | 'ok' | 'telegram';
const T = 15_000;
let world: ApiWorld;
let host: ClientHost;
let browser: Browser;
const builds: Partial<Record<Variant, string>> = {};
const apps: Partial<Record<Variant, string>> = {};
const VARIANTS = ['vk', 'ok', 'telegram'] as const;

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

// `app` is the accent outside a campaign: the build's (demo.json), or Telegram's button colour (stand-in-pages.ts).
const BUILD_LIGHT = { hex: '#2688EB', rgb: 'rgb(38, 136, 235)' };
const BUILD_DARK = { hex: '#529EF4', rgb: 'rgb(82, 158, 244)' };
const combos = [
  { variant: 'vk', scheme: 'light', width: 375, app: BUILD_LIGHT },
  { variant: 'vk', scheme: 'dark', width: 1280, app: BUILD_DARK },
  { variant: 'ok', scheme: 'dark', width: 375, app: BUILD_DARK },
  { variant: 'ok', scheme: 'light', width: 1280, app: BUILD_LIGHT },
  { variant: 'telegram', scheme: 'light', width: 375, app: { hex: '#2481cc', rgb: 'rgb(36, 129, 204)' } },
  { variant: 'telegram', scheme: 'dark', width: 1280, app: { hex: '#8774e1', rgb: 'rgb(135, 116, 225)' } },
] as const;
type Combo = (typeof combos)[number];

function open(c: Combo) {
  const signer = {
    ...world,
    telegramInitData: (extra: Record<string, string> = {}) =>
      world.telegramInitData({
        user: JSON.stringify({ id: TELEGRAM_TEST_USER, first_name: 'Test', language_code: 'ru' }),
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

/** A button's painted background and the WCAG contrast of its label on it (both opaque: VKUI's primary button). */
function paint(button: Locator) {
  return button.evaluate((el) => {
    const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const channel = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    const luminance = ([r = 0, g = 0, b = 0]: number[]) =>
      0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const background = getComputedStyle(el).backgroundColor;
    const label = getComputedStyle(el.querySelector('[class*="Button__content"]') ?? el).color;
    const [hi, lo] = [luminance(rgb(label)), luminance(rgb(background))].sort((x, y) => y - x) as [number, number];
    const hover = getComputedStyle(el).getPropertyValue('--vkui--color_background_accent_themed--hover').trim();
    return { background, label, ratio: (hi + 0.05) / (lo + 0.05), hover };
  });
}

describe("a campaign's accent on every client, theme and width", () => {
  for (const c of combos) {
    it(`${c.variant} ${c.width} px ${c.scheme}: the quiz's buttons and the wheel's spin wear the campaign's accent`, async () => {
      const app = await open(c);
      try {
        const panel = app.frame.locator('.vkuiView__panelActive');
        await panel.getByTestId('campaign-brand-quiz').click();
        const start = panel.getByTestId('quiz-start');
        await start.waitFor({ timeout: T });
        const quizHome = await paint(start);
        expect(quizHome.background, JSON.stringify(quizHome)).toBe('rgb(230, 70, 70)');
        expect(quizHome.ratio, JSON.stringify(quizHome)).toBeGreaterThanOrEqual(4.5);
        await start.click();
        await panel.locator('[data-testid^="quiz-option-"]').first().click({ timeout: T });
        const next = await paint(panel.locator('[data-testid="quiz-next"], [data-testid="quiz-submit"]').first());
        // Before: VKUI's own accent here (or Telegram's button colour), the campaign's only on its home.
        expect(next.background, JSON.stringify(next)).toBe('rgb(230, 70, 70)');
        expect(next.ratio, JSON.stringify(next)).toBeGreaterThanOrEqual(4.5);

        await app.frame.evaluate(() => history.go(-2));
        await panel.getByTestId('campaign-lucky-wheel').click({ timeout: T });
        const spin = panel.getByTestId('wheel-spin');
        await spin.waitFor({ timeout: T });
        const wheel = await paint(spin);
        expect(wheel.background, JSON.stringify(wheel)).toBe('rgb(75, 179, 75)');
        expect(wheel.ratio, JSON.stringify(wheel)).toBeGreaterThanOrEqual(4.5);
        const disc = await panel
          .locator('[data-testid="wheel"] [data-rotation]')
          .evaluate((el) => getComputedStyle(el).backgroundImage);
        expect(disc).toContain('rgb(75, 179, 75)');

        // Outside a campaign: the build's accent (Telegram's button colour under Telegram), its hover a shade of it.
        await app.frame.evaluate(() => {
          location.hash = '#/no-such-screen';
        });
        const home = panel.getByTestId('not-found-home');
        await home.waitFor({ timeout: T });
        // The campaign's screen leaves after the new one has come in: the button eases from its accent to this one.
        await expect.poll(async () => (await paint(home)).background, { timeout: T }).toBe(c.app.rgb);
        const outside = await paint(home);
        expect(outside.hover.toLowerCase(), JSON.stringify(outside)).toContain(c.app.hex.toLowerCase());
        // The build's colours with a label by contrast; Telegram's button keeps Telegram's own label (see the report).
        if (c.variant !== 'telegram') expect(outside.ratio, JSON.stringify(outside)).toBeGreaterThanOrEqual(4.5);
        expect(app.errors).toEqual([]);
      } finally {
        await app.close();
      }
    });
  }
});
