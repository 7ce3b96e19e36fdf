/**
 * A brand member without `mailings` and without `campaigns` (here: `stats` and `support` only) who follows a link to
 * the brand's mailings or to the mechanics catalogue is told «No access» at once, under the page's header with Back,
 * in Chromium at phone width (375 px), Russian and English.
 * Found from outside: the brand's mailings offered a campaign picker whose every entry opened «No access», and the
 * catalogue offered «Use» on every template, each refused by the server.
 * Screenshots: test-results/screenshots/office-no-section-{mailings,catalogue}-{ru,en}.png.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

const STATS_AND_SUPPORT = 7411;

let server: StartedServer;
let browser: Browser;
let brandId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const tasks = db
      .prepare(
        "SELECT c.brand_id AS brandId, b.agency_id AS agencyId FROM campaigns c JOIN brands b ON b.id = c.brand_id WHERE c.slug = 'summer-tasks'",
      )
      .get() as { brandId: number; agencyId: number };
    brandId = tasks.brandId;
    db.prepare(
      "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, ?, 'brand_member', ?)",
    ).run(String(STATS_AND_SUPPORT), tasks.agencyId, tasks.brandId, JSON.stringify(['stats', 'support']));
  } finally {
    db.close();
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const active = (page: Page) =>
  page.locator('.vkuiView__panelActive:not(.vkuiView__panelActive .vkuiView__panelActive)').last();

const WORDS = {
  ru: {
    refused: 'Нет доступа',
    why: 'У вас нет прав на это в этом бренде.',
    back: 'Назад',
    mailings: 'Рассылки',
    pick: 'Выберите акцию',
    catalogue: 'Каталог механик',
  },
  en: {
    refused: 'No access',
    why: 'You have no rights for this in this brand.',
    back: 'Back',
    mailings: 'Mailings',
    pick: 'Pick a campaign',
    catalogue: 'Mechanics catalogue',
  },
} as const;

async function openAt(language: 'ru' | 'en', hash: string, shot: string, check: (page: Page) => Promise<void>) {
  const url = participantUrl(server, { userId: STATS_AND_SUPPORT, language });
  const { page, context, errors } = await openWatchedPage(browser, {
    width: 375,
    height: 812,
    mobile: true,
    colorScheme: 'light',
  });
  try {
    await page.goto(`${url.split('#')[0]}#${hash}`);
    const w = WORDS[language];
    await active(page).getByText(w.refused, { exact: true }).waitFor({ timeout: 20_000 });
    await active(page).getByText(w.why, { exact: true }).waitFor();
    // Back in the header still leads out.
    await active(page).getByRole('button', { name: w.back }).first().waitFor();
    await check(page);
    await screenshot(page, shot);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

describe('a member without the section a brand page works in', () => {
  for (const language of ['ru', 'en'] as const) {
    const w = WORDS[language];
    it(`the brand's mailings say «${w.refused}» at once, with no campaign picker (375 px, ${language})`, async () => {
      await openAt(
        language,
        `/admin/brand/${brandId}/mailings`,
        `office-no-section-mailings-${language}`,
        async (page) => {
          expect(await active(page).getByText(w.mailings, { exact: true }).count()).toBeGreaterThan(0);
          expect(await active(page).getByText(w.pick).count()).toBe(0);
        },
      );
    });
    it(`the catalogue says «${w.refused}» at once, with no «Use» on a template (375 px, ${language})`, async () => {
      await openAt(language, '/admin/new', `office-no-section-catalogue-${language}`, async (page) => {
        expect(await active(page).getByText(w.catalogue, { exact: true }).count()).toBeGreaterThan(0);
        expect(await active(page).locator('[data-testid^="office-use-"]').count()).toBe(0);
        expect(await active(page).locator('[data-testid^="office-template-"]').count()).toBe(0);
      });
    });
  }
});
