/**
 * A screen whose code could not be downloaded (the network gone for a moment) is not a dead end: the panel shows its
 * header with Back and a Retry that loads it once the network is back (a reload on the same screen) — found from outside: React.lazy
 * kept the failure, and the whole app stayed on an error that neither Retry, Back nor the network coming back fixed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

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

const T = 15_000;

describe('a panel whose code did not arrive', () => {
  it('shows Back and Retry; Retry loads it once the network is back, Back leads home', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      colorScheme: 'light',
      mobile: true,
    });
    let offline = true;
    let refused = 0;
    await page.route('**/assets/**', async (route) => {
      if (offline && /CampaignPanel-/.test(route.request().url())) {
        refused += 1;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await page.goto(participantUrl(server, { userId: 380_001, language: 'ru' }));
    const cell = page.getByTestId('campaign-summer-tasks');
    await cell.waitFor({ timeout: T });
    await cell.click();
    const failed = page.getByTestId('panel-load-failed');
    await failed.waitFor({ timeout: T });
    expect(refused).toBeGreaterThan(0);
    await screenshot(page, 'panel-load-failed');
    // Back from the failed panel: home, whose cell opens it again (still offline: the same way out).
    await page
      .locator('.vkuiView__panelActive')
      .last()
      .getByRole('button', { name: /Назад|Back/ })
      .click();
    await cell.waitFor({ timeout: T });
    await cell.click();
    await failed.waitFor({ timeout: T });
    // The network is back: Retry (a reload on the same screen) downloads the code and the campaign is drawn.
    offline = false;
    await page.getByTestId('panel-load-retry').click();
    await page.getByTestId('campaign-title').waitFor({ timeout: T });
    expect(await failed.count()).toBe(0);
    const unexpected = errors.filter((e) => !/CampaignPanel|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e));
    expect(unexpected).toEqual([]);
    await context.close();
  });
});
