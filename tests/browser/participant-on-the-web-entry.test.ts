/**
 * A participant on the web entry (outside VK, VK ID sign-in) is offered only what works there. Phone light in Russian,
 * desktop dark in English.
 * - Catalogue: «Сообщать о новых» / "Tell me about new offers" is not offered. Alerts are the community's VK messages
 *   and the consent cannot be given on the web: before, the button could only answer «Разрешите сообщения от
 *   сообщества», which the user cannot do there (the server refuses it too: server/catalogue/catalogue.routes.test.ts).
 * - An offer's Share, on a desktop without `navigator.share`, copies the link and says «Ссылка скопирована» / "Link
 *   copied"; before, it said nothing.
 * - «Поделитесь историей» / "Share a story", done only by the VK client: once it failed here, only «Открыть в VK» /
 *   "Open in VK" is offered; before, «Повторить» / "Retry" stood beside it and could only fail again.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkId, startFakeVkId } from '../fakes/vk-id.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';

const VK_ID_APP = '52000001';
const T = 20_000;
let server: StartedServer;
let fake: FakeVkId;
let browser: Browser;
let campaignId: number;
let offerId: number;
const FEED = readFileSync(new URL('../../server/catalogue/testing/retailer-feed.xml', import.meta.url), 'utf8')
  // Dates far from the test's day, so the feed is live whenever it runs.
  .replace('2026-06-05', '2099-12-31')
  .replace('2026-06-03', '2000-01-01')
  // No network here: the feed's pictures on the retailer's host would fail to load.
  .replace(/<picture>[^<]*<\/picture>/g, '');

async function adminApi<R>(method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `VK ${new URL(server.adminUrl).search.slice(1)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as R;
}

beforeAll(async () => {
  fake = await startFakeVkId({ clientId: VK_ID_APP });
  server = await startServerLikeReadme({ env: { VK_ID_APP_ID: VK_ID_APP, VK_ID_BASE_URL: fake.url } });
  browser = await launchChromium();
  const list = await adminApi<{ campaigns: { id: number; slug: string }[] }>('GET', '/api/campaigns');
  campaignId = list.campaigns.find((c) => c.slug === 'summer-tasks')?.id as number;
  await adminApi('POST', `/api/admin/campaigns/${campaignId}/offers/import`, { format: 'yml', content: FEED });
  const { offers } = await adminApi<{ offers: { id: number }[] }>('GET', `/api/campaigns/${campaignId}/offers`);
  offerId = offers[0]?.id as number;
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

const combos = [
  {
    name: 'phone-light',
    width: 375,
    height: 812,
    mobile: true,
    colorScheme: 'light',
    language: 'ru',
    user: 429_001,
    copied: 'Ссылка скопирована',
    openInVk: 'Открыть в VK',
  },
  {
    name: 'desktop-dark',
    width: 1280,
    height: 800,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    user: 429_011,
    copied: 'Link copied',
    openInVk: 'Open in VK',
  },
] as const;

describe('a participant on the web entry', () => {
  for (const combo of combos) {
    it(`${combo.name} ${combo.language}: no follow of a category, Share says the link was copied, a story task offers only Open in VK`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, combo);
      try {
        await context.grantPermissions(['clipboard-read', 'clipboard-write']);
        fake.user = { userId: combo.user, firstName: 'Вера', lastName: 'Т' };
        const web = `${server.baseUrl}/web/?lang=${combo.language}`;
        await page.goto(web);
        await page.getByTestId('web-sign-in').click({ timeout: T });
        await page.getByTestId('campaign-summer-tasks').click({ timeout: T });
        const panel = page.locator('.vkuiView__panelActive').last();

        // The story task: tried once, it cannot be done here; the way to VK is all that is offered.
        const story = panel.getByTestId('task-story');
        await story.getByTestId('task-action-story').click({ timeout: T });
        await story.getByText(combo.openInVk).waitFor({ timeout: T });
        expect(await story.getByTestId('task-action-story').count()).toBe(0);

        // The catalogue: a category is chosen, the offers show, no follow is offered.
        await page.goto(`${web}#/campaign/${campaignId}/offers`);
        await panel.getByTestId('category-green').click({ timeout: T });
        await panel.getByText('Сенча').waitFor({ timeout: T });
        expect(await panel.getByTestId('category-follow').count()).toBe(0);

        // An offer's Share copies its link and says so.
        await page.goto(`${web}#/campaign/${campaignId}/offer/${offerId}`);
        expect(await page.evaluate(() => typeof navigator.share)).toBe('undefined');
        await panel.getByTestId('offer-share').click({ timeout: T });
        await expect.poll(() => page.getByTestId('snackbar').textContent(), { timeout: T }).toBe(combo.copied);
        expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^https?:\/\//);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
