/**
 * The pools page after a write whose refresh fails, in Chromium on a phone (light, ru) and a desktop (dark, en). Found
 * from outside: the stock is read again after an upload or a threshold save, and a failed read was swallowed, so the
 * page kept the numbers from before the write as if current, with no word. Now it says the stock may be out of date,
 * with the reason, and Retry reads it again. The network is cut for that one read (the connection, not the server).
 * Found after: while Retry ran the warning vanished, so nothing seemed to happen and the old stock stood unwarned. Now
 * it stays with Retry busy until the read answers: a failed Retry says its own reason, a good one takes it away.
 */
import type { Browser, Page, Route } from 'playwright-core';
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
/** What the warning says, its Retry button left out (a busy button's text is its spinner's). */
const warning = (page: Page) =>
  page.getByTestId('pools-stale').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const button of copy.querySelectorAll('button')) button.remove();
    return copy.textContent;
  });

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

        // Each read of the stock: cut, held until the test answers it, or passed to the server.
        let mode: 'cut' | 'hold' | 'pass' = 'cut';
        let reads = 0;
        let held: (route: Route) => void = () => {};
        const nextHeld = () =>
          new Promise<Route>((resolve) => {
            held = resolve;
          });
        await page.route(
          (u) => u.pathname === `/api/admin/campaigns/${id}/pools`,
          (route) => {
            if (route.request().method() !== 'GET') return route.continue();
            reads += 1;
            if (mode === 'cut') return route.abort('internetdisconnected');
            if (mode === 'hold') return held(route);
            return route.continue();
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

        // Retry on its way: the warning stays and Retry waits; the read fails again, for another reason, said so.
        const retry = page.getByTestId('pools-stale-retry');
        const cutText = await warning(page);
        mode = 'hold';
        let arrived = nextHeld();
        await retry.click();
        const refusedRead = await arrived;
        await expect.poll(() => retry.isDisabled(), { timeout: T }).toBe(true);
        expect(await stale.isVisible()).toBe(true);
        expect(await warning(page)).toBe(cutText);
        await screenshot(page, `office-pools-refresh-retrying-${vp.name}-${vp.colorScheme}`);
        await refusedRead.fulfill({
          status: 403,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'forbidden', message: 'No prizes rights' } }),
        });
        await expect.poll(() => retry.isEnabled(), { timeout: T }).toBe(true);
        expect(await warning(page)).not.toBe(cutText);
        expect(await warning(page)).toMatch(vp.language === 'ru' ? /нет прав/ : /no rights/);
        expect(await rule(page)).toBe(before);
        expect(reads).toBe(2);

        // Retry again: still said while it runs; the good answer takes the warning away and draws the new stock.
        arrived = nextHeld();
        await retry.click();
        const goodRead = await arrived;
        await expect.poll(() => retry.isDisabled(), { timeout: T }).toBe(true);
        expect(await stale.isVisible()).toBe(true);
        await goodRead.continue();
        await expect.poll(() => rule(page), { timeout: T }).toContain(vp.threshold);
        await stale.waitFor({ state: 'detached', timeout: T });
        expect(reads).toBe(3);
        // The cut read and the refused one are the failures the browser logs.
        expect(errors.filter((e) => !/internetdisconnected|ERR_INTERNET_DISCONNECTED|status of 403/i.test(e))).toEqual(
          [],
        );
      } finally {
        await context.close();
      }
    });
  }
});
