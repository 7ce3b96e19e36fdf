/**
 * Issue 17, item 5: a participant browses the catalogue of offers on a phone: the office imports a YML feed, the
 * participant filters by category and region, searches, opens an offer, adds it to favourites and still sees it in
 * favourites after a reload. Screenshot kept under test-results/.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

let server: StartedServer;
let browser: Browser;
let campaignId: number;
const T = 15_000;
const auth = (launchUrl: string) => `VK ${new URL(launchUrl).search.slice(1)}`;
const FEED = readFileSync(new URL('../../server/catalogue/testing/retailer-feed.xml', import.meta.url), 'utf8')
  // Dates far from the test's day, so the feed is live whenever it runs.
  .replace('2026-06-05', '2099-12-31')
  .replace('2026-06-03', '2000-01-01')
  // No network here: the feed's pictures on the retailer's host would fail to load.
  .replace(/<picture>[^<]*<\/picture>/g, '');

async function api<R>(launchUrl: string, method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: auth(launchUrl), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const { campaigns } = await api<{ campaigns: Array<{ id: number; slug: string }> }>(
    server.participantUrl,
    'GET',
    '/api/campaigns',
  );
  campaignId = campaigns.find((c) => c.slug === 'summer-tasks')?.id as number;
  await api(server.adminUrl, 'POST', `/api/admin/campaigns/${campaignId}/offers/import`, {
    format: 'yml',
    content: FEED,
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const active = (page: Page) => page.locator('.vkuiView__panelActive').last();

describe('catalogue of offers in Chromium', () => {
  it('item 5: a participant filters by category and region, searches, opens an offer, keeps it in favourites after a reload (phone)', async () => {
    const combo = {
      name: 'phone-light',
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'light',
      language: 'ru',
    } as const;
    const { page, context, errors } = await openWatchedPage(browser, combo);
    try {
      const url = participantUrl(server, { userId: 417_001, language: 'ru' });
      // Taking part first (favourites belong to a participant), as the campaign screen does on open.
      await api(url, 'POST', `/api/campaigns/${campaignId}/open`);
      await page.goto(`${url}#/campaign/${campaignId}/offers`);
      const panel = active(page);
      await panel.getByText('Улун молочный').waitFor({ timeout: T });
      await expect(panel.getByText('Сенча').count()).resolves.toBe(1);

      await panel.getByTestId('category-green').click();
      await panel.getByText('Сенча').waitFor({ timeout: T });
      await panel.getByText('Улун молочный').waitFor({ state: 'detached', timeout: T });
      await panel.getByTestId('category-green').locator('..').locator('..').getByText('Все').first().click();

      await panel.locator('#offer-region').selectOption({ label: 'Москва' });
      await panel.getByText('Сенча').waitFor({ state: 'detached', timeout: T });
      await panel.getByText('Улун молочный').waitFor({ timeout: T });

      await panel.getByTestId('offer-search').locator('input').fill('молоч');
      await panel.getByText('Улун молочный').click();
      const card = active(page);
      await card.getByTestId('offer-how-to-use').waitFor({ timeout: T });
      expect(await card.getByTestId('offer-how-to-use').textContent()).toBe('Покажите код на кассе');
      await card.getByTestId('offer-favourite').click();
      await card.getByText('Убрать из избранного').waitFor({ timeout: T });
      await screenshot(page, 'catalogue-offer-phone-light');

      await page.goto(`${url}#/campaign/${campaignId}/offers`);
      await page.reload();
      const list = active(page);
      await list.getByTestId('tab-favourites').click();
      await list.getByText('Улун молочный').waitFor({ timeout: T });
      await expect(list.getByText('Сенча').count()).resolves.toBe(0);
      await screenshot(page, 'catalogue-favourites-phone-light');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
