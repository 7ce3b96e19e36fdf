/**
 * The campaign editor opened by its address, in Chromium (found from outside):
 * - a member holding `support` alone who followed a link to the editor got the office's not-found; now they land on
 *   the campaign's sections page with the brand's support inbox, as the office home's tap takes them, and Back
 *   leaves it (the editor's refusal is replaced in the history, not stacked);
 * - a member of the brand whose rights hold nothing of the campaign's (`team` alone) got the same not-found; now the
 *   server's refusal in words, with no Retry;
 * - the first campaign's answer, arriving after the member had opened a second, replaced the second in the editor;
 *   now the late answer is dropped and the second stays.
 * Screenshots: test-results/screenshots/office-editor-entry-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner, addBrandMember, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const SUPPORT_ONLY = 7601;
const TEAM_ONLY = 7602;
const AGENCY_OWNER = 7603;
const T = 20_000;

let server: StartedServer;
let browser: Browser;
let brandId: number;
const campaigns: Record<'tasks' | 'quiz', { id: number; title: string }> = {
  tasks: { id: 0, title: '' },
  quiz: { id: 0, title: '' },
};

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const tasks = demoCampaign(server);
  const quiz = demoCampaign(server, 'brand-quiz');
  expect(quiz.brandId).toBe(tasks.brandId);
  campaigns.tasks = tasks;
  campaigns.quiz = quiz;
  brandId = tasks.brandId;
  addBrandMember(server, { userId: SUPPORT_ONLY, brandId, sections: ['support'] });
  addBrandMember(server, { userId: TEAM_ONLY, brandId, sections: ['team'] });
  addAgencyOwner(server, { userId: AGENCY_OWNER, agencyId: tasks.agencyId });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const at = (page: Page, hash: string) => page.waitForURL(new RegExp(`#${hash}$`), { timeout: T });
const headerTitle = (page: Page) => activePanel(page).locator('[class*="vkuiPanelHeader__content"]').first();
const phone = { width: 375, height: 812, mobile: true, colorScheme: 'light' } as const;
const open = (page: Page, userId: number, hash: string) =>
  page.goto(`${participantUrl(server, { userId, language: 'ru' }).split('#')[0]}#${hash}`);

describe('a link to the campaign editor', () => {
  it('a member holding only support lands on the campaign’s sections page with the support inbox (phone, ru)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      const { id } = campaigns.tasks;
      await open(page, SUPPORT_ONLY, `/admin/campaign/${id}`);
      await at(page, `/admin/campaign/${id}/sections`);
      const brandWide = activePanel(page).getByTestId('office-campaign-brand-wide');
      await brandWide.getByTestId('office-section-support').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('not-found').count()).toBe(0);
      await screenshot(page, 'office-editor-entry-support-member');
      await brandWide.getByTestId('office-section-support').click();
      await at(page, `/admin/brand/${brandId}/support`);
      await activePanel(page).getByTestId('inbox-status').waitFor({ timeout: T });
      await activePanel(page).getByRole('button', { name: 'Назад' }).first().click();
      await at(page, `/admin/campaign/${id}/sections`);
      // Back from the page leaves it: the editor's refusal was replaced, not left under it.
      await activePanel(page).getByRole('button', { name: 'Назад' }).first().click();
      await at(page, '/admin');
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a member whose rights hold nothing of the campaign reads the server’s refusal, with no Retry (phone, ru)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      const { id } = campaigns.tasks;
      await open(page, TEAM_ONLY, `/admin/campaign/${id}`);
      const error = activePanel(page).getByTestId('load-error');
      await error.waitFor({ timeout: 30_000 });
      expect(await error.textContent()).toContain('У вас нет прав на это в этом бренде.');
      expect(await activePanel(page).getByTestId('load-retry').count()).toBe(0);
      expect(await page.getByTestId('not-found').count()).toBe(0);
      expect(page.url()).toMatch(new RegExp(`#/admin/campaign/${id}$`));
      await screenshot(page, 'office-editor-entry-refused');
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the editor opened on another campaign before the first had answered', () => {
  it('keeps the second campaign when the first one’s answer comes late (phone, ru)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      const first = campaigns.tasks;
      const second = campaigns.quiz;
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let firstAnswered = () => {};
      const answered = new Promise<void>((resolve) => {
        firstAnswered = resolve;
      });
      await page.route(
        (u) => u.pathname === `/api/admin/campaigns/${first.id}`,
        async (route) => {
          await held;
          await route.continue();
        },
      );
      page.on('requestfinished', (r) => {
        if (new URL(r.url()).pathname === `/api/admin/campaigns/${first.id}`) firstAnswered();
      });
      await open(page, AGENCY_OWNER, `/admin/campaign/${first.id}`);
      await page.waitForRequest((r) => new URL(r.url()).pathname === `/api/admin/campaigns/${first.id}`, {
        timeout: 30_000,
      });
      await page.evaluate((hash) => {
        location.hash = hash;
      }, `#/admin/campaign/${second.id}`);
      await activePanel(page).getByTestId('office-save').waitFor({ timeout: T });
      expect(await headerTitle(page).textContent()).toBe(second.title);
      release();
      await answered;
      // The late answer has been read by the page (a render later): the editor still shows the second campaign.
      await page.waitForTimeout(500);
      expect(await headerTitle(page).textContent()).toBe(second.title);
      await screenshot(page, 'office-editor-entry-late-answer');
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
