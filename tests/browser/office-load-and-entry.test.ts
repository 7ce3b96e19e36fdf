/**
 * Three gaps a brand office member hit, in Chromium (found from outside):
 * - a member holding `support` alone tapped a campaign on the office home and nothing happened; now it opens the
 *   campaign's page, which links the brand's support inbox (the one section of theirs a campaign has) and nothing
 *   their rights do not hold, and the inbox answers them (the server decides, as before);
 * - the campaign editor's failed load had Back but no Retry; now Retry loads it again without leaving the screen;
 * - the agency's brand page had no title while loading or after a failed load; now "Бренд" / "Brand".
 * Screenshots: test-results/screenshots/office-load-and-entry-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner, addBrandMember, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const SUPPORT_ONLY = 7501;
const AGENCY_OWNER = 7502;
const T = 20_000;

let server: StartedServer;
let browser: Browser;
let tasksId: number;
let brandId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const tasks = demoCampaign(server);
  tasksId = tasks.id;
  brandId = tasks.brandId;
  addBrandMember(server, { userId: SUPPORT_ONLY, brandId, sections: ['support'] });
  addAgencyOwner(server, { userId: AGENCY_OWNER, agencyId: tasks.agencyId });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const back = (page: Page) =>
  activePanel(page)
    .getByRole('button', { name: /Назад|Back/ })
    .first()
    .click();
const at = (page: Page, hash: string) => page.waitForURL(new RegExp(`#${hash}$`), { timeout: T });
const phone = { width: 375, height: 812, mobile: true, colorScheme: 'light' } as const;

describe('a member holding only support', () => {
  it('taps a campaign, reaches the brand’s support inbox from its page and sees no other section (phone, ru)', async () => {
    const url = participantUrl(server, { userId: SUPPORT_ONLY, language: 'ru' });
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      await page.goto(`${url.split('#')[0]}#/admin`);
      const cell = activePanel(page).getByTestId(`office-campaign-${tasksId}`);
      await cell.waitFor({ timeout: 30_000 });
      await activePanel(page).getByTestId('office-nav-support').waitFor({ timeout: T });
      // The home shows no section the member does not hold.
      for (const other of ['mailings', 'stats', 'leads', 'team']) {
        expect(await activePanel(page).getByTestId(`office-nav-${other}`).count(), other).toBe(0);
      }
      expect(await activePanel(page).getByTestId('office-new-campaign').count()).toBe(0);

      await cell.click();
      await at(page, `/admin/campaign/${tasksId}/sections`);
      const brandWide = activePanel(page).getByTestId('office-campaign-brand-wide');
      await brandWide.getByTestId('office-section-support').waitFor({ timeout: T });
      expect(await brandWide.textContent()).toContain('по всем акциям бренда');
      expect(await activePanel(page).getByTestId('office-campaign-no-sections').count()).toBe(0);
      for (const other of ['pools', 'calendar', 'draw', 'mailings', 'stats', 'leads', 'offers', 'beta', 'calculator']) {
        expect(await activePanel(page).getByTestId(`office-section-${other}`).count(), other).toBe(0);
      }
      expect(await activePanel(page).getByTestId('load-error').count()).toBe(0);
      await screenshot(page, 'office-load-and-entry-support-member-campaign');

      await brandWide.getByTestId('office-section-support').click();
      await at(page, `/admin/brand/${brandId}/support`);
      await activePanel(page).getByTestId('inbox-status').waitFor({ timeout: T });
      expect(await activePanel(page).getByTestId('load-error').count()).toBe(0);
      await back(page);
      await at(page, `/admin/campaign/${tasksId}/sections`);
      await back(page);
      await at(page, '/admin');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the server still refuses them the editor’s document and the other sections (403)', async () => {
    const url = new URL(participantUrl(server, { userId: SUPPORT_ONLY, language: 'ru' }));
    const auth = { Authorization: `VK ${url.search.slice(1)}` };
    const status = async (path: string) => (await fetch(`${server.baseUrl}${path}`, { headers: auth })).status;
    expect(await status(`/api/admin/support/brands/${brandId}/tickets`)).toBe(200);
    expect(await status(`/api/admin/campaigns/${tasksId}`)).toBe(403);
    expect(await status(`/api/admin/campaigns/${tasksId}/pools`)).toBe(403);
  });
});

describe('the campaign editor', () => {
  it('a failed load shows the error with Retry, which loads the campaign without leaving the screen (phone, en)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      let failing = true;
      await page.route(
        (u) => u.pathname === `/api/admin/campaigns/${tasksId}`,
        (route) => (failing ? route.abort('internetdisconnected') : route.continue()),
      );
      const owner = participantUrl(server, { userId: AGENCY_OWNER, language: 'en' });
      await page.goto(`${owner.split('#')[0]}#/admin/campaign/${tasksId}`);
      await activePanel(page).getByTestId('load-error').waitFor({ timeout: 30_000 });
      await activePanel(page).getByTestId('load-retry').waitFor({ timeout: T });
      await screenshot(page, 'office-load-and-entry-editor-load-failed');
      failing = false;
      await activePanel(page).getByTestId('load-retry').click();
      await activePanel(page).getByTestId('office-save').waitFor({ timeout: T });
      await at(page, `/admin/campaign/${tasksId}`);
      expect(await activePanel(page).getByTestId('load-error').count()).toBe(0);
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the agency’s brand page', () => {
  it('after a failed load its header reads "Бренд" beside Back, and Retry loads the brand (phone, ru)', async () => {
    const url = participantUrl(server, { userId: AGENCY_OWNER, language: 'ru' });
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      let failing = true;
      await page.route(
        (u) => u.pathname === `/api/admin/agency/brands/${brandId}`,
        (route) => (failing ? route.abort('internetdisconnected') : route.continue()),
      );
      await page.goto(`${url.split('#')[0]}#/admin/agency/brand/${brandId}`);
      await activePanel(page).getByTestId('load-error').waitFor({ timeout: 30_000 });
      const title = activePanel(page).locator('[class*="vkuiPanelHeader__content"]').first();
      expect(await title.textContent()).toBe('Бренд');
      await activePanel(page).getByRole('button', { name: 'Назад' }).first().waitFor({ timeout: T });
      await screenshot(page, 'office-load-and-entry-agency-brand-failed');
      failing = false;
      await activePanel(page).getByTestId('load-retry').click();
      await activePanel(page).getByTestId('agency-brand-team').waitFor({ timeout: T });
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
