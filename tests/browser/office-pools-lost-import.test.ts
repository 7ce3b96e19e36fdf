/**
 * A code upload whose progress can no longer be read, in Chromium on a phone (light, ru) and a desktop (dark, en).
 * Found from outside: one failed poll of the import (a network blip, a restart) left the progress bar frozen mid-way
 * over a file picker that stayed disabled until a reload, while the server went on and loaded the codes. Now the
 * screen says it lost sight of the upload, with the reason, shows the stock as the server has it, frees the picker,
 * and «Узнать итог загрузки» / "Look at the upload again" shows how it ended once the server answers again.
 * The failed polls are the browser's (Playwright answers the import's GET with a 503); the upload itself is real.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, demoCampaign } from './office-members.ts';

const T = 20_000;
const STATUS = /\/pools\/\d+\/imports\/[0-9a-f-]+$/;

let server: StartedServer;
let browser: Browser;
let campaignId: number;
let poolId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const campaign = demoCampaign(server);
  campaignId = campaign.id;
  poolId = withAppDb(
    server,
    (db) =>
      (
        db.prepare("SELECT id FROM promo_code_pools WHERE campaign_id = ? AND key = 'summer15'").get(campaignId) as {
          id: number;
        }
      ).id,
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru', user: 7381 },
  { name: 'desktop', width: 1280, height: 860, mobile: false, colorScheme: 'dark', language: 'en', user: 7382 },
] as const;

const total = async (page: Page) => Number(await page.getByTestId('pool-total-summer15').textContent());
const codesInPool = () =>
  withAppDb(
    server,
    (db) => (db.prepare('SELECT COUNT(*) AS n FROM promo_pool_codes WHERE pool_id = ?').get(poolId) as { n: number }).n,
  );

describe('code pools: an upload whose progress could not be read', () => {
  for (const vp of viewports) {
    it(`says so, shows the stock the server has, frees the picker, and looks again on request (${vp.name})`, async () => {
      addBrandMember(server, { userId: vp.user, sections: ['prizes'] });
      const watched = await openWatchedPage(browser, vp);
      const { page } = watched;
      try {
        await page.goto(
          `${participantUrl(server, { userId: vp.user, language: vp.language })}#/admin/campaign/${campaignId}/pools`,
        );
        await page.getByTestId('pool-total-summer15').waitFor({ timeout: T });
        const before = await total(page);
        await page.route(STATUS, (route) =>
          route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'unavailable', message: 'Busy, try again' } }),
          }),
        );

        const input = page.locator(`[data-testid="pool-upload-${poolId}"] input[type=file]`);
        const codes = [1, 2, 3].map((n) => `LOST-${vp.name}-${n}`);
        await input.setInputFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from(codes.join('\n')) });

        const lost = page.getByTestId(`pool-import-lost-${poolId}`);
        await lost.waitFor({ timeout: T });
        // The server finished on its own; the stock on screen is the server's, the bar is gone, the picker usable.
        await expect.poll(() => total(page), { timeout: T }).toBe(before + 3);
        expect(codesInPool()).toBe(before + 3);
        expect(await page.getByTestId(`pool-progress-${poolId}`).count()).toBe(0);
        expect(await input.isDisabled()).toBe(false);
        // The reason, worded as every office refusal is.
        expect(
          await page
            .getByRole('alert')
            .filter({ hasText: /недоступен|unavailable/ })
            .count(),
        ).toBe(1);
        await lost.scrollIntoViewIfNeeded();
        await screenshot(page, `office-pools-lost-import-${vp.name}-${vp.colorScheme}`);

        // The server answers again: looking again shows how the upload ended.
        await page.unroute(STATUS);
        await page.getByTestId(`pool-import-again-${poolId}`).click();
        const done = page.getByTestId(`pool-import-done-${poolId}`);
        await done.waitFor({ timeout: T });
        expect(await done.textContent()).toContain(vp.language === 'ru' ? 'Добавлено кодов: 3' : '3');
        expect(await lost.count()).toBe(0);
        expect(await page.getByTestId(`pool-import-again-${poolId}`).count()).toBe(0);
        expect(watched.errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
      } finally {
        await watched.context.close();
      }
    });
  }
});
