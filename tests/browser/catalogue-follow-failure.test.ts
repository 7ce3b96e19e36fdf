/**
 * Following a category of the catalogue («Сообщать о новых» / "Tell me about new offers") when the request cannot be
 * made (the phone lost its network): the screen says so under the button, in the participant's language, and the
 * list stays. Before, the failure was an unhandled rejection: the button did nothing and said nothing.
 * Phone light in Russian, desktop dark in English.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';
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
const combos = [
  {
    name: 'phone-light',
    width: 375,
    height: 812,
    mobile: true,
    colorScheme: 'light',
    language: 'ru',
    user: 418_001,
    said: 'Нет связи с сервером. Проверьте интернет и попробуйте снова.',
  },
  {
    name: 'desktop-dark',
    width: 1280,
    height: 800,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    user: 418_011,
    said: 'Cannot reach the server. Check your connection and try again.',
  },
] as const;

describe('following a catalogue category that cannot be followed now', () => {
  for (const combo of combos) {
    it(`${combo.name} ${combo.language}: the lost network is said under the button; nothing unhandled`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, combo);
      try {
        const url = participantUrl(server, { userId: combo.user, language: combo.language });
        await api(url, 'POST', `/api/campaigns/${campaignId}/open`);
        await page.goto(`${url}#/campaign/${campaignId}/offers`);
        const panel = active(page);
        await panel.getByTestId('category-green').click();
        await panel.getByTestId('category-follow').waitFor({ timeout: T });
        await context.setOffline(true);
        await panel.getByTestId('category-follow').click();
        await expect
          .poll(() => panel.getByTestId('category-follow-note').textContent(), { timeout: T })
          .toBe(combo.said);
        // The offers stay on screen (not a load error in their place).
        expect(await panel.getByText('Сенча').count()).toBe(1);
        await context.setOffline(false);
        // The browser's own line for the request it could not send is expected; an unhandled rejection is not.
        expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
