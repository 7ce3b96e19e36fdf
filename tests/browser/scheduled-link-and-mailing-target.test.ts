/**
 * Decision 105, in Chromium:
 * - a participant following a scheduled campaign's link (a teaser post before the start) reads when it starts, in their
 *   own clock, and nothing else of it, with back to the list (before: «Такой акции нет или она недоступна»); an ended
 *   campaign still opens and says it has ended;
 * - the office's statistics name each broadcast's target stage as the stats CSV does (before: not shown at all).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_VK_ID } from '../../server/seed/demo-ids.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
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

const T = 15_000;

const idOf = (slug: string) =>
  withAppDb(server, (db) => (db.prepare('SELECT id FROM campaigns WHERE slug = ?').get(slug) as { id: number }).id);

describe('decision 105: a scheduled campaign’s link, and a mailing’s target stage in the statistics', () => {
  it('a scheduled campaign’s link says when it starts in the reader’s clock, and nothing else; back leads home', async () => {
    const scheduled = idOf('brand-quiz');
    const ended = idOf('lucky-wheel');
    // 12:00 on 10 December for a reader in Yekaterinburg (UTC+5); the campaign's own zone (Moscow) would say 10:00.
    const startsAt = Date.UTC(new Date().getUTCFullYear() + 1, 11, 10, 7, 0);
    withAppDb(server, (db) => {
      db.prepare(`UPDATE campaigns SET status = 'scheduled', starts_at = ? WHERE id = ?`).run(startsAt, scheduled);
      db.prepare(`UPDATE campaigns SET status = 'ended' WHERE id = ?`).run(ended);
    });
    const launch = participantUrl(server, { userId: 905_001, language: 'ru' });
    const phone = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      mobile: true,
      colorScheme: 'light',
      timezoneId: 'Asia/Yekaterinburg',
    });
    try {
      await phone.page.goto(launch);
      await phone.page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
      await phone.page.evaluate((id) => {
        window.location.hash = `#/campaign/${id}`;
      }, scheduled);
      const said = phone.page.getByTestId('phase-not_started');
      await said.waitFor({ timeout: T });
      expect(await said.textContent()).toBe('Акция ещё не началасьСтарт 10 декабря в 12:00. Загляните чуть позже.');
      await screenshot(phone.page, 'scheduled-link-phone-light');
      expect(await phone.page.getByTestId('campaign-title').count()).toBe(0);
      expect(await phone.page.getByTestId('load-error').count()).toBe(0);
      expect(await phone.page.locator('body').textContent()).not.toMatch(/Такой акции нет|Викторин|квиз/i);
      await phone.page.getByRole('button', { name: 'Назад' }).click();
      await phone.page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });

      // An ended campaign opens and says so (what it showed before too): not "no such campaign".
      await phone.page.evaluate((id) => {
        window.location.hash = `#/campaign/${id}`;
      }, ended);
      await phone.page.getByTestId('phase-ended').waitFor({ timeout: T });
      expect(await phone.page.getByTestId('phase-ended').textContent()).toContain('Акция завершена');
      // The 409 the scheduled campaign's read answered is the one console line the page wrote.
      expect(phone.errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('the statistics’ mailings name a broadcast’s target stage as the CSV does', async () => {
    const campaignId = idOf('summer-tasks');
    const broadcastId = withAppDb(
      server,
      (db) =>
        db
          .prepare(
            `INSERT INTO broadcasts (campaign_id, name, segment, text, target_stage, status, scheduled_at, created_at)
             VALUES (?, 'Напоминание о вступлении', '{}', 'Вступайте!', 'task:join', 'sent', ?, ?)`,
          )
          .run(campaignId, Date.now() - 3_600_000, Date.now() - 3_600_000).lastInsertRowid,
    );
    const admin = participantUrl(server, { userId: DEMO_ADMIN_VK_ID, language: 'ru', role: 'admin' });
    const phone = await openWatchedPage(browser, { width: 390, height: 844, mobile: true, colorScheme: 'dark' });
    try {
      await phone.page.goto(`${admin}#/admin/campaign/${campaignId}/stats`);
      const cell = phone.page.getByTestId(`stats-mailing-broadcast-${broadcastId}`);
      await cell.waitFor({ timeout: 30_000 });
      await cell.scrollIntoViewIfNeeded();
      expect(await cell.textContent()).toContain('Целевой этап: Задание «Вступите в сообщество»');
      await screenshot(phone.page, 'stats-mailing-target-phone-dark');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
