/**
 * Items 4 and 5 in Chromium: a brand admin opens the draw of a live giveaway in the office (desktop), sees the
 * commitment, runs the draw once its time has come and sees the revealed seed and winners; a participant who is an
 * entry then sees the results on a phone in dark mode, with their own entry marked and the seed matching the
 * commitment. The giveaway is a demo campaign turned into one by writing its SQLite file (as campaign-states.ts does).
 */
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
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

/** Turns `summer-tasks` into a giveaway whose draw is due in `inMs`, committed, with five entries. */
function makeGiveaway(inMs: number): { campaignId: number; commitment: string; drawAt: number } {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const now = Date.now();
    const drawAt = now + inMs;
    const { id } = db.prepare("SELECT id FROM campaigns WHERE slug = 'summer-tasks'").get() as { id: number };
    const draw = { winners: 2, reserves: 1, drawAt, requiredTaskKeys: ['join', 'messages'] };
    db.prepare(
      "UPDATE campaigns SET legal_type = 'giveaway', settings = json_set(settings, '$.draw', json(?)) WHERE id = ?",
    ).run(JSON.stringify(draw), id);
    const seed = randomBytes(32);
    const commitment = createHash('sha256').update(seed).digest('hex');
    db.prepare('INSERT INTO draws (campaign_id, algorithm, seed, commitment, committed_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      'provably-fair-draw/v1',
      seed.toString('hex'),
      commitment,
      now,
    );
    const tasks = db
      .prepare("SELECT id FROM promo_tasks WHERE campaign_id = ? AND key IN ('join', 'messages')")
      .all(id) as { id: number }[];
    for (const user of ENTRANTS) {
      const p = db
        .prepare(
          "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code) VALUES (?, 'vk', ?, ?, ?) RETURNING id",
        )
        .get(id, String(user), now, `draw${user}`) as { id: number };
      for (const t of tasks)
        db.prepare(
          "INSERT INTO promo_task_completions (participant_id, task_id, status, level, started_at, done_at) VALUES (?, ?, 'done', 'server_verified', ?, ?)",
        ).run(p.id, t.id, now, now);
    }
    return { campaignId: id, commitment, drawAt };
  } finally {
    db.close();
  }
}

describe('items 4 and 5: the giveaway draw in the office and in the participant app', () => {
  it('item 5: the admin runs the draw from the office; a participant sees the results and can check the seed', async () => {
    const { campaignId, commitment, drawAt } = makeGiveaway(6_000);
    const office = await openWatchedPage(browser, { width: 1280, height: 900, colorScheme: 'light' });
    try {
      await office.page.goto(`${server.adminUrl}#/admin/campaign/${campaignId}/draw`);
      await office.page.getByTestId('office-draw-status').waitFor({ timeout: T });
      expect(await office.page.getByTestId('office-commitment').textContent()).toBe(commitment);
      await screenshot(office.page, 'office-draw-committed-desktop-light');

      await new Promise((r) => setTimeout(r, Math.max(0, drawAt - Date.now() + 500)));
      await office.page.reload();
      const run = office.page.getByTestId('office-run-draw');
      await run.waitFor({ timeout: T });
      await run.click(); // asks to confirm
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
