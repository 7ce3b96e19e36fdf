/**
 * The editor's "Duplicate" when its answer is lost (the phone dropped the network after the server made the copy): it
 * says so instead of doing nothing (found from outside: the refusal was dropped and the click looked ignored), and
 * "Duplicate" again opens the copy the first click made, not a second one (the click's key, draft-keys.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const DUPLICATE = /\/api\/admin\/.*campaigns\/\d+\/duplicate$/;

/** The titles of the brand's campaigns, as the office's home lists them. */
async function listedTitles(page: Page): Promise<string[]> {
  return page.locator('[data-testid^="office-campaign-"]').allTextContents();
}

async function duplicate(page: Page) {
  await page.getByTestId('office-duplicate').click();
  await page.getByTestId('office-confirm').click();
}

describe('office editor: Duplicate', () => {
  it('a lost answer is said (ru), and Duplicate again opens the copy already made: one copy', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 860,
      colorScheme: 'light',
    });
    try {
      await page.goto(server.adminUrl);
      await page.getByText(/Управление акциями|Manage campaigns/).click();
      await page.getByTestId('office-new-campaign').click();
      await page.getByTestId('office-use-quiz-tiers').click();
      await page.locator('[id="field-title"]').waitFor({ timeout: 15_000 });
      const title = `Дубль ${Date.now()}`;
      await page.locator('[id="field-title"]').fill(title);
      await page.getByTestId('office-save').click();
      await expect.poll(() => page.getByTestId('office-save-state').getAttribute('data-state')).toBe('saved');
      const original = page.url();

      // The server makes the copy; its answer never reaches the page.
      let reached = 0;
      await page.route(DUPLICATE, async (route) => {
        reached++;
        await route.fetch();
        await route.abort('internetdisconnected');
      });
      await duplicate(page);
      await expect
        .poll(() => page.getByTestId('office-duplicate-failed').textContent(), { timeout: 15_000 })
        .toMatch(/^Копия не создана: \S/);
      expect(reached).toBe(1);
      expect(page.url()).toBe(original);

      await page.unroute(DUPLICATE);
      await duplicate(page);
      await expect
        .poll(() => page.getByTestId('office-editor-header').textContent(), { timeout: 15_000 })
        .toBe(`${title} (копия)`);
      expect(await page.getByTestId('office-duplicate-failed').count()).toBe(0);

      await page.goto(server.adminUrl);
      await page.getByText(/Управление акциями|Manage campaigns/).click();
      await page.locator('[data-testid^="office-campaign-"]').first().waitFor({ timeout: 15_000 });
      await expect
        .poll(async () => (await listedTitles(page)).filter((t) => t.includes(`${title} (копия)`)).length, {
          timeout: 15_000,
        })
        .toBe(1);
      // The aborted request's own console line is the one error expected.
      expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
