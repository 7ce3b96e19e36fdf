/**
 * An agency owner's first run, in Chromium (phone light ru, desktop dark en): just given the office of a new agency
 * with no brand, they open the office, go to Agency, create their first brand, come back to its office home, try a
 * template, connect the brand's VK app and make their first campaign. Each screen says what to do next in the
 * member's language, and nothing sticks out sideways on the phone. Before, the office home with no brand said
 * «Загрузка…»/«Loading…» under Campaigns for ever (the list waits for a brand that never comes), and «Use» for the new
 * brand (no app yet) said «Проверьте заполненные поля.» over a catalogue with no fields; later it said why only after
 * the tap, and the home's header said «Кабинет бренда» with no brand. Now the home is the agency's office, and the
 * catalogue says before any tap that the brand has no app yet, «Use» off, with its page one tap away.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyStrings } from '../../miniapp/admin/i18n-agency.ts';
import { officeMessages } from '../../miniapp/admin/i18n-office.ts';
import { REFUSAL_WORDING } from '../../miniapp/admin/refusal-text.ts';
import { messages } from '../../miniapp/i18n.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

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

const cases = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru', owner: 7981 },
  {
    name: 'desktop-dark-en',
    width: 1280,
    height: 800,
    mobile: false,
    colorScheme: 'dark',
    language: 'en',
    owner: 7982,
  },
] as const;

/** How far the page sticks out sideways (0 when it fits). */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("an agency owner's first run", () => {
  for (const c of cases) {
    it(`office with no brand → Agency → first brand → its office → first campaign from a template (${c.name})`, async () => {
      const t = { ...messages[c.language], ...officeMessages[c.language] };
      const a = agencyStrings(c.language);
      const r = REFUSAL_WORDING[c.language];
      const agencyId = withAppDb(
        server,
        (db) =>
          (
            db.prepare('INSERT INTO agencies (name) VALUES (?) RETURNING id').get(`Новое агентство ${c.name}`) as {
              id: number;
            }
          ).id,
      );
      addAgencyOwner(server, { userId: c.owner, agencyId });
      const url = participantUrl(server, { userId: c.owner, language: c.language });
      const { page, context, errors } = await openWatchedPage(browser, c);
      try {
        // The office home: no brand, so no campaigns to load; it says a brand comes first and opens Agency.
        await page.goto(`${url}#/admin`);
        const noBrand = page.getByTestId('office-home-no-brand');
        await noBrand.waitFor({ timeout: T });
        expect(await noBrand.textContent()).toContain(t.officeNoBrand);
        expect(await noBrand.textContent()).toContain(t.officeNoBrandAgency);
        // The header is the agency's office: with no brand there is no brand's office yet (it said «Кабинет бренда»).
        const header = activePanel(page).getByTestId('agency-header');
        expect(await header.textContent()).toBe(`Новое агентство ${c.name} · ${t.officeAgency}`);
        expect(await activePanel(page).getByText(t.loading).count()).toBe(0);
        expect(await page.getByTestId('office-new-campaign').count()).toBe(0);
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `office-first-run-home-${c.name}`);
        await noBrand.getByRole('button', { name: t.nav_agency }).click();
        await page.waitForURL(/#\/admin\/agency$/);

        // The agency screen: no brands yet, and the form for a new one.
        await page.locator('#agency-new-brand').waitFor({ timeout: T });
        await activePanel(page).getByText(a.noBrands, { exact: true }).waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `office-first-run-agency-${c.name}`);
        const brandName = c.language === 'ru' ? 'Первый бренд' : 'First brand';
        await page.locator('#agency-new-brand').fill(brandName);
        await activePanel(page).getByRole('button', { name: a.create }).click();
        await page.locator('[data-testid^="agency-brand-"]', { hasText: brandName }).waitFor({ timeout: T });
        expect(await activePanel(page).getByText(a.noBrands, { exact: true }).count()).toBe(0);

        // Back to the office home: now the brand's, with no campaigns yet and «New campaign».
        await activePanel(page).getByRole('button', { name: t.back }).first().click();
        await page.waitForURL(/#\/admin$/);
        await page.getByTestId('office-new-campaign').waitFor({ timeout: T });
        await activePanel(page).getByText(t.noCampaigns, { exact: true }).waitFor({ timeout: T });
        expect(await page.getByTestId('office-home-no-brand').count()).toBe(0);
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `office-first-run-brand-home-${c.name}`);

        // The catalogue: a new brand has no VK app, and a campaign runs in one. A banner says so before any tap, «Use»
        // is switched off, and the banner opens the brand's page (before: «Use» offered, refused after the tap).
        await page.getByTestId('office-new-campaign').click();
        await page.locator('[data-testid^="office-use-"]').first().waitFor({ timeout: T });
        expect(await page.getByTestId('office-catalogue-no-brand').count()).toBe(0);
        const noApp = page.getByTestId('office-catalogue-no-app');
        await noApp.waitFor({ timeout: T });
        expect(await noApp.textContent()).toContain(t.catalogueNoApp);
        expect(await noApp.textContent()).toContain(t.catalogueNoAppManage);
        expect(await page.locator('[data-testid^="office-use-"]').first().isDisabled()).toBe(true);
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `office-first-run-catalogue-${c.name}`);
        expect(await page.getByText(r.brand_without_app ?? '', { exact: true }).count()).toBe(0);

        // The brand's page under Agency: connect its app, then «Use» makes the draft and opens it in the editor.
        await noApp.getByRole('button', { name: t.brandPage }).click();
        await page.waitForURL(/#\/admin\/agency\/brand\/\d+$/, { timeout: T });
        await page.locator('#agency-app-name').fill(c.language === 'ru' ? 'Приложение бренда' : 'Brand app');
        await page.locator('#agency-app-vkAppId').fill(String(52_000_000 + c.owner));
        await activePanel(page).getByRole('button', { name: a.connect, disabled: false }).click();
        await activePanel(page).getByText(a.noApps, { exact: true }).waitFor({ state: 'detached', timeout: T });
        // Back to the catalogue: it knows the brand has an app now (the office is asked afresh), «Use» is on.
        await activePanel(page).getByRole('button', { name: t.back }).first().click();
        await page.waitForURL(/#\/admin\/new$/, { timeout: T });
        await page.locator('[data-testid^="office-use-"]:not([disabled])').first().waitFor({ timeout: T });
        expect(await page.getByTestId('office-catalogue-no-app').count()).toBe(0);
        await page.locator('[data-testid^="office-use-"]').first().click({ timeout: T });
        await page.waitForURL(/#\/admin\/campaign\/\d+$/, { timeout: T });
        await page.locator('[id="field-title"]').waitFor({ timeout: T });
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await screenshot(page, `office-first-run-editor-${c.name}`);
        // No «Use» was refused on the way: nothing failed.
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    }, 120_000);
  }
});
