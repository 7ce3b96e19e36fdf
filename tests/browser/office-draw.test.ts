/**
 * Items 4 and 5 in Chromium: a brand admin opens the draw of a live giveaway in the office (desktop), sees the
 * commitment, runs the draw once its time has come and sees the revealed seed and winners; a participant who is an
 * entry then sees the results on a phone in dark mode, with their own entry marked and the seed matching the
 * commitment. The giveaway is a demo campaign turned into one by writing its SQLite file (as campaign-states.ts does).
 */
import { createHash } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { makeDemoGiveaway } from './demo-giveaway.ts';
import { participantUrl } from './launch-users.ts';

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

const T = 20_000;
const ENTRANTS = [700_001, 700_002, 700_003, 700_004, 700_005];

/** `summer-tasks` as a committed giveaway due in `inMs`, with the five entries above. */
const makeGiveaway = (inMs: number) =>
  makeDemoGiveaway(
    server.dataDir,
    inMs,
    ENTRANTS.map((user) => ({ user, referralCode: `draw${user}` })),
  );

describe('items 4 and 5: the giveaway draw in the office and in the participant app', () => {
  it('item 5: the admin runs the draw from the office; a participant sees the results and can check the seed', async () => {
    const { campaignId, commitment, drawAt } = makeGiveaway(6_000);
    const office = await openWatchedPage(browser, { width: 1280, height: 900, colorScheme: 'light' });
    try {
      // The campaign's editor links to its draw (it has one in its settings).
      await office.page.goto(`${server.adminUrl}#/admin/campaign/${campaignId}`);
      await office.page.getByTestId('office-section-draw').click({ timeout: T });
      await office.page.getByTestId('office-draw-status').waitFor({ timeout: T });
      expect(await office.page.getByTestId('office-commitment').textContent()).toBe(commitment);
      await screenshot(office.page, 'office-draw-committed-desktop-light');

      await new Promise((r) => setTimeout(r, Math.max(0, drawAt - Date.now() + 500)));
      await office.page.reload();
      const run = office.page.getByTestId('office-run-draw');
      await run.waitFor({ timeout: T });
      await run.click(); // asks to confirm
      // The warning stands apart from the buttons it warns about: its 8 px margin was dead on VKUI's inline Paragraph,
      // so the text sat flush on the buttons (red before: a gap of 0).
      const warning = await office.page.getByTestId('office-run-confirm').boundingBox({ timeout: T });
      const button = await run.boundingBox();
      expect((button?.y ?? 0) - ((warning?.y ?? 0) + (warning?.height ?? 0))).toBeGreaterThanOrEqual(8);
      await run.click();
      const seed = (await office.page.getByTestId('office-seed').textContent({ timeout: T })) ?? '';
      expect(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex')).toBe(commitment);
      await office.page.getByTestId('office-pick-1').waitFor({ timeout: T });
      await screenshot(office.page, 'office-draw-drawn-desktop-light');
      expect(office.errors).toEqual([]);
    } finally {
      await office.context.close();
    }

    const phone = await openWatchedPage(browser, { width: 390, height: 844, mobile: true, colorScheme: 'dark' });
    try {
      const url = participantUrl(server, { userId: ENTRANTS[0] as number, language: 'ru' });
      await phone.page.goto(`${url}#/campaign/${campaignId}`);
      await phone.page.getByTestId('draw-results').waitFor({ timeout: T });
      expect(await phone.page.getByTestId('draw-commitment').textContent()).toBe(commitment);
      const seed = (await phone.page.getByTestId('draw-seed').textContent()) ?? '';
      expect(createHash('sha256').update(Buffer.from(seed, 'hex')).digest('hex')).toBe(commitment);
      expect(await phone.page.getByTestId('draw-pick').count()).toBe(3);
      await phone.page.getByTestId('draw-results').scrollIntoViewIfNeeded();
      await screenshot(phone.page, 'office-draw-participant-results-phone-dark');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
