/**
 * The office warns about a brand's accent that reads as text (links, tertiary buttons) on neither VKUI's light nor its
 * dark background, in the campaign editor's theme and in the agency's white label, in the office's language. Its
 * button label needs no warning: accent-style.ts always finds one of at least 4.58:1.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY_OWNER_VK_ID } from '../../server/seed/demo-ids.ts';
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

const T = 20_000;

describe("the office's accent colour warning", () => {
  it("the campaign editor (English, desktop light): the quiz's #E64646 is warned about, a deep green is not", async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 900,
      colorScheme: 'light',
    });
    try {
      await page.goto(
        `${participantUrl(server, { userId: DEMO_AGENCY_OWNER_VK_ID, language: 'en' })}#/admin/campaign/2`,
      );
      const note = page.getByTestId('accent-low-contrast');
      await note.waitFor({ timeout: T });
      expect(await note.textContent()).toBe(
        'Links and text in this colour are hard to read on both the light background (3.9:1) and the dark one (4:1); 4.5:1 is needed. Pick a darker or a lighter colour.',
      );
      await note.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-accent-contrast-editor');
      await page.locator('[id="field-theme.accent"]').fill('#1a7f5a');
      await note.waitFor({ state: 'detached', timeout: T });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the white label (Russian, phone dark): a mid grey is warned about, before and after it is saved', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      mobile: true,
      colorScheme: 'dark',
    });
    try {
      await page.goto(
        `${participantUrl(server, { userId: DEMO_AGENCY_OWNER_VK_ID, language: 'ru' })}#/admin/agency/settings`,
      );
      await page.locator('#agency-accent').waitFor({ timeout: T });
      const note = page.getByTestId('accent-low-contrast');
      expect(await note.count()).toBe(0); // no accent of its own yet: VKUI's
      await page.locator('#agency-accent').fill('#808080');
      await note.waitFor({ timeout: T });
      expect(await note.textContent()).toContain('и на светлом фоне (3,9:1), и на тёмном (4:1), нужно 4,5:1');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await page.getByText('Сохранено').waitFor({ timeout: T });
      expect(await note.textContent()).toContain('(3,9:1)');
      await screenshot(page, 'office-accent-contrast-agency');
      // The saved grey's button label is black (5.3:1), not white (3.9:1).
      const label = await page.getByRole('button', { name: 'Сохранить' }).evaluate((el) => getComputedStyle(el).color);
      expect(label).toBe('rgb(0, 0, 0)');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
