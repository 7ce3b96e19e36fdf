/**
 * Decision 110, in Chromium:
 * - a participant's deep link to a scheduled campaign's sub-screen (its quiz, quiz result, a task's quiz, a reward,
 *   the prizes, the rules) shows the campaign screen's «not started» placeholder with the start in the reader's own
 *   clock, with Back (before: the plain error «The campaign has not started yet.» under «Something went wrong»);
 * - a scheduled campaign whose start has passed (the server declined to launch it) asks to come back later without a
 *   date (before: «Starts on <a day gone by>»);
 * - «Запустить сейчас» on a scheduled pack-code campaign whose prize calendar begins on a later day than today names
 *   that first moment, in the words a draft's question uses (before: only «Запустить акцию сейчас?…»: the problems
 *   list checks a scheduled campaign against its planned day, which has a moment).
 * Screenshots: test-results/screenshots/scheduled-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addManager, draftFromTemplate, field, loadCodesByTheProblem, save } from './manager-walk.ts';

const MANAGER = 7951;
const T = 20_000;
const DAY = 86_400_000;

let server: StartedServer;
let browser: Browser;
beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  addManager(server, MANAGER);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const idOf = (slug: string) =>
  withAppDb(server, (db) => (db.prepare('SELECT id FROM campaigns WHERE slug = ?').get(slug) as { id: number }).id);

/** `at` as a day in Moscow (the templates' time zone), YYYY-MM-DD: what the editor's start field takes. */
const moscowDay = (at: number) => new Date(at + 3 * 3_600_000).toISOString().slice(0, 10);

/** The 409s a scheduled campaign's reads answer are the page's only console lines. */
const besides409 = (errors: string[]) => errors.filter((e) => !/status of 409/.test(e));

describe('decision 110: a scheduled campaign’s start told truly', () => {
  it('deep links to a scheduled campaign’s sub-screens say when it starts in the reader’s clock, with Back (phone, dark, en)', async () => {
    const id = idOf('brand-quiz');
    // 12:00 on 10 December for a reader in New York (UTC−5); the campaign's own zone (Moscow) would say 20:00.
    const startsAt = Date.UTC(new Date().getUTCFullYear() + 1, 11, 10, 17, 0);
    withAppDb(server, (db) =>
      db.prepare(`UPDATE campaigns SET status = 'scheduled', starts_at = ? WHERE id = ?`).run(startsAt, id),
    );
    const phone = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'dark',
      timezoneId: 'America/New_York',
    });
    try {
      await phone.page.goto(participantUrl(server, { userId: 905_101, language: 'en' }));
      await phone.page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
      // Every screen a link can open under the campaign. Its tasks are not told before the start, so a task's quiz
      // reads the same whatever the key.
      for (const [screen, path] of [
        ['quiz', 'quiz'],
        ['quiz-result', 'quiz/result'],
        ['task-quiz', 'task/quiz/quiz'],
        ['reward', 'reward/quiz10'],
        ['prizes', 'prizes'],
        ['rules', 'rules'],
      ] as const) {
        await phone.page.evaluate((hash) => {
          window.location.hash = hash;
        }, `#/campaign/${id}/${path}`);
        const said = phone.page.getByTestId('phase-not_started');
        await said.waitFor({ timeout: T });
        expect(await said.textContent(), screen).toBe(
          'Not started yetStarts on 10 December at 12:00. Come back a little later.',
        );
        expect(await phone.page.getByTestId('load-error').count(), screen).toBe(0);
        expect(await phone.page.locator('body').textContent(), screen).not.toMatch(/has not started yet\.|went wrong/);
        await screenshot(phone.page, `scheduled-deep-link-${screen}-phone-dark-en`);
        await phone.page.getByRole('button', { name: 'Back', exact: true }).click();
        await phone.page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
        await expect.poll(() => phone.page.getByTestId('phase-not_started').count(), { timeout: T }).toBe(0);
      }
      expect(besides409(phone.errors)).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('a scheduled campaign whose start passed (not launched: a problem) asks to come back later, with no date (phone, light, en)', async () => {
    const id = idOf('lucky-wheel');
    // A blank title is an error problem: the server's promotion at the start declines it, and it stays scheduled.
    withAppDb(server, (db) =>
      db
        .prepare(`UPDATE campaigns SET status = 'scheduled', starts_at = ?, title = '' WHERE id = ?`)
        .run(Date.now() - DAY, id),
    );
    // The server's own round (every 15 s) has declined it: the audit log says so, and it is still scheduled.
    const refused = () =>
      withAppDb(server, (db) =>
        db
          .prepare(`SELECT COUNT(*) AS n FROM office_audit WHERE action = 'campaign.go_live_refused' AND entity_id = ?`)
          .get(String(id)),
      ) as { n: number };
    await expect.poll(() => refused().n, { timeout: 30_000, interval: 1_000 }).toBe(1);
    const phone = await openWatchedPage(browser, { width: 375, height: 812, mobile: true, colorScheme: 'light' });
    try {
      await phone.page.goto(`${participantUrl(server, { userId: 905_102, language: 'en' })}#/campaign/${id}`);
      const said = phone.page.getByTestId('phase-not_started');
      await said.waitFor({ timeout: T });
      expect(await said.textContent()).toBe('Not started yetCome back a little later.');
      await screenshot(phone.page, 'scheduled-start-passed-phone-light-en');
      expect(await phone.page.getByTestId('load-error').count()).toBe(0);
      const status = withAppDb(
        server,
        (db) => (db.prepare('SELECT status FROM campaigns WHERE id = ?').get(id) as { status: string }).status,
      );
      expect(status).toBe('scheduled');
      expect(besides409(phone.errors)).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });

  it('«Запустить сейчас» on a scheduled pack-code campaign names the calendar’s first moment, as for a draft (desktop, light, ru)', async () => {
    const vp = { width: 1280, height: 860, mobile: false, colorScheme: 'light' } as const;
    const { page, context, errors } = await openWatchedPage(browser, vp);
    try {
      const office = participantUrl(server, { userId: MANAGER, language: 'ru' });
      const id = await draftFromTemplate(page, office, 'pack-code');
      // Starting in two days: its moments, generated from the start, all fall on a later day than today.
      await field(page, 'startsAt').fill(`${moscowDay(Date.now() + 2 * DAY)}T10:00`);
      await save(page);
      await page.getByTestId('office-problem-calendar_without_moments').click();
      await page.waitForURL(new RegExp(`#/admin/campaign/${id}/calendar$`), { timeout: T });
      await page.getByTestId('calendar-mode').getByText('Каждый день').click({ timeout: T });
      await page.getByTestId('calendar-count-headphones').fill('1');
      await page.getByTestId('calendar-count-discount').fill('5');
      await page.getByTestId('calendar-generate').click();
      await page
        .getByTestId('calendar-note')
        .getByText(/Добавлено моментов: \d+/)
        .waitFor({ timeout: T });
      await page.goBack();
      await field(page, 'title').waitFor({ timeout: T });
      await loadCodesByTheProblem(page, server, id);

      // A draft: launched now, nobody wins before the first moment; its question says so (decision 104).
      const problems = page.getByTestId('office-problems');
      await expect.poll(() => problems.textContent(), { timeout: T }).toContain('Первый призовой момент — ');
      const ask = page.getByRole('alertdialog');
      await page.getByTestId('office-to-live').click();
      await ask.waitFor({ timeout: T });
      const draftQuestion = await ask.textContent();
      expect(draftQuestion).toMatch(/Запустить акцию сейчас\?.*Первый призовой момент — \d/s);
      // Not launched: the editor opened afresh, then scheduled for its day.
      await page.reload();
      await field(page, 'title').waitFor({ timeout: T });
      await page.getByTestId('office-to-scheduled').click();
      await page.getByTestId('office-confirm').click();
      await expect
        .poll(() => page.getByTestId('office-status').first().textContent(), { timeout: T })
        .toMatch(/Запланирована/);
      await ask.waitFor({ state: 'detached', timeout: T });
      // Scheduled: the list checks its planned day, which has a moment, so it warns of nothing…
      expect(await page.getByTestId('office-problem-calendar_first_moment_later').count()).toBe(0);
      // …but launched now it would wait days for its first prize, and the question says so, in the draft's words.
      await page.getByTestId('office-to-live').click();
      await ask.waitFor({ timeout: T });
      expect(await ask.textContent()).toBe(draftQuestion);
      await screenshot(page, 'scheduled-launch-now-first-moment-desktop-light-ru');
      await page.getByTestId('office-confirm-dismiss').click();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
