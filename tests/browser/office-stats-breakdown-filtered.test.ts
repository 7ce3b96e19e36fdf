/**
 * The funnel broken down follows the statistics page's period and platform, in Chromium (phone light ru, desktop dark
 * en). The demo's quiz is opened through the participant API: three VK people from the community menu today (all
 * rewarded), three OK people from the catalogue today (two rewarded, one only opened) and one OK person from the menu
 * twenty days ago (rewarded; the quiz moved to have begun a month ago). The OK people are VK launches whose participant rows are then marked `ok`, and the old
 * one's events moved back twenty days: this server signs VK launches only, and the funnel reads the platform from the
 * participant and the day from the events. A brand member with `stats` picks OK and the last seven days on the page:
 * the funnel beside shows 3 people, and the breakdown opened from it counts the same 3 — the catalogue alone — says
 * which days (in the page's zone) and which platform it shows, and keeps them in its address through a change of
 * grouping, a reload and Back. Opened by a bare address it says it shows the whole campaign on every platform. Before
 * this change the breakdown ignored both filters: the menu's 4 and the catalogue's 3 whatever the page said.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakdownStrings } from '../../miniapp/admin/i18n-breakdown.ts';
import { dayText } from '../../miniapp/admin/stats/stats-format.ts';
import { zoneLabel } from '../../miniapp/admin/zoned-time.ts';
import { fill } from '../../miniapp/i18n-fill.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, type DemoCampaign, demoCampaign } from './office-members.ts';
import { openQuizFrom, QUIZ_RIGHT } from './source-launch.ts';
import { activePanel } from './vkui-panel.ts';

const STATS_MEMBER = 7972;
const T = 30_000;
const DAY = 86_400_000;
const vkMenu = [7_990_000, 7_990_001, 7_990_002];
const okCatalogPassed = [7_991_000, 7_991_001];
const okCatalogOpened = [7_991_100];
const okMenuLongAgo = [7_992_000];

let server: StartedServer;
let browser: Browser;
let quiz: DemoCampaign;

/** Marks the people as OK participants; `daysAgo`: their events moved back that many days. */
function onOk(users: number[], daysAgo = 0) {
  withAppDb(server, (db) => {
    const person = 'SELECT id FROM participants WHERE campaign_id = ? AND platform_user_id = ?';
    for (const u of users) {
      const changed = db
        .prepare(`UPDATE participants SET platform = 'ok' WHERE id = (${person})`)
        .run(quiz.id, String(u)).changes;
      expect(changed).toBe(1);
      db.prepare(`UPDATE events SET at = at - ? WHERE participant_id = (${person})`).run(
        daysAgo * DAY,
        quiz.id,
        String(u),
      );
    }
  });
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  quiz = demoCampaign(server, 'brand-quiz');
  addBrandMember(server, { userId: STATS_MEMBER, brandId: quiz.brandId, sections: ['stats'] });
  await openQuizFrom(server, quiz.id, vkMenu, 'group_menu', QUIZ_RIGHT);
  await openQuizFrom(server, quiz.id, okCatalogPassed, 'catalog_recommendation', QUIZ_RIGHT);
  await openQuizFrom(server, quiz.id, okCatalogOpened, 'catalog_recommendation');
  await openQuizFrom(server, quiz.id, okMenuLongAgo, 'group_menu', QUIZ_RIGHT);
  onOk([...okCatalogPassed, ...okCatalogOpened]);
  onOk(okMenuLongAgo, 20);
  // The demo's quiz began yesterday: moved to a month ago, so twenty days ago is in the campaign and not in the week.
  withAppDb(server, (db) =>
    db.prepare('UPDATE campaigns SET starts_at = starts_at - ? WHERE id = ?').run(30 * DAY, quiz.id),
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const memberUrl = (language: 'ru' | 'en') =>
  participantUrl(server, { userId: STATS_MEMBER, language }).split('#')[0] as string;

const groupOrder = (page: Page) =>
  activePanel(page)
    .locator('[data-testid^="breakdown-group-"]')
    .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-testid')?.replace('breakdown-group-', '')));

/** People per stage (opened, quiz_finished, reward_issued) of one group, as the page shows them. */
const stagesOf = (page: Page, value: string) =>
  Promise.all(
    ['opened', 'quiz_finished', 'reward_issued'].map(async (st) =>
      Number(await activePanel(page).getByTestId(`breakdown-count-${value}-${st}`).getAttribute('data-value')),
    ),
  );

/** The breakdown's line of what it shows, as text with the non-breaking spaces of dates read as spaces. */
const shownLine = async (page: Page) =>
  ((await activePanel(page).getByTestId('breakdown-filter').textContent()) ?? '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim();
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

/** The query of the office's address (after `#`; the launch's own query is before it). */
const hashQuery = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1]);

const cases = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop-dark-en', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

describe("the funnel's breakdown shows the statistics page's period and platform", () => {
  for (const c of cases) {
    it(`OK, the last seven days: the page's 3 people, the catalogue alone, said so and kept (${c.name})`, async () => {
      const s = breakdownStrings(c.language);
      const { page, context, errors } = await openWatchedPage(browser, c);
      try {
        await page.goto(`${memberUrl(c.language)}#/admin/campaign/${quiz.id}/stats`);
        const range = page.getByTestId('stats-range');
        await range.waitFor({ timeout: T });
        const to = await range.getAttribute('data-to');
        if (!to) throw new Error('the page shows no range');
        const from = new Date(Date.parse(`${to}T00:00:00Z`) - 6 * DAY).toISOString().slice(0, 10);
        await page.locator('#stats-platform').selectOption('ok');
        await page.locator('#stats-from').fill(from);
        await expect.poll(() => range.getAttribute('data-from'), { timeout: T }).toBe(from);
        // The funnel beside: the OK people who entered in these seven days.
        const opened = page.getByTestId(`stats-funnel-count-${quiz.id}-opened`);
        await expect.poll(() => opened.getAttribute('data-value'), { timeout: T }).toBe('3');

        await page.getByTestId(`stats-breakdown-link-${quiz.id}`).click();
        await page.waitForURL(/stats\/breakdown\?/);
        const address = hashQuery(page);
        expect([address.get('by'), address.get('from'), address.get('to'), address.get('platform')]).toEqual([
          'source',
          from,
          to,
          'ok',
        ]);
        const tz = address.get('tz') ?? '';
        await expect.poll(() => groupOrder(page), { timeout: T }).toEqual(['catalog_recommendation']);
        expect(await stagesOf(page, 'catalog_recommendation')).toEqual([3, 2, 2]);
        const filterCell = activePanel(page).getByTestId('breakdown-filter');
        expect(await filterCell.getAttribute('data-platform')).toBe('ok');
        const said = fill(s.shown, {
          period: fill(s.period, { from: dayText(from, c.language), to: dayText(to, c.language), tz: zoneLabel(tz) }),
          platform: fill(s.onePlatform, { platform: 'OK' }),
        });
        expect(await shownLine(page)).toBe(plain(said));
        await screenshot(page, `office-breakdown-filtered-${c.name}`);

        // Another grouping and a reload keep the filter; back to the sources, the same people.
        await activePanel(page).getByText(s.byVariant, { exact: true }).click();
        await page.waitForURL(/breakdown\?by=variant&/);
        expect(hashQuery(page).get('platform')).toBe('ok');
        await activePanel(page).getByTestId('breakdown-no-rules').waitFor({ timeout: T });
        await page.reload();
        await activePanel(page).getByTestId('breakdown-no-rules').waitFor({ timeout: T });
        expect(await shownLine(page)).toBe(plain(said));
        await activePanel(page).getByText(s.bySource, { exact: true }).click();
        await expect.poll(() => groupOrder(page), { timeout: T }).toEqual(['catalog_recommendation']);
        expect(await stagesOf(page, 'catalog_recommendation')).toEqual([3, 2, 2]);

        // Back: the statistics page, its filter still in its address (office-stats-filter-address.test.ts).
        await page
          .getByRole('button', { name: c.language === 'ru' ? 'Назад' : 'Back' })
          .last()
          .click();
        await page.waitForURL((u) => u.hash === `#/admin/campaign/${quiz.id}/stats?from=${from}&to=${to}&platform=ok`);

        // A bare address (an old link): the whole campaign on every platform, and the screen says so.
        await page.goto(`${memberUrl(c.language)}#/admin/campaign/${quiz.id}/stats/breakdown?by=source`);
        await expect.poll(() => groupOrder(page), { timeout: T }).toEqual(['group_menu', 'catalog_recommendation']);
        expect(await stagesOf(page, 'group_menu')).toEqual([4, 4, 4]);
        expect(await shownLine(page)).toBe(plain(fill(s.shown, { period: s.sinceStart, platform: s.allPlatforms })));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
