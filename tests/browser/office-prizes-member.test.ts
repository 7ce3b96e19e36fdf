/**
 * A brand member whom the agency gave only `prizes` (code pools, prize calendar, draw) reaches them from the office
 * home, in Chromium: tapping a campaign opens its page of the sections they hold, its code pools open from there, and
 * Back, whether they came by tapping or by a deep link, leads to that page and never to the editor (which needs
 * `campaigns` and would refuse them). A member with `campaigns` (the demo's brand admin) still gets the editor, and
 * Back from a deep-linked pools screen still lands on it. That page shows a failed office access request as an error
 * with Retry (not a spinner for ever) under a header whose Back leads out, and links a member with `support` to the
 * brand-wide support inbox.
 * Screenshots: test-results/screenshots/office-prizes-member-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const PRIZES_ONLY = 7401;
/** Holds `prizes` and the brand-wide `support`. */
const PRIZES_AND_SUPPORT = 7402;
const T = 20_000;

let server: StartedServer;
let browser: Browser;
let tasksId: number;
let wheelId: number;
let brandId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const tasks = demoCampaign(server);
  tasksId = tasks.id;
  wheelId = demoCampaign(server, 'lucky-wheel').id;
  brandId = tasks.brandId;
  addBrandMember(server, { userId: PRIZES_ONLY, brandId, sections: ['prizes'] });
  addBrandMember(server, { userId: PRIZES_AND_SUPPORT, brandId, sections: ['prizes', 'support'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * The panel VKUI shows now (a leaving one may still be in the DOM during the transition), not the one inside the
 * editor's live preview, which is a View of its own.
 */
const back = (page: Page) =>
  activePanel(page)
    .getByRole('button', { name: /Назад|Back/ })
    .first()
    .click();
const at = (page: Page, hash: string) => page.waitForURL(new RegExp(`#${hash}$`), { timeout: T });

/** Opens `hash` as a fresh page load (a deep link from a bot message), not as a hash change in the open page. */
async function deepLink(page: Page, launchUrl: string, hash: string) {
  await page.goto('about:blank');
  await page.goto(`${launchUrl.split('#')[0]}#${hash}`);
}

/** The campaign page of a member who may not edit: its sections, and no error in their place. */
async function expectSectionsPage(page: Page, id: number) {
  await at(page, `/admin/campaign/${id}/sections`);
  await activePanel(page).getByTestId('office-section-pools').waitFor({ timeout: T });
  expect(await activePanel(page).getByTestId('load-error').count()).toBe(0);
  expect(await activePanel(page).getByTestId('not-found').count()).toBe(0);
}

describe('a member with only the prizes section', () => {
  it('taps a campaign, reaches its code pools, and Back leads to its sections, not to the editor (phone, ru)', async () => {
    const url = participantUrl(server, { userId: PRIZES_ONLY, language: 'ru' });
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'light',
    });
    try {
      await page.goto(`${url.split('#')[0]}#/admin`);
      const cell = activePanel(page).getByTestId(`office-campaign-${tasksId}`);
      await cell.waitFor({ timeout: 30_000 });
      await cell.click();
      await expectSectionsPage(page, tasksId);
      // Only what `prizes` opens: no editor-only section, no draw for a campaign without one.
      for (const other of ['offers', 'beta', 'calculator', 'leads', 'draw', 'mailings', 'stats', 'support']) {
        expect(await activePanel(page).getByTestId(`office-section-${other}`).count(), other).toBe(0);
      }
      await screenshot(page, 'office-prizes-member-sections');

      await activePanel(page).getByTestId('office-section-pools').click();
      await at(page, `/admin/campaign/${tasksId}/pools`);
      await activePanel(page).getByTestId('pool-summer15').waitFor({ timeout: T });
      await back(page);
      await expectSectionsPage(page, tasksId);
      await back(page);
      await at(page, '/admin');
      await activePanel(page).getByTestId(`office-campaign-${tasksId}`).waitFor({ timeout: T });

      // An instant-win campaign also links its prize calendar.
      await activePanel(page).getByTestId(`office-campaign-${wheelId}`).click();
      await expectSectionsPage(page, wheelId);
      await activePanel(page).getByTestId('office-section-calendar').waitFor({ timeout: T });

      // A deep link to the pools: Back walks up to the campaign's sections, then the office home.
      await deepLink(page, url, `/admin/campaign/${tasksId}/pools`);
      await activePanel(page).getByTestId('pool-summer15').waitFor({ timeout: 30_000 });
      await back(page);
      await expectSectionsPage(page, tasksId);
      await screenshot(page, 'office-prizes-member-back-from-deep-link');
      await back(page);
      await at(page, '/admin');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/**
 * Serves the page without the office's answer embedded (as when the server's own call for it failed), so the office
 * asks `GET /api/admin/office` itself; `fail` decides, request by request, whether that call fails.
 */
async function officeAccessFailing(page: Page, fail: () => boolean) {
  await page.route(
    (url) => url.pathname === '/',
    async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace(
        /<script type="application\/json" id="promo-first-screen">.*?<\/script>/s,
        '',
      );
      await route.fulfill({ response, body: html });
    },
  );
  await page.route('**/api/admin/office', (route) => (fail() ? route.abort('internetdisconnected') : route.continue()));
}

describe('the campaign page of a member without campaigns', () => {
  it('a failed office access request shows the error with Retry, which asks again (phone, en)', async () => {
    const url = participantUrl(server, { userId: PRIZES_ONLY, language: 'en' });
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'light',
    });
    try {
      let failing = true;
      let asked = 0;
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/api/admin/office') asked++;
      });
      await officeAccessFailing(page, () => failing);
      await page.goto(`${url.split('#')[0]}#/admin/campaign/${tasksId}/sections`);
      // Found from outside: a spinner for ever.
      await activePanel(page).getByTestId('load-error').waitFor({ timeout: T });
      expect(await activePanel(page).getByTestId('office-section-pools').count()).toBe(0);
      await screenshot(page, 'office-prizes-member-sections-access-failed');
      const before = asked;
      failing = false;
      await activePanel(page).getByTestId('load-retry').click();
      await expectSectionsPage(page, tasksId);
      expect(asked).toBeGreaterThan(before);
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('while it keeps failing, Back in the header leads out: to the office, then to the app home (phone, dark, en)', async () => {
    const url = participantUrl(server, { userId: PRIZES_ONLY, language: 'en' });
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'dark',
    });
    try {
      await officeAccessFailing(page, () => true);
      await page.goto(`${url.split('#')[0]}#/admin/campaign/${tasksId}/sections`);
      await activePanel(page).getByTestId('load-error').waitFor({ timeout: T });
      // Found from outside: an empty header, so on mobile VK closing the app was the only way out.
      await screenshot(page, 'office-prizes-member-sections-access-failed-back');
      await back(page);
      await at(page, '/admin');
      // The office's own screen for the same failure, with its Back to where the office was opened from.
      await activePanel(page).getByTestId('load-error').waitFor({ timeout: T });
      await back(page);
      await at(page, '/');
      await activePanel(page).getByTestId('campaign-summer-tasks').waitFor({ timeout: T });
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a member with support is led to the brand-wide support inbox, the office home’s link (320-px phone, dark, ru)', async () => {
    const url = participantUrl(server, { userId: PRIZES_AND_SUPPORT, language: 'ru' });
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 320,
      height: 640,
      mobile: true,
      colorScheme: 'dark',
    });
    try {
      await page.goto(`${url.split('#')[0]}#/admin`);
      const home = activePanel(page).getByTestId('office-nav-support');
      await home.waitFor({ timeout: 30_000 });
      await activePanel(page).getByTestId(`office-campaign-${tasksId}`).click();
      await expectSectionsPage(page, tasksId);
      // Apart from the campaign's own sections, under a header that says it is the whole brand's.
      const brandWide = activePanel(page).getByTestId('office-campaign-brand-wide');
      await brandWide.getByTestId('office-section-support').waitFor({ timeout: T });
      expect(await brandWide.textContent()).toContain('Для всего бренда');
      expect(await brandWide.textContent()).toContain('по всем акциям бренда');
      await screenshot(page, 'office-prizes-member-sections-support');
      await brandWide.getByTestId('office-section-support').click();
      await at(page, `/admin/brand/${brandId}/support`);
      await activePanel(page).getByTestId('inbox-status').waitFor({ timeout: T });
      await back(page);
      await expectSectionsPage(page, tasksId);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('a member with the campaigns section', () => {
  it('still gets the editor, from the list and on Back from deep-linked pools (desktop, dark)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 800,
      mobile: false,
      colorScheme: 'dark',
    });
    try {
      await page.goto(`${server.adminUrl.split('#')[0]}#/admin`);
      const cell = activePanel(page).getByTestId(`office-campaign-${tasksId}`);
      await cell.waitFor({ timeout: 30_000 });
      await cell.click();
      await at(page, `/admin/campaign/${tasksId}`);
      await activePanel(page).getByTestId('office-section-offers').waitFor({ timeout: T });
      await activePanel(page).getByTestId('office-section-pools').click();
      await activePanel(page).getByTestId('pool-summer15').waitFor({ timeout: T });
      await back(page);
      await at(page, `/admin/campaign/${tasksId}`);
      await activePanel(page).getByTestId('office-section-offers').waitFor({ timeout: T });

      await deepLink(page, server.adminUrl, `/admin/campaign/${tasksId}/pools`);
      await activePanel(page).getByTestId('pool-summer15').waitFor({ timeout: 30_000 });
      await back(page);
      // Through the sections page, which sends a member who may edit on to the editor in its place.
      await at(page, `/admin/campaign/${tasksId}`);
      await activePanel(page).getByTestId('office-section-offers').waitFor({ timeout: T });
      await screenshot(page, 'office-prizes-member-editor-after-back');
      await back(page);
      await at(page, '/admin');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
