/**
 * The pools page after a write whose refresh fails, in Chromium on a phone (light, ru) and a desktop (dark, en). Found
 * from outside: the stock is read again after an upload or a threshold save, and a failed read was swallowed, so the
 * page kept the numbers from before the write as if current, with no word. Now it says the stock may be out of date,
 * with the reason, and Retry reads it again. The network is cut for that one read (the connection, not the server).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addManager, draftFromTemplate } from './manager-walk.ts';

const MANAGER = 7931;
const T = 20_000;

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

const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru', threshold: '4' },
  { name: 'desktop', width: 1280, height: 860, mobile: false, colorScheme: 'dark', language: 'en', threshold: '7' },
] as const;

const rule = (page: Page) => page.getByTestId('pool-low-rule-discounts').textContent();

describe('pools page: a refresh that fails after a save', () => {
  for (const vp of viewports) {
    it(`says the stock may be out of date, with the reason; Retry reads it again (${vp.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, vp);
      try {
        const office = participantUrl(server, { userId: MANAGER, language: vp.language });
        const id = await draftFromTemplate(page, office, 'pack-code');
        await page.goto('about:blank');
        await page.goto(`${office.split('#')[0]}#/admin/campaign/${id}/pools`);
        await page.getByTestId('pool-discounts').waitFor({ timeout: T });
        const before = await rule(page);

        let failing = true;
        let reads = 0;
        await page.route(
          (u) => u.pathname === `/api/admin/campaigns/${id}/pools`,
          (route) => {
            if (route.request().method() !== 'GET') return route.continue();
            reads += 1;
            return failing ? route.abort('internetdisconnected') : route.continue();
          },
        );
        const card = page.getByTestId('pool-discounts');
        await page.getByTestId('pool-threshold-discounts').locator('input').fill(vp.threshold);
        await card.getByRole('button', { name: vp.language === 'ru' ? 'Сохранить' : 'Save' }).click();
        const stale = page.getByTestId('pools-stale');
        await stale.waitFor({ timeout: T });
        expect(reads).toBe(1);
        expect(await stale.getAttribute('role')).toBe('alert');
        expect(await stale.textContent()).toMatch(
          vp.language === 'ru'
            ? /Остатки на экране могли устареть.*Сохранено, но свежие остатки не загрузились: .+/
            : /The stock on screen may be out of date.*Saved, but the fresh stock did not load: .+/,
        );
        // The old numbers are still what is drawn; the banner says so.
        expect(await rule(page)).toBe(before);
        await screenshot(page, `office-pools-refresh-failed-${vp.name}-${vp.colorScheme}`);

        failing = false;
        await page.getByTestId('pools-stale-retry').click();
        await expect.poll(() => rule(page), { timeout: T }).toContain(vp.threshold);
        await stale.waitFor({ state: 'detached', timeout: T });
        expect(reads).toBe(2);
        // The cut read is the one failure the browser logs.
        expect(errors.filter((e) => !/internetdisconnected|ERR_INTERNET_DISCONNECTED/i.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
