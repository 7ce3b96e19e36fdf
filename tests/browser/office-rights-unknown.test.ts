/**
 * The member's rights request failing (`GET /api/admin/office`, decision 116), in Chromium against a real server
 * with that one request aborted: nothing of a live campaign's start, end, zone or status can be changed before the
 * rights are known. The office waits for that answer before drawing any of its screens, the editor too, so a failed
 * one is the office's load screen with Retry, not a form; Retry asks again and the editor opens with the rights the
 * server gives (this member: `campaigns` without `launch`, so the dates stay locked, with one line why). The page's
 * embedded answer (server/static/first-screen-data.ts, a VK launch) is taken out, as a launch whose page carries none
 * (Telegram's) has it, so the request goes over the network where it can fail. Inside the editor, rights still
 * unknown lock the dates too (use-campaign-draft.ts `datesLockedFor`, sendable.test.ts; its banner with Retry:
 * CampaignEditor.test.tsx). Phone light in Russian, desktop dark in English.
 * Screenshots: test-results/screenshots/office-rights-unknown-{failed,retried}-{phone,desktop}.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, type DemoCampaign, demoCampaign } from './office-members.ts';

const EDITOR_ONLY = 7461;
const T = 30_000;

let server: StartedServer;
let browser: Browser;
let live: DemoCampaign;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  live = demoCampaign(server);
  addBrandMember(server, { userId: EDITOR_ONLY, sections: ['campaigns'], brandId: live.brandId });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop', width: 1280, height: 860, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

describe('the member’s rights request fails', () => {
  for (const vp of viewports) {
    it(`no editable date or status before the rights are known; Retry opens the editor with them (${vp.name}, ${vp.language})`, async () => {
      const url = participantUrl(server, { userId: EDITOR_ONLY, language: vp.language });
      const { page, context, errors } = await openWatchedPage(browser, vp);
      try {
        let failing = true;
        let asked = 0;
        // The page as served, without the answers embedded in it: the office asks for the rights itself.
        await page.route(
          (u) => u.pathname === '/' || u.pathname.endsWith('/index.html'),
          async (route) => {
            const served = await route.fetch();
            const body = (await served.text()).replace(
              /<script type="application\/json" id="promo-first-screen">[\s\S]*?<\/script>/,
              '',
            );
            await route.fulfill({ response: served, body });
          },
        );
        await page.route(
          (u) => u.pathname === '/api/admin/office',
          (route) => {
            asked += 1;
            return failing ? route.abort('internetdisconnected') : route.continue();
          },
        );
        await page.goto(`${url.split('#')[0]}#/admin/campaign/${live.id}`);
        await page.getByTestId('load-retry').waitFor({ timeout: T });
        expect(asked).toBeGreaterThan(0);
        for (const path of ['title', 'startsAt', 'endsAt', 'timeZone']) {
          expect(await field(page, path).count(), path).toBe(0);
        }
        for (const to of ['paused', 'ended']) expect(await page.getByTestId(`office-to-${to}`).count(), to).toBe(0);
        await screenshot(page, `office-rights-unknown-failed-${vp.name}`);

        failing = false;
        await page.getByTestId('load-retry').click();
        await field(page, 'title').waitFor({ timeout: T });
        for (const path of ['startsAt', 'endsAt', 'timeZone']) {
          await expect.poll(() => field(page, path).isDisabled(), { timeout: T, message: path }).toBe(true);
        }
        await page.getByTestId('office-dates-need-launch').waitFor({ timeout: T });
        expect(await page.getByTestId('office-rights-unknown').count()).toBe(0);
        for (const to of ['paused', 'ended']) expect(await page.getByTestId(`office-to-${to}`).count(), to).toBe(0);
        await screenshot(page, `office-rights-unknown-retried-${vp.name}`);
        expect(
          errors.filter((e) => !e.startsWith('console: Failed to load resource') && !/\/api\/admin\/office/.test(e)),
        ).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
