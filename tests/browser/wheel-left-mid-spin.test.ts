/**
 * A participant who spins and leaves before the wheel stops (Back) finds, on coming back, the wheel where it stopped
 * and what it brought — found from outside: nothing was shown, and a won prize's sector had silently gone from the
 * wheel.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';
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

describe('the wheel left mid-spin', () => {
  it('shows the result on coming back', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      colorScheme: 'dark',
      mobile: true,
    });
    await page.goto(participantUrl(server, { userId: 390_001, language: 'ru' }));
    await page.getByTestId('campaign-lucky-wheel').click({ timeout: T });
    const spin = page.getByTestId('wheel-spin');
    await spin.waitFor({ timeout: T });
    const answered = page.waitForResponse((r) => /\/wheel\/spin$/.test(new URL(r.url()).pathname), { timeout: T });
    await spin.click();
    expect((await answered).status()).toBe(200);
    // Back while the wheel turns (it turns for about four seconds).
    await page
      .locator('.vkuiView__panelActive')
      .last()
      .getByRole('button', { name: /Назад|Back/ })
      .click();
    await page.getByTestId('campaign-lucky-wheel').click({ timeout: T });
    const outcome = page.locator('[data-testid="spin-win"], [data-testid="spin-lose"]');
    await outcome.waitFor({ timeout: 3000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
