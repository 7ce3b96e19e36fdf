/**
 * Item 1 in Chromium: the draw office lists the entrants with their fraud flags worded with why (the page flags from
 * the fake VK API's users.get, a referral burst written into the database), filters the flagged ones, and the admin
 * excludes one with a reason; the draw then runs without it: it is in neither the frozen list nor the winners, and the
 * published list still hashes to the published entries hash. Desktop light and phone dark screenshots.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GROUP_ID } from '../../server/seed/demo-ids.ts';
import { type FakeVkApi, startFakeVkApi } from '../fakes/vk-api.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { makeDemoGiveaway } from './demo-giveaway.ts';

let server: StartedServer;
let browser: Browser;
let fake: FakeVkApi;

beforeAll(async () => {
  fake = await startFakeVkApi();
  server = await startServerLikeReadme({
    env: { VK_API_BASE_URL: fake.url, VK_GROUP_TOKEN: `group:${DEMO_GROUP_ID}`, VK_GROUP_ID: String(DEMO_GROUP_ID) },
    timeoutMs: 220_000,
  });
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

const T = 20_000;
const MIN = 60_000;
/** 710001 refers 710002–710004 within three minutes (a burst of 3); 710005 has no photo; 710006 is clean. */
const ENTRANTS = [710_001, 710_002, 710_003, 710_004, 710_005, 710_006];
const EXCLUDED = 710_003;

/** `summer-tasks` as a committed giveaway due in `inMs`, with the entrants above, a minute apart. */
const makeGiveaway = (inMs: number) => {
  const now = Date.now();
  return makeDemoGiveaway(
    server.dataDir,
    inMs,
    ENTRANTS.map((user, i) => ({
      user,
      referralCode: `flag${user}`,
      ...(i >= 1 && i <= 3 ? { referrer: ENTRANTS[0] } : {}),
      createdAt: now - 30 * MIN + i * MIN,
    })),
  );
};

describe('item 1: entrants and fraud flags in the draw office', () => {
  it('item 1: flagged entrants are worded with why, one is excluded with a reason, and the draw runs without it', async () => {
    fake.setProfile(710_005, { hasPhoto: false });
    const { campaignId, drawAt } = makeGiveaway(25_000);
    const office = await openWatchedPage(browser, { width: 1280, height: 900, colorScheme: 'light' });
    const page = office.page;
    try {
      await page.goto(`${server.adminUrl}#/admin/campaign/${campaignId}/draw`);
      await page.getByTestId('office-entrants').waitFor({ timeout: T });
      const cell = (user: number) => page.getByTestId(`office-entrant-${user}`);
      await cell(710_006).waitFor({ timeout: T });
      expect(await page.locator('[data-testid^="office-entrant-"]').count()).toBe(6);
      expect(await cell(710_003).textContent()).toContain(
        'Записей от одного пригласившего (ВКонтакте · id710001) за 10 мин: 3',
      );
      expect(await cell(710_005).textContent()).toContain('Нет фото профиля');
      expect(await cell(710_006).getAttribute('data-flagged')).toBe('no');
      expect(await cell(710_001).locator('a').getAttribute('href')).toBe('https://vk.com/id710001');

      await page.getByText('Только с отметками').click();
      await expect.poll(() => page.locator('[data-testid^="office-entrant-"]').count(), { timeout: T }).toBe(4);
      expect(await cell(710_006).count()).toBe(0);

      await cell(EXCLUDED).getByRole('button', { name: 'Исключить' }).click();
      await page.getByTestId(`office-exclude-reason-${EXCLUDED}`).locator('textarea').fill('Накрутка приглашений');
      await page.getByTestId(`office-exclude-confirm-${EXCLUDED}`).click();
      await expect.poll(() => cell(EXCLUDED).getAttribute('data-excluded'), { timeout: T }).toBe('yes');
      // The state in words that fit anyone and read as one sentence (it read «Исключён: Накрутка приглашений»).
      expect(await cell(EXCLUDED).textContent()).toContain('Не участвует в розыгрыше: накрутка приглашений');
      await screenshot(page, 'office-draw-entrants-desktop-light');
      expect(office.errors).toEqual([]);
    } finally {
      await office.context.close();
    }

    const phone = await openWatchedPage(browser, { width: 390, height: 844, mobile: true, colorScheme: 'dark' });
    try {
      await phone.page.goto(`${server.adminUrl}#/admin/campaign/${campaignId}/draw`);
      await phone.page.getByTestId(`office-entrant-${EXCLUDED}`).scrollIntoViewIfNeeded({ timeout: T });
      await screenshot(phone.page, 'office-draw-entrants-phone-dark');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }

    const run = await openWatchedPage(browser, { width: 1280, height: 900, colorScheme: 'light' });
    try {
      await new Promise((r) => setTimeout(r, Math.max(0, drawAt - Date.now() + 500)));
      await run.page.goto(`${server.adminUrl}#/admin/campaign/${campaignId}/draw`);
      const button = run.page.getByTestId('office-run-draw');
      await button.waitFor({ timeout: T });
      await button.click(); // asks to confirm
      await button.click();
      await run.page.getByTestId('office-pick-1').waitFor({ timeout: T });
      await expect
        .poll(() => run.page.locator('[data-testid^="office-entrant-"]').count(), { timeout: T })
        .toBe(ENTRANTS.length - 1);
      expect(await run.page.getByTestId(`office-entrant-${EXCLUDED}`).count()).toBe(0);
      const picks = await run.page.locator('[data-testid^="office-pick-"]').allTextContents();
      expect(picks).toHaveLength(3);
      for (const text of picks) expect(text).not.toContain(`id${EXCLUDED}`);
      await screenshot(run.page, 'office-draw-entrants-drawn-desktop-light');
      expect(run.errors).toEqual([]);
    } finally {
      await run.context.close();
    }

    // The published list leaves the excluded entry out and still hashes to the published entries hash.
    const db = new Database(join(server.dataDir, 'app.db'), { readonly: true });
    try {
      const draw = db.prepare('SELECT entries, entries_hash FROM draws WHERE campaign_id = ?').get(campaignId) as {
        entries: string;
        entries_hash: string;
      };
      const entries = JSON.parse(draw.entries) as { userId: string; hash: string }[];
      expect(entries.map((e) => e.userId)).toEqual(ENTRANTS.filter((u) => u !== EXCLUDED).map(String));
      for (const e of entries) expect(e.hash).toBe(createHash('sha256').update(`vk:${e.userId}`).digest('hex'));
      const listHash = createHash('sha256')
        .update(entries.map((e) => e.hash).join('\n'))
        .digest('hex');
      expect(listHash).toBe(draw.entries_hash);
    } finally {
      db.close();
    }
  });
});
