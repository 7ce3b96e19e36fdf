/**
 * The statistics page keeps its period and platform in its address, in Chromium (phone light ru, desktop dark en).
 * Three VK people open the demo's quiz today, so the funnel has people and its links to the breakdown and the stuck
 * list show. A brand member with `stats` picks the last seven days and VK: the address says so, the breakdown opened
 * from the funnel carries them, and Back from it (and from the stuck list) finds the page with the same filter, asking
 * the server for the same figures (the summary's request URL, read from the browser). A reload keeps it; an address
 * made by hand opens with its filter, the brand's page too. A bad one (the days reversed, an unknown platform, no
 * calendar day) opens with the default, asks for the default, and shows no error. Before this change the filter was
 * the page's own state: Back, a reload or a shared link gave the default period on every platform.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, type DemoCampaign, demoCampaign } from './office-members.ts';
import { openQuizFrom, QUIZ_RIGHT } from './source-launch.ts';
import { activePanel } from './vkui-panel.ts';

const STATS_MEMBER = 7973;
const T = 30_000;
const DAY = 86_400_000;

let server: StartedServer;
let browser: Browser;
let quiz: DemoCampaign;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  quiz = demoCampaign(server, 'brand-quiz');
  addBrandMember(server, { userId: STATS_MEMBER, brandId: quiz.brandId, sections: ['stats'] });
  await openQuizFrom(server, quiz.id, [7_993_000, 7_993_001, 7_993_002], 'group_menu', QUIZ_RIGHT);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const memberUrl = (language: 'ru' | 'en') =>
  participantUrl(server, { userId: STATS_MEMBER, language }).split('#')[0] as string;

/** The query of the office's address (after `#`; the launch's own query is before it). */
const hashQuery = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1]);

/** Every summary request the page makes, as `?query` (empty: the server's default), in order. */
function watchSummary(page: Page, root: string): string[] {
  const asked: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === `/api/admin/stats/${root}/summary`) asked.push(url.search);
  });
  return asked;
}

/** What the page's filter shows: the day inputs, the platform, the range line's days. */
const shownFilter = async (page: Page) => {
  const panel = activePanel(page);
  const range = panel.getByTestId('stats-range');
  await range.waitFor({ timeout: T });
  return {
    from: await panel.locator('#stats-from').inputValue(),
    to: await panel.locator('#stats-to').inputValue(),
    platform: await panel.locator('#stats-platform').inputValue(),
    range: [await range.getAttribute('data-from'), await range.getAttribute('data-to')],
  };
};

const cases = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop-dark-en', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

describe("the statistics page's filter lives in its address", () => {
  for (const c of cases) {
    it(`seven days on VK survive the breakdown, the stuck list, Back, a reload and a shared link (${c.name})`, async () => {
      const back = c.language === 'ru' ? 'Назад' : 'Back';
      const { page, context, errors } = await openWatchedPage(browser, c);
      const asked = watchSummary(page, `campaigns/${quiz.id}`);
      const lastAsked = () => asked.at(-1);
      try {
        const statsUrl = `${memberUrl(c.language)}#/admin/campaign/${quiz.id}/stats`;
        await page.goto(statsUrl);
        const range = activePanel(page).getByTestId('stats-range');
        await range.waitFor({ timeout: T });
        expect(lastAsked()).toBe('');
        const to = await range.getAttribute('data-to');
        if (!to) throw new Error('the page shows no range');
        const from = new Date(Date.parse(`${to}T00:00:00Z`) - 6 * DAY).toISOString().slice(0, 10);
        await page.locator('#stats-platform').selectOption('vk');
        await page.locator('#stats-from').fill(from);
        await expect.poll(() => range.getAttribute('data-from'), { timeout: T }).toBe(from);

        // The address names the filter, and the page asks for it.
        const wanted = { from, to, platform: 'vk', range: [from, to] };
        const query = `?from=${from}&to=${to}&platform=vk`;
        await expect
          .poll(() => [...hashQuery(page)], { timeout: T })
          .toEqual([
            ['from', from],
            ['to', to],
            ['platform', 'vk'],
          ]);
        await expect.poll(lastAsked, { timeout: T }).toBe(query);
        const opened = activePanel(page).getByTestId(`stats-funnel-count-${quiz.id}-opened`);
        await expect.poll(() => opened.getAttribute('data-value'), { timeout: T }).toBe('3');
        await screenshot(page, `office-stats-filter-address-${c.name}`);

        // The breakdown carries it; Back finds the page as it was left and asks for the same figures.
        await activePanel(page).getByTestId(`stats-breakdown-link-${quiz.id}`).click();
        await page.waitForURL(/stats\/breakdown\?/);
        const carried = hashQuery(page);
        expect([carried.get('from'), carried.get('to'), carried.get('platform')]).toEqual([from, to, 'vk']);
        await activePanel(page).getByTestId('breakdown-filter').waitFor({ timeout: T });
        asked.length = 0;
        await page.getByRole('button', { name: back }).last().click();
        await page.waitForURL((u) => u.hash === `#/admin/campaign/${quiz.id}/stats${query}`);
        await expect.poll(lastAsked, { timeout: T }).toBe(query);
        expect(await shownFilter(page)).toEqual(wanted);

        // The stuck list and Back: the same.
        await activePanel(page).getByTestId(`stats-stuck-link-${quiz.id}`).click();
        await page.waitForURL(/stats\/stuck/);
        asked.length = 0;
        await page.getByRole('button', { name: back }).last().click();
        await page.waitForURL((u) => u.hash === `#/admin/campaign/${quiz.id}/stats${query}`);
        await expect.poll(lastAsked, { timeout: T }).toBe(query);
        expect(await shownFilter(page)).toEqual(wanted);

        // A reload keeps it.
        asked.length = 0;
        await page.reload();
        await expect.poll(lastAsked, { timeout: T }).toBe(query);
        expect(await shownFilter(page)).toEqual(wanted);

        // A link made by hand (a colleague's): opened with its filter; the brand's page too.
        const shared = `?from=${from}&to=${from}&platform=ok`;
        await page.goto('about:blank');
        asked.length = 0;
        await page.goto(`${statsUrl}${shared}`);
        await expect.poll(lastAsked, { timeout: T }).toBe(shared);
        expect(await shownFilter(page)).toEqual({ from, to: from, platform: 'ok', range: [from, from] });
        const brandAsked = watchSummary(page, `brands/${quiz.brandId}`);
        await page.goto('about:blank');
        await page.goto(`${memberUrl(c.language)}#/admin/brand/${quiz.brandId}/stats${shared}`);
        await expect.poll(() => brandAsked.at(-1), { timeout: T }).toBe(shared);
        expect(await shownFilter(page)).toEqual({ from, to: from, platform: 'ok', range: [from, from] });
        await page.locator('#stats-platform').selectOption('telegram');
        await expect.poll(() => hashQuery(page).get('platform'), { timeout: T }).toBe('telegram');
        await expect.poll(() => brandAsked.at(-1), { timeout: T }).toBe(`?from=${from}&to=${from}&platform=telegram`);

        // Bad addresses: the default, asked for as the default, no error screen.
        for (const bad of [`?from=${to}&to=${from}`, '?platform=icq', '?from=2026-02-30&to=banana&platform=']) {
          await page.goto('about:blank');
          asked.length = 0;
          await page.goto(`${statsUrl}${bad}`);
          await expect.poll(lastAsked, { timeout: T }).toBe('');
          const shown = await shownFilter(page);
          expect(shown.platform, bad).toBe('');
          expect(shown.range, bad).toEqual([shown.from, shown.to]);
          expect(shown.to, bad).toBe(to);
          await activePanel(page).getByTestId(`stats-funnel-count-${quiz.id}-opened`).waitFor({ timeout: T });
        }
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
