/**
 * The contrast check (ui-contrast.ts) measures the page at rest, whatever ran before it, in Chromium (desktop light
 * ru, desktop dark en). Found in the language sweep: the editor's pause confirmation read 4.38:1 in one order of
 * screens and passed in another. The click that opens it leaves the mouse on a button, and a hovered VKUI button's
 * background moves over 150 ms: caught mid-way, «Отмена» on its half-hovered grey read 4.32:1, a colour no one sees at
 * rest; a dialog caught fading in read as faint text. Here that moment is made on purpose (the mouse on the dialog's
 * button, every animation frozen half-way): the check must find what it finds at rest, nothing.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { lowContrastTexts } from './ui-contrast.ts';

const AGENCY_OWNER = 100004;
const T = 20_000;

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Every running animation and transition stopped half-way: the moment a check might land on. */
const freezeHalfway = (page: Page) =>
  page.evaluate(() => {
    for (const a of document.getAnimations()) {
      a.pause();
      a.currentTime = Number(a.effect?.getComputedTiming().duration) / 2;
    }
  });

const cases = [
  { name: 'desktop-light-ru', colorScheme: 'light', language: 'ru', cancel: 'Отмена' },
  { name: 'desktop-dark-en', colorScheme: 'dark', language: 'en', cancel: 'Cancel' },
] as const;

describe('the contrast check measures the resting page', () => {
  for (const c of cases) {
    it(`the editor's pause confirmation, opened by a click and hovered mid-transition, reads as at rest (${c.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, {
        width: 1280,
        height: 900,
        colorScheme: c.colorScheme,
      });
      try {
        const launch = participantUrl(server, { userId: AGENCY_OWNER, language: c.language }).split('#')[0];
        await page.goto(`${launch}#/admin/campaign/1`);
        const pause = page.getByTestId('office-to-paused');
        await pause.waitFor({ timeout: T });
        await pause.click();
        const alert = page.locator('[class*="Alert__host"]').first();
        await alert.waitFor({ timeout: T });
        // Its «Cancel» action (the close cross is named so too, and comes first).
        await alert.getByRole('button', { name: c.cancel, exact: true }).last().hover();
        await freezeHalfway(page);
        expect(await lowContrastTexts(page)).toEqual([]);
        // And at rest it stays what it was: the dialog open, its words readable.
        await expect.poll(() => alert.isVisible()).toBe(true);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
