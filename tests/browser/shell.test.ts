/**
 * The README path end to end: `npm start` whole (its build too, which the rest of the suite runs once), open the
 * printed participant URL in Chromium at phone and desktop sizes in light and dark, see the demo campaign, go into it
 * and back, with no console error.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme({ rebuild: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true },
  { name: 'desktop', width: 1280, height: 800, mobile: false },
] as const;

describe('participant launch URL', () => {
  for (const viewport of viewports) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`shows the campaign and navigates back (${viewport.name}, ${colorScheme})`, async () => {
        const { page, context, errors } = await openWatchedPage(browser, { ...viewport, colorScheme });
        try {
          await page.goto(server.participantUrl);
          const campaign = page.getByTestId('campaign-summer-tasks');
          await campaign.waitFor({ timeout: 20_000 });
          const scheme = await page.evaluate(() =>
            document.documentElement.classList.contains('vkui--vkBase--dark') ||
            document.documentElement.className.includes('dark')
              ? 'dark'
              : 'light',
          );
          expect(scheme).toBe(colorScheme);
          await screenshot(page, `shell-home-${viewport.name}-${colorScheme}`);

          await campaign.click();
          await page.getByTestId('campaign-title').waitFor({ timeout: 10_000 });
          expect(page.url()).toContain('#/campaign/');
          await screenshot(page, `shell-campaign-${viewport.name}-${colorScheme}`);

          await page
            .getByRole('button', { name: /Назад|Back/ })
            .first()
            .click();
          await campaign.waitFor({ timeout: 10_000 });
          expect(new URL(page.url()).hash).toMatch(/^#?\/?$/);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('the admin URL offers the lazily loaded brand office', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 800,
      colorScheme: 'light',
    });
    try {
      const scripts: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'script') scripts.push(r.url());
      });
      await page.goto(server.adminUrl);
      await page.getByTestId('campaign-summer-tasks').waitFor({ timeout: 20_000 });
      expect(scripts.some((s) => s.includes('AdminOffice'))).toBe(false);
      await page.getByText(/Управление акциями|Manage campaigns/).click();
      await page
        .getByText(/Кабинет бренда|Brand office/)
        .first()
        .waitFor({ timeout: 10_000 });
      expect(scripts.some((s) => s.includes('AdminOffice'))).toBe(true);
      await screenshot(page, 'shell-admin-desktop-light');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
