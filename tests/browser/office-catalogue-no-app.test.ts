/**
 * The catalogue of a brand with no VK app yet, in Chromium (phone light ru, desktop dark en). A campaign runs in an
 * app, so a draft waits for one (the server refuses it: `brand_without_app`). Before, every card offered «Use» and
 * said why it could not work only after the tap, in a snackbar with no way on. Now the office answer says whether the
 * brand has an app: a banner over the cards says so before any tap, «Use» is switched off, and a member of the brand
 * who may not connect an app is told whom to ask (its agency, by name). When «Use» is still refused (the app removed
 * after the office was asked), the snackbar offers the brand's page, where an app is connected, to whoever may open it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officeMessages } from '../../miniapp/admin/i18n-office.ts';
import { REFUSAL_WORDING } from '../../miniapp/admin/refusal-text.ts';
import { fill } from '../../miniapp/i18n-fill.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner, addBrandMember } from './office-members.ts';

const AGENCY = 'Агентство «Север»';
const T = 30_000;

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

/** A new agency with one brand and no app: its id and the brand's. */
const agencyWithNewBrand = (label: string) =>
  withAppDb(server, (db) => {
    const { id: agencyId } = db
      .prepare('INSERT INTO agencies (name) VALUES (?) RETURNING id')
      .get(`${AGENCY} ${label}`) as {
      id: number;
    };
    const { id: brandId } = db
      .prepare('INSERT INTO brands (agency_id, name) VALUES (?, ?) RETURNING id')
      .get(agencyId, `Бренд ${label}`) as { id: number };
    return { agencyId, brandId };
  });

const catalogueOf = (userId: number, language: 'ru' | 'en') =>
  `${participantUrl(server, { userId, language }).split('#')[0]}#/admin/new`;

const catalogueUseButtons = (page: Page) => page.locator('[data-testid^="office-use-"]');

/** How far the page sticks out sideways (0 when it fits). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const cases = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru', user: 7991 },
  { name: 'desktop-dark-en', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en', user: 7993 },
] as const;

describe('the catalogue of a brand with no VK app', () => {
  for (const c of cases) {
    it(`says so before «Use», and a brand member is told whom to ask (${c.name})`, async () => {
      const t = officeMessages[c.language];
      const { brandId } = agencyWithNewBrand(`member ${c.name}`);
      addBrandMember(server, { userId: c.user, brandId, sections: ['campaigns'] });
      const { page, context, errors } = await openWatchedPage(browser, c);
      try {
        await page.goto(catalogueOf(c.user, c.language));
        const why = page.getByTestId('office-catalogue-no-app');
        await why.waitFor({ timeout: T });
        expect(await why.textContent()).toContain(t.catalogueNoApp);
        expect(await why.textContent()).toContain(fill(t.catalogueNoAppAsk, { agency: `${AGENCY} member ${c.name}` }));
        // No way to the brand's page: it is the agency's, not this member's to open.
        expect(await why.getByRole('button').count()).toBe(0);
        await catalogueUseButtons(page).first().waitFor({ timeout: T });
        const n = await catalogueUseButtons(page).count();
        expect(n).toBe(await page.locator('[data-testid^="office-template-"]').count());
        for (let i = 0; i < n; i++) expect(await catalogueUseButtons(page).nth(i).isDisabled()).toBe(true);
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `office-catalogue-no-app-member-${c.name}`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);

    it(`a «Use» refused for want of an app offers the brand's page (${c.name})`, async () => {
      const t = officeMessages[c.language];
      const r = REFUSAL_WORDING[c.language];
      const owner = c.user + 1;
      const { agencyId, brandId } = agencyWithNewBrand(`owner ${c.name}`);
      addAgencyOwner(server, { userId: owner, agencyId });
      // The brand has an app when the office is asked; another member removes it before «Use».
      const appId = withAppDb(
        server,
        (db) =>
          (
            db
              .prepare('INSERT INTO apps (brand_id, name, vk_app_id) VALUES (?, ?, ?) RETURNING id')
              .get(brandId, 'Приложение', 53_000_000 + owner) as { id: number }
          ).id,
      );
      const { page, context, errors } = await openWatchedPage(browser, c);
      try {
        await page.goto(catalogueOf(owner, c.language));
        await catalogueUseButtons(page).first().waitFor({ timeout: T });
        expect(await page.getByTestId('office-catalogue-no-app').count()).toBe(0);
        expect(await catalogueUseButtons(page).first().isDisabled()).toBe(false);
        withAppDb(server, (db) => db.prepare('DELETE FROM apps WHERE id = ?').run(appId));

        await catalogueUseButtons(page).first().click();
        await page.getByText(r.brand_without_app ?? '', { exact: true }).waitFor({ timeout: T });
        await screenshot(page, `office-catalogue-no-app-refused-${c.name}`);
        // The snackbar's action (before: the snackbar said where, with no way there).
        await page.getByTestId('office-use-refused').getByRole('button', { name: t.brandPage }).click({ timeout: T });
        await page.waitForURL(new RegExp(`#/admin/agency/brand/${brandId}$`), { timeout: T });
        await page.locator('#agency-app-name').waitFor({ timeout: T });
        // The refused «Use» is logged by the browser as a 422; nothing else may fail.
        expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
