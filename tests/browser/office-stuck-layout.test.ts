/**
 * «Who is stuck where» (the stages and one stage's people) sits in the same column as its neighbours, in Chromium
 * (phone light ru, desktop dark en, a wide desktop). Reported from outside as full width while the other office pages
 * were centred in a fixed-width column; measured, every office panel takes the layout's one office column
 * (App.tsx: OFFICE_PANELS get the full width, autoSpaced), the statistics page, the brand's team and the office home
 * alike, and the stuck pages do too. This keeps it so: each page's first group has the same left edge and width.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { activePanel } from './vkui-panel.ts';

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

const cases = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop-dark-en', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en' },
  { name: 'wide-dark-en', width: 1920, height: 1000, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

/** The left edge and width of the shown panel's first group, once `ready` (a test id) is on it. */
async function column(page: Page, hash: string, ready: string) {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await activePanel(page).getByTestId(ready).first().waitFor({ timeout: T });
  const box = await activePanel(page).locator('[class*="Group__host"]').first().boundingBox();
  if (!box) throw new Error(`${hash} shows no group`);
  return { left: Math.round(box.x), width: Math.round(box.width) };
}

describe('the stuck pages sit in the office column', () => {
  for (const c of cases) {
    it(`the stages and a stage's people line up with the statistics page, the team and the home (${c.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, c);
      try {
        await page.goto(participantUrl(server, { userId: AGENCY_OWNER, language: c.language }));
        await page.locator('[class*="PanelHeader"]').first().waitFor({ timeout: T });
        const stats = await column(page, '/admin/campaign/1/stats', 'stats-range');
        const neighbours = {
          home: await column(page, '/admin', 'office-accent'),
          team: await column(page, '/admin/brand/1/team', 'office-accent'),
          stages: await column(page, '/admin/campaign/1/stats/stuck', 'stuck-finish'),
        };
        await screenshot(page, `office-stuck-layout-${c.name}`);
        const people = await column(page, '/admin/campaign/1/stats/stuck/opened', 'office-accent');
        expect({ ...neighbours, people }).toEqual({ home: stats, team: stats, stages: stats, people: stats });
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
