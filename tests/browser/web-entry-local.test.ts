/**
 * The web entry as `npm start` serves it with no VK ID app (server/auth/vk-id/local-vk-id.ts): the printed URL opens
 * the sign-in screen, VK ID's local stand-in asks which demo user to be, and the app comes back signed in as that
 * VK user, with the demo campaigns; signing out brings the sign-in screen back.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';

const T = 20_000;
let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the web entry on npm start, with no VK ID app', () => {
  it('signs in through the local VK ID as the picked demo user and shows the demo campaigns; signs out', async () => {
    // Printed after the launch URLs, once the server listens.
    await expect.poll(() => server.output(), { timeout: T }).toMatch(/Web entry outside VK[^\n]*:\s*\n\s*http/);
    const webUrl = server.output().match(/Web entry outside VK[^\n]*:\s*\n\s*(http\S+)/)?.[1] ?? '';
    expect(webUrl).toBe(`${server.baseUrl}/web/`);

    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 800,
      colorScheme: 'light',
    });
    try {
      await page.goto(webUrl);
      await page.getByTestId('web-sign-in').click({ timeout: T });
      // VK ID's stand-in, on its own origin as id.vk.com is: the demo users to pick from.
      await page.locator('a[data-user="100001"]').waitFor({ timeout: T });
      expect(new URL(page.url()).origin).not.toBe(new URL(server.baseUrl).origin);
      expect(await page.locator('a[data-user]').count()).toBe(4);
      await screenshot(page, 'web-entry-local-vk-id');
      await page.locator('a[data-user="100001"]').click();

      await page.getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
      expect(new URL(page.url()).pathname).toBe('/web/');
      const session = await page.evaluate(() => fetch('/api/web/session').then((r) => r.json()));
      expect(session).toMatchObject({ signedIn: true, userId: '100001' });
      await screenshot(page, 'web-entry-local-signed-in');

      await page.getByTestId('web-sign-out').click();
      await page.getByTestId('web-sign-in').waitFor({ timeout: T });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
