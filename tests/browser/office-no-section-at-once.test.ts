/**
 * A brand member without `mailings` and without `campaigns` (here: `stats` and `support` only) who follows a link to
 * the brand's mailings or to the mechanics catalogue is told «No access» at once, under the page's header with Back,
 * in Chromium at phone width (375 px), Russian and English.
 * Found from outside: the brand's mailings offered a campaign picker whose every entry opened «No access», and the
 * catalogue offered «Use» on every template, each refused by the server.
 * Screenshots: test-results/screenshots/office-no-section-{mailings,catalogue}-{ru,en}.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const STATS_AND_SUPPORT = 7411;

let server: StartedServer;
let browser: Browser;
let brandId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  brandId = demoCampaign(server).brandId;
  addBrandMember(server, { userId: STATS_AND_SUPPORT, brandId, sections: ['stats', 'support'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

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
    await activePanel(page).getByText(w.refused, { exact: true }).waitFor({ timeout: 20_000 });
    await activePanel(page).getByText(w.why, { exact: true }).waitFor();
    // Back in the header still leads out.
    await activePanel(page).getByRole('button', { name: w.back }).first().waitFor();
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
          expect(await activePanel(page).getByText(w.mailings, { exact: true }).count()).toBeGreaterThan(0);
          expect(await activePanel(page).getByText(w.pick).count()).toBe(0);
        },
      );
    });
    it(`the catalogue says «${w.refused}» at once, with no «Use» on a template (375 px, ${language})`, async () => {
      await openAt(language, '/admin/new', `office-no-section-catalogue-${language}`, async (page) => {
        expect(await activePanel(page).getByText(w.catalogue, { exact: true }).count()).toBeGreaterThan(0);
        expect(await activePanel(page).locator('[data-testid^="office-use-"]').count()).toBe(0);
        expect(await activePanel(page).locator('[data-testid^="office-template-"]').count()).toBe(0);
      });
    });
  }
});
