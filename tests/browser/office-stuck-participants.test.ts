/**
 * «Who is stuck where» in the office, in Chromium (phone light ru, desktop dark en). Real participants join the demo's
 * quiz campaign through the participant API (open; the quiz submitted wrong, or right for its reward), so they stand
 * at `opened`, `quiz_finished` and `reward_issued`. Their `stage_reached_at` is then moved back in the database: the
 * server runs on the real clock and nobody can wait 48 hours in a test, and no API sets the moment a stage was reached
 * (only the time is written by hand, never the stage). A brand member with `stats` opens the screen from the funnel:
 * the counts per stage for 24 h and for 1 h, the list of one stage oldest first with VK ids linked to their profile,
 * «show more» by the cursor, the total and the CSV the button saves; a member without `stats` gets the server's
 * refusal and no list. Before this change there was no such screen (the address fell through to the office's home).
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stuckStrings } from '../../miniapp/admin/i18n-stuck.ts';
import { STUCK_PAGE_SIZE } from '../../miniapp/admin/stats/stuck-api.ts';
import { excelRows, readExcelCsv } from '../../server/http/testing/excel-csv.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, type DemoCampaign, demoCampaign } from './office-members.ts';
import { openQuizFrom, QUIZ_RIGHT, QUIZ_WRONG } from './source-launch.ts';
import { activePanel } from './vkui-panel.ts';

const STATS_MEMBER = 7950;
const TEAM_ONLY = 7951;
const HOUR = 3_600_000;
const MIN = 60_000;
const T = 30_000;
/** More than a page at `opened`, so «show more» has a second page to fetch. */
const OPENED = STUCK_PAGE_SIZE + 3;
const opened = Array.from({ length: OPENED }, (_, i) => 7_960_000 + i);
const quizFailed = [7_961_000, 7_961_001, 7_961_002];
const quizPassed = [7_962_000, 7_962_001];

let server: StartedServer;
let browser: Browser;
let quiz: DemoCampaign;

/** Moves the moment each user reached their current stage back by `ago(i)` (the i-th of them). */
function reachedAgo(userIds: number[], ago: (i: number) => number): void {
  const now = Date.now();
  withAppDb(server, (db) => {
    const set = db.prepare(
      'UPDATE participants SET stage_reached_at = ? WHERE campaign_id = ? AND platform_user_id = ?',
    );
    userIds.forEach((u, i) => {
      expect(set.run(now - ago(i), quiz.id, String(u)).changes).toBe(1);
    });
  });
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  quiz = demoCampaign(server, 'brand-quiz');
  addBrandMember(server, { userId: STATS_MEMBER, brandId: quiz.brandId, sections: ['stats'] });
  addBrandMember(server, { userId: TEAM_ONLY, brandId: quiz.brandId, sections: ['team'] });
  // Every other opener from the catalogue, the rest from elsewhere: the list shows both sources in words.
  await openQuizFrom(
    server,
    quiz.id,
    opened.filter((_, i) => i % 2 === 0),
    'catalog_recommendation',
  );
  await openQuizFrom(
    server,
    quiz.id,
    opened.filter((_, i) => i % 2 === 1),
    'other',
  );
  await openQuizFrom(server, quiz.id, quizFailed, 'menu', QUIZ_WRONG);
  await openQuizFrom(server, quiz.id, quizPassed, 'menu', QUIZ_RIGHT);
  // Oldest first is the order they joined in: the first reached `opened` 48 h ago, each next one a minute later.
  reachedAgo(opened, (i) => 48 * HOUR - i * MIN);
  reachedAgo(quizFailed, (i) => 2 * HOUR - i * MIN);
  reachedAgo(quizPassed, () => 100 * HOUR);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const member = (userId: number, language: 'ru' | 'en') =>
  participantUrl(server, { userId, language }).split('#')[0] as string;

const countOf = async (page: Page, stage: string) =>
  Number(await activePanel(page).getByTestId(`stuck-count-${stage}`).getAttribute('data-value'));

/** The users listed on the page, in its order. */
const listed = (page: Page) =>
  activePanel(page)
    .locator('[data-testid^="stuck-person-"]')
    .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-user'))));

const cases = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop-dark-en', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

describe('the office shows who is stuck where', () => {
  for (const c of cases) {
    it(`counts per stage, the list with show more, the CSV (${c.name})`, async () => {
      const s = stuckStrings(c.language);
      const { page, context, errors } = await openWatchedPage(browser, c);
      try {
        const asked: string[] = [];
        page.on('request', (r) => {
          if (r.url().includes('/api/admin/funnel/')) asked.push(new URL(r.url()).pathname);
        });
        await page.goto(`${member(STATS_MEMBER, c.language)}#/admin/campaign/${quiz.id}/stats`);
        const link = page.getByTestId(`stats-stuck-link-${quiz.id}`);
        await link.waitFor({ timeout: T });
        await link.click();
        await page.waitForURL(new RegExp(`#/admin/campaign/${quiz.id}/stats/stuck$`));

        // 24 h (the default): everyone at `opened`, the two rewarded 100 h ago, none of those who failed 2 h ago.
        await activePanel(page).getByTestId('stuck-count-opened').waitFor({ timeout: T });
        expect([await countOf(page, 'opened'), await countOf(page, 'quiz_finished')]).toEqual([OPENED, 0]);
        // The last stage is the finish: the two rewarded are done, not stuck; named, not counted.
        expect(await activePanel(page).getByTestId('stuck-stage-reward_issued').count()).toBe(0);
        expect(await activePanel(page).getByTestId('stuck-finish').textContent()).toContain(
          c.language === 'ru' ? 'Получили награду' : 'Got a reward',
        );
        // Every stage's count in one answer, not one request per stage.
        const countsPath = `/api/admin/funnel/campaigns/${quiz.id}/stuck/counts`;
        expect(asked).toEqual([countsPath]);
        await screenshot(page, `office-stuck-stages-${c.name}`);
        // 1 h: those who failed the quiz 2 h ago too; the choice is kept in the address.
        await activePanel(page).getByText(s.hours1, { exact: true }).click();
        await page.waitForURL(/stuck\?hours=1$/);
        await expect.poll(() => countOf(page, 'quiz_finished'), { timeout: T }).toBe(3);
        // 7 days: nobody has stood anywhere that long.
        await activePanel(page).getByText(s.hours168, { exact: true }).click();
        await expect.poll(() => countOf(page, 'opened'), { timeout: T }).toBe(0);
        await activePanel(page).getByText(s.hours24, { exact: true }).click();
        await expect.poll(() => countOf(page, 'opened'), { timeout: T }).toBe(OPENED);

        // One stage's people: oldest first, a page, then the rest by «show more».
        await activePanel(page).getByTestId('stuck-stage-opened').click();
        await page.waitForURL(/stats\/stuck\/opened\?hours=24$/);
        const total = activePanel(page).getByTestId('stuck-total');
        await total.waitFor({ timeout: T });
        expect(Number(await total.getAttribute('data-value'))).toBe(OPENED);
        expect(await listed(page)).toEqual(opened.slice(0, STUCK_PAGE_SIZE));
        const firstCell = activePanel(page)
          .getByTestId(/^stuck-person-/)
          .first();
        const profile = firstCell.getByRole('link');
        expect(await profile.getAttribute('href')).toBe(`https://vk.com/id${opened[0]}`);
        expect(await profile.getAttribute('target')).toBe('_blank');
        expect(await profile.getAttribute('rel')).toBe('noopener noreferrer');
        expect(await profile.textContent()).toBe(`id${opened[0]}`);
        const firstText = (await firstCell.textContent())?.replace(/[\u00a0\u202f]/g, ' ');
        expect(firstText).toContain(c.language === 'ru' ? '2 дня назад' : '2 days ago');
        expect(firstText).toContain(
          // The launch source in words (miniapp/admin/launch-source.ts); the CSV below keeps it as sent.
          c.language === 'ru' ? 'Источник: Каталог: рекомендации' : 'Source: Catalogue: recommended',
        );
        const secondText = await activePanel(page)
          .getByTestId(/^stuck-person-/)
          .nth(1)
          .textContent();
        expect(secondText?.replace(/[\u00a0\u202f]/g, ' ')).toContain(
          c.language === 'ru' ? '47 часов назад' : '47 hours ago',
        );
        await screenshot(page, `office-stuck-list-${c.name}`);
        const more = activePanel(page).getByTestId('stuck-more');
        const [nextPage] = await Promise.all([
          page.waitForRequest((r) => r.url().includes('/stuck?') && r.url().includes('afterId=')),
          more.click(),
        ]);
        // The cursor is the last shown row's moment and id, never an offset.
        expect(new URL(nextPage.url()).searchParams.get('afterReachedAt')).not.toBeNull();
        expect(new URL(nextPage.url()).searchParams.has('offset')).toBe(false);
        await expect.poll(() => listed(page), { timeout: T }).toEqual(opened);
        expect(await more.count()).toBe(0);
        await activePanel(page)
          .getByTestId(/^stuck-person-/)
          .last()
          .scrollIntoViewIfNeeded();
        await screenshot(page, `office-stuck-list-more-${c.name}`);

        // The CSV: the same people in the same order, in the member's language's Excel format.
        const [download] = await Promise.all([
          page.waitForEvent('download', { timeout: T }),
          activePanel(page).getByTestId('stuck-csv').click(),
        ]);
        expect(download.suggestedFilename()).toBe(`stuck-${quiz.id}-opened-24h.csv`);
        const file = readExcelCsv(readFileSync(await download.path()), c.language);
        const [header = [], ...rows] = excelRows(file.text, c.language);
        const userColumn = header.indexOf(c.language === 'ru' ? 'ID пользователя' : 'User ID');
        expect(userColumn).toBeGreaterThanOrEqual(0);
        expect(rows.map((r) => Number(r[userColumn]))).toEqual(opened);
        const sourceColumn = header.indexOf(c.language === 'ru' ? 'Источник' : 'Source');
        expect(rows[0]?.[sourceColumn]).toBe('catalog_recommendation');

        // Back to the stages (the office's own Back), then a stage nobody is stuck at for 24 h.
        await page
          .getByRole('button', { name: c.language === 'ru' ? 'Назад' : 'Back' })
          .last()
          .click();
        await page.waitForURL(/stats\/stuck(\?hours=24)?$/);
        await activePanel(page).getByTestId('stuck-stage-quiz_finished').click();
        await activePanel(page).getByTestId('stuck-empty').waitFor({ timeout: T });
        expect(await activePanel(page).getByTestId('stuck-empty').textContent()).toContain(s.nobody);
        expect(await activePanel(page).getByTestId('stuck-csv').isDisabled()).toBe(true);
        await screenshot(page, `office-stuck-empty-${c.name}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('a member without `stats` gets the server’s refusal, not the list (phone, ru)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, cases[0]);
    try {
      await page.goto(`${member(TEAM_ONLY, 'ru')}#/admin/campaign/${quiz.id}/stats/stuck/opened?hours=24`);
      const refusal = activePanel(page).getByTestId('load-error');
      await refusal.waitFor({ timeout: T });
      expect(await refusal.textContent()).toContain('У вас нет прав на это в этом бренде.');
      expect(await page.locator('[data-testid^="stuck-person-"]').count()).toBe(0);
      expect(await activePanel(page).getByRole('button', { name: 'Назад' }).count()).toBe(1);
      await screenshot(page, 'office-stuck-refused-phone-light-ru');
      await page.goto(`${member(TEAM_ONLY, 'ru')}#/admin/campaign/${quiz.id}/stats/stuck`);
      await activePanel(page).getByTestId('load-error').waitFor({ timeout: T });
      expect(await page.locator('[data-testid^="stuck-count-"]').count()).toBe(0);
      expect(errors.filter((e) => !e.includes('status of 403'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
