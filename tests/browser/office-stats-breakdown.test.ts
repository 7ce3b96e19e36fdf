/**
 * The funnel broken down in the office, in Chromium (phone light ru, desktop dark en). Real participants join the demo's
 * quiz campaign through the participant API, each launch signed with the VK placement it came from (`vk_ref`): the
 * community menu (three rewarded, two failed the quiz), the catalogue's recommendations (one rewarded, three only
 * opened), a source VK does not document (`promo_autumn`) and none at all. A bot rule with two variants and a holdout
 * is made through the office's mailing API; what its sender would have written (sent A, sent B, holdout) is put in the
 * outbox by hand, as no VK community answers in this test. A brand member with `stats` opens «where people came from»
 * from the campaign's funnel: the groups with the most people at the finish first, each source in words (the unknown
 * one as sent), people per stage; then by message variant of the rule, Back and reload keeping the choice. Before this
 * change the office had no such screen (the report's breakdown was never asked for).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakdownStrings } from '../../miniapp/admin/i18n-breakdown.ts';
import { launchSourceText } from '../../miniapp/admin/launch-source.ts';
import { fill } from '../../miniapp/i18n-fill.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, type DemoCampaign, demoCampaign } from './office-members.ts';
import { openQuizFrom, postAs, QUIZ_RIGHT, QUIZ_WRONG } from './source-launch.ts';
import { activePanel } from './vkui-panel.ts';

const STATS_MEMBER = 7970;
const MAILINGS_MEMBER = 7971;
const T = 30_000;
const RIGHT = QUIZ_RIGHT;
const WRONG = QUIZ_WRONG;
const menuPassed = [7_980_000, 7_980_001, 7_980_002];
const menuFailed = [7_980_100, 7_980_101];
const catalogPassed = [7_981_000];
const catalogOpened = [7_981_100, 7_981_101, 7_981_102];
const unknownSource = [7_982_000];
const noSource = [7_983_000];

let server: StartedServer;
let browser: Browser;
let quiz: DemoCampaign;
let ruleId: number;

const post = (query: string, path: string, body: unknown) => postAs(server, query, path, body);
const launchAll = (users: number[], ref: string, answers?: typeof RIGHT) =>
  openQuizFrom(server, quiz.id, users, ref, answers);

/** The outbox rows the bot's sender writes for the rule: a variant sent, or the holdout deliberately sent nothing. */
function ruleSent(users: number[], variant: string) {
  const status = variant === 'holdout' ? 'holdout' : 'sent';
  withAppDb(server, (db) => {
    const insert = db.prepare(
      `INSERT INTO outbox (dedupe_key, kind, rule_id, campaign_id, participant_id, vk_group_id, vk_user_id, channel,
         variant, text, content_key, random_id, status, next_attempt_at, sent_at, created_at, updated_at)
       SELECT 'rule:' || ? || ':' || p.id, 'rule', ?, p.campaign_id, p.id, ?, ?, 'message', ?, ?, ?, ?, ?, 0, ?, ?, ?
       FROM participants p WHERE p.campaign_id = ? AND p.platform_user_id = ?`,
    );
    const groupId = Number(new URL(server.participantUrl).searchParams.get('vk_group_id'));
    const now = Date.now();
    for (const u of users) {
      const sentAt = status === 'sent' ? now : null;
      const row = [
        ruleId,
        ruleId,
        groupId,
        u,
        variant,
        variant,
        variant,
        u,
        status,
        sentAt,
        now,
        now,
        quiz.id,
        String(u),
      ];
      expect(insert.run(...row).changes).toBe(1);
    }
  });
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  quiz = demoCampaign(server, 'brand-quiz');
  addBrandMember(server, { userId: STATS_MEMBER, brandId: quiz.brandId, sections: ['stats'] });
  addBrandMember(server, { userId: MAILINGS_MEMBER, brandId: quiz.brandId, sections: ['mailings'] });
  await launchAll(menuPassed, 'group_menu', RIGHT);
  await launchAll(menuFailed, 'group_menu', WRONG);
  await launchAll(catalogPassed, 'catalog_recommendation', RIGHT);
  await launchAll(catalogOpened, 'catalog_recommendation');
  await launchAll(unknownSource, 'promo_autumn');
  await launchAll(noSource, '');
  const member = new URL(participantUrl(server, { userId: MAILINGS_MEMBER, language: 'ru' })).search.slice(1);
  const rule = (await post(member, `/api/admin/mailing/campaigns/${quiz.id}/rules`, {
    name: 'Вернуть к квизу',
    stage: 'opened',
    notStage: 'quiz_finished',
    minHours: 1,
    channel: 'message',
    variants: [
      { key: 'A', text: 'Квиз ждёт вас' },
      { key: 'B', text: 'Пять вопросов — и подарок' },
    ],
    holdoutPercent: 10,
  })) as { id: number };
  ruleId = rule.id;
  ruleSent(menuPassed, 'A');
  ruleSent([...catalogPassed, catalogOpened[0] as number], 'B');
  ruleSent([menuFailed[0] as number], 'holdout');
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const memberUrl = (userId: number, language: 'ru' | 'en') =>
  participantUrl(server, { userId, language }).split('#')[0] as string;

/** The groups on the page, in its order: their values. */
const groupOrder = (page: Page) =>
  activePanel(page)
    .locator('[data-testid^="breakdown-group-"]')
    .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-testid')?.replace('breakdown-group-', '')));

const countOf = async (page: Page, value: string, stage: string) =>
  Number(await activePanel(page).getByTestId(`breakdown-count-${value}-${stage}`).getAttribute('data-value'));

/** People per stage (opened, quiz_finished, reward_issued) of one group, as the page shows them. */
const stagesOf = async (page: Page, value: string) =>
  Promise.all(['opened', 'quiz_finished', 'reward_issued'].map((st) => countOf(page, value, st)));

const labelOf = async (page: Page, value: string) =>
  activePanel(page).getByTestId(`breakdown-label-${value}`).textContent();

const cases = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop-dark-en', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

describe('the office breaks the funnel down by launch source and by message variant', () => {
  for (const c of cases) {
    it(`sources in words, the finishers' groups first, then a rule's variants (${c.name})`, async () => {
      const s = breakdownStrings(c.language);
      const { page, context, errors } = await openWatchedPage(browser, c);
      try {
        await page.goto(`${memberUrl(STATS_MEMBER, c.language)}#/admin/campaign/${quiz.id}/stats`);
        const link = page.getByTestId(`stats-breakdown-link-${quiz.id}`);
        await link.waitFor({ timeout: T });
        expect(await link.textContent()).toContain(s.open);
        await link.click();
        await page.waitForURL(new RegExp(`#/admin/campaign/${quiz.id}/stats/breakdown\\?by=source&`));

        // By launch source: the community menu brought three to the finish, the catalogue one; the two with nobody
        // at the finish and one person each by their value.
        await activePanel(page).getByTestId('breakdown-groups').waitFor({ timeout: T });
        expect(await groupOrder(page)).toEqual(['group_menu', 'catalog_recommendation', '(none)', 'promo_autumn']);
        expect(await stagesOf(page, 'group_menu')).toEqual([5, 5, 3]);
        expect(await stagesOf(page, 'catalog_recommendation')).toEqual([4, 1, 1]);
        expect(await stagesOf(page, '(none)')).toEqual([1, 0, 0]);
        expect(await stagesOf(page, 'promo_autumn')).toEqual([1, 0, 0]);
        expect(await labelOf(page, 'group_menu')).toBe(c.language === 'ru' ? 'Меню сообщества' : 'Community menu');
        expect(await labelOf(page, 'catalog_recommendation')).toBe(
          launchSourceText('catalog_recommendation', c.language),
        );
        expect(await labelOf(page, '(none)')).toBe(c.language === 'ru' ? 'Без источника' : 'No source');
        expect(await labelOf(page, 'promo_autumn')).toBe('promo_autumn');
        // A handful of people: the share is given, and said to be too early to judge by.
        const menu = (await activePanel(page).getByTestId('breakdown-group-group_menu').textContent()) ?? '';
        expect(menu.replace(/[\u00a0\u202f]/g, ' ')).toContain(c.language === 'ru' ? '(60 %)' : '(60%)');
        expect(menu).toContain(fill(s.small, { n: 20 }));
        await screenshot(page, `office-breakdown-source-${c.name}`);

        // By the rule's message variant: A (all three finished), B (one of two), those it never messaged, the holdout.
        await activePanel(page).getByText(s.byVariant, { exact: true }).click();
        await page.waitForURL(/breakdown\?by=variant&/);
        await expect.poll(() => groupOrder(page), { timeout: T }).toEqual(['A', 'B', 'no_message', 'holdout']);
        expect(await activePanel(page).locator('select#breakdown-rule').inputValue()).toBe(String(ruleId));
        expect(await stagesOf(page, 'A')).toEqual([3, 3, 3]);
        expect(await stagesOf(page, 'B')).toEqual([2, 1, 1]);
        expect(await stagesOf(page, 'no_message')).toEqual([5, 1, 0]);
        expect(await stagesOf(page, 'holdout')).toEqual([1, 1, 0]);
        expect(await labelOf(page, 'A')).toBe(fill(s.variant, { key: 'A' }));
        expect(await labelOf(page, 'holdout')).toBe(s.holdout);
        expect(await labelOf(page, 'no_message')).toBe(s.noMessage);
        await screenshot(page, `office-breakdown-variant-${c.name}`);

        // The choice is in the address: a reload shows the same breakdown.
        await page.reload();
        await expect.poll(() => groupOrder(page), { timeout: T }).toEqual(['A', 'B', 'no_message', 'holdout']);

        // Back: the statistics page.
        await page
          .getByRole('button', { name: c.language === 'ru' ? 'Назад' : 'Back' })
          .last()
          .click();
        await page.waitForURL(new RegExp(`#/admin/campaign/${quiz.id}/stats$`));

        // A rule the campaign does not have (an old or hand-edited address) is not asked for: its first rule is shown.
        await page.goto(
          `${memberUrl(STATS_MEMBER, c.language)}#/admin/campaign/${quiz.id}/stats/breakdown?by=variant&rule=${ruleId + 999}`,
        );
        await expect.poll(() => groupOrder(page), { timeout: T }).toEqual(['A', 'B', 'no_message', 'holdout']);
        expect(await activePanel(page).locator('select#breakdown-rule').inputValue()).toBe(String(ruleId));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
