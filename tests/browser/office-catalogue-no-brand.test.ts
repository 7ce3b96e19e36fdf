/**
 * The catalogue with no brand to make a draft for, in Chromium (phone light ru, desktop dark en). The owner of an
 * agency that has no brand yet (the office opens for them: opensOffice) types the catalogue's address: the mechanics
 * are shown to look at, with no «Use» — a draft belongs to a brand — and a line says why and that a brand is made under
 * Agency, whose button opens it. Before, every card had a «Use» that did nothing (no brand: the click returned at once).
 * A brand member with `campaigns` still has «Use» on every card.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeMessages } from '../../miniapp/admin/i18n-office.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner, addBrandMember, demoCampaign } from './office-members.ts';

const OWNER = 7973;
const CAMPAIGNS_MEMBER = 7974;
const T = 30_000;

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const agencyId = withAppDb(
    server,
    (db) =>
      (db.prepare("INSERT INTO agencies (name) VALUES ('Пустое агентство') RETURNING id").get() as { id: number }).id,
  );
  addAgencyOwner(server, { userId: OWNER, agencyId });
  addBrandMember(server, {
    userId: CAMPAIGNS_MEMBER,
    brandId: demoCampaign(server, 'brand-quiz').brandId,
    sections: ['campaigns'],
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const catalogueOf = (userId: number, language: 'ru' | 'en') =>
  `${participantUrl(server, { userId, language }).split('#')[0]}#/admin/new`;

const countUseButtons = (page: Page) => page.locator('[data-testid^="office-use-"]').count();

const cases = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop-dark-en', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

describe('the catalogue with no brand to make a draft for', () => {
  for (const c of cases) {
    it(`shows the mechanics without «Use» and says why, Agency one tap away (${c.name})`, async () => {
      const t = officeMessages[c.language];
      const { page, context, errors } = await openWatchedPage(browser, c);
      try {
        await page.goto(catalogueOf(OWNER, c.language));
        await page.locator('[data-testid^="office-template-"]').first().waitFor({ timeout: T });
        expect(await page.locator('[data-testid^="office-template-"]').count()).toBeGreaterThan(0);
        expect(await countUseButtons(page)).toBe(0);
        const why = page.getByTestId('office-catalogue-no-brand');
        expect(await why.textContent()).toContain(t.catalogueNoBrand);
        expect(await why.textContent()).toContain(t.catalogueNoBrandAgency);
        await screenshot(page, `office-catalogue-no-brand-${c.name}`);
        await why.getByRole('button', { name: t.nav_agency }).click();
        await page.waitForURL(/#\/admin\/agency$/);

        // A member of a brand with `campaigns`: «Use» on every card, no such line.
        await page.goto(catalogueOf(CAMPAIGNS_MEMBER, c.language));
        await page.locator('[data-testid^="office-use-"]').first().waitFor({ timeout: T });
        expect(await countUseButtons(page)).toBe(await page.locator('[data-testid^="office-template-"]').count());
        expect(await page.getByTestId('office-catalogue-no-brand').count()).toBe(0);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
