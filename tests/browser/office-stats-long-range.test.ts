/**
 * The statistics pages with a period the server would refuse, and the brand page's links, in Chromium (phone light
 * ru, desktop dark en). Found from outside: an address naming more days than the server counts (MAX_RANGE_DAYS) got
 * every measure's «range too long» refusal instead of figures, and the pickers let a member choose such a period; the
 * brand page's link to a campaign's statistics dropped the brand page's period and platform, so the campaign's page
 * showed other days than the ones chosen. Now such an address reads as any bad one does (the default days, the
 * platform kept), the pickers offer no day past the bound and a typed one is said and not applied, and the link
 * carries the filter there and, by Back, home again.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RANGE_DAYS } from '../../server/stats/stats-bounds.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, type DemoCampaign, demoCampaign } from './office-members.ts';
import { openQuizFrom, QUIZ_RIGHT } from './source-launch.ts';
import { activePanel } from './vkui-panel.ts';

const STATS_MEMBER = 7974;
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
  await openQuizFrom(server, quiz.id, [7_994_000, 7_994_001], 'group_menu', QUIZ_RIGHT);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const memberUrl = (language: 'ru' | 'en') =>
  participantUrl(server, { userId: STATS_MEMBER, language }).split('#')[0] as string;
const hashQuery = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
const plus = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

/** Every request to a statistics measure of `root`, as `measure?query`, and every answer that was not a 200. */
function watchStats(page: Page, root: string) {
  const asked: string[] = [];
  const refused: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith(`/api/admin/stats/${root}/`))
      asked.push(`${url.pathname.split('/').at(-1)}${url.search}`);
  });
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.startsWith('/api/admin/stats/') && r.status() !== 200)
      refused.push(`${r.status()} ${r.url()}`);
  });
  return { asked, refused, summary: () => asked.filter((a) => a.startsWith('summary')).at(-1) };
}

const cases = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop-dark-en', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

describe('the statistics pages with a period the server would refuse, and the brand page’s links', () => {
  for (const c of cases) {
    it(`a too long period in the address reads as the default; the pickers keep within the bound (${c.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, c);
      const campaign = watchStats(page, `campaigns/${quiz.id}`);
      try {
        const statsUrl = `${memberUrl(c.language)}#/admin/campaign/${quiz.id}/stats`;
        await page.goto(statsUrl);
        const range = activePanel(page).getByTestId('stats-range');
        await range.waitFor({ timeout: T });
        const to = await range.getAttribute('data-to');
        if (!to) throw new Error('the page shows no range');
        const longest = plus(to, -(MAX_RANGE_DAYS - 1));
        const tooLong = plus(to, -MAX_RANGE_DAYS);

        // One day more than the server counts, pasted: the default days, the platform kept, figures, no refusal.
        await page.goto('about:blank');
        campaign.asked.length = 0;
        await page.goto(`${statsUrl}?from=${tooLong}&to=${to}&platform=vk`);
        await expect.poll(campaign.summary, { timeout: T }).toBe('summary?platform=vk');
        const opened = activePanel(page).getByTestId(`stats-funnel-count-${quiz.id}-opened`);
        await expect.poll(() => opened.getAttribute('data-value'), { timeout: T }).toBe('2');
        expect(campaign.asked.filter((a) => a.includes(tooLong))).toEqual([]);
        expect(await activePanel(page).locator('#stats-platform').inputValue()).toBe('vk');
        await screenshot(page, `office-stats-long-range-address-${c.name}`);

        // The longest the server counts is read as it is.
        await page.goto('about:blank');
        await page.goto(`${statsUrl}?from=${longest}&to=${to}`);
        await expect.poll(campaign.summary, { timeout: T }).toBe(`summary?from=${longest}&to=${to}`);
        await expect.poll(() => range.getAttribute('data-from'), { timeout: T }).toBe(longest);

        // The pickers: no day past the bound offered; one typed is said under them and not applied.
        const fromInput = activePanel(page).locator('#stats-from');
        const toInput = activePanel(page).locator('#stats-to');
        expect([await fromInput.getAttribute('min'), await fromInput.getAttribute('max')]).toEqual([longest, to]);
        expect([await toInput.getAttribute('min'), await toInput.getAttribute('max')]).toEqual([longest, to]);
        await fromInput.fill(tooLong);
        const said = c.language === 'ru' ? `не длиннее ${MAX_RANGE_DAYS} дней` : `at most ${MAX_RANGE_DAYS} days`;
        await activePanel(page).getByText(said).waitFor({ timeout: T });
        expect(hashQuery(page).get('from')).toBe(longest);
        expect(campaign.asked.filter((a) => a.includes(tooLong))).toEqual([]);
        await screenshot(page, `office-stats-long-range-picked-${c.name}`);
        expect(campaign.refused).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`the brand page's link to a campaign carries its period and platform, and Back brings them home (${c.name})`, async () => {
      const back = c.language === 'ru' ? 'Назад' : 'Back';
      const { page, context, errors } = await openWatchedPage(browser, c);
      const brand = watchStats(page, `brands/${quiz.brandId}`);
      const campaign = watchStats(page, `campaigns/${quiz.id}`);
      try {
        const brandUrl = `${memberUrl(c.language)}#/admin/brand/${quiz.brandId}/stats`;
        await page.goto(brandUrl);
        const range = activePanel(page).getByTestId('stats-range');
        await range.waitFor({ timeout: T });
        const to = await range.getAttribute('data-to');
        if (!to) throw new Error('the page shows no range');
        const from = plus(to, -6);
        await activePanel(page).locator('#stats-platform').selectOption('vk');
        await activePanel(page).locator('#stats-from').fill(from);
        const query = `?from=${from}&to=${to}&platform=vk`;
        await expect.poll(brand.summary, { timeout: T }).toBe(`summary${query}`);

        await activePanel(page).getByTestId(`stats-campaign-link-${quiz.id}`).click();
        await page.waitForURL((u) => u.hash === `#/admin/campaign/${quiz.id}/stats${query}`, { timeout: T });
        await expect.poll(campaign.summary, { timeout: T }).toBe(`summary${query}`);
        const opened = activePanel(page).getByTestId(`stats-funnel-count-${quiz.id}-opened`);
        await expect.poll(() => opened.getAttribute('data-value'), { timeout: T }).toBe('2');
        expect(await activePanel(page).locator('#stats-platform').inputValue()).toBe('vk');
        await screenshot(page, `office-stats-brand-link-${c.name}`);

        brand.asked.length = 0;
        await page.getByRole('button', { name: back }).last().click();
        await page.waitForURL((u) => u.hash === `#/admin/brand/${quiz.brandId}/stats${query}`, { timeout: T });
        await expect.poll(brand.summary, { timeout: T }).toBe(`summary${query}`);
        expect(await activePanel(page).locator('#stats-from').inputValue()).toBe(from);
        expect(await activePanel(page).locator('#stats-platform').inputValue()).toBe('vk');
        expect([...brand.refused, ...campaign.refused]).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
