/**
 * Decision 116 in Chromium: a brand member with `campaigns` but not `launch` opens a draft, edits its title and saves
 * it, and sees no launch/schedule button — one line saying launching needs the «Launching campaigns» right stands
 * where they were; a member with both sees the buttons and no such line. Phone light in Russian, desktop dark in
 * English. On a live campaign the same member finds the start, end and zone disabled with one line why, and still
 * saves a text change (200). The server refuses the status change and the dates anyway
 * (server/office/campaigns/launch-right.routes.test.ts).
 * Screenshots: test-results/screenshots/office-launch-right-{editor,live-dates,launcher}-{phone,desktop}.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, type DemoCampaign, demoCampaign } from './office-members.ts';

const EDITOR_ONLY = 7431;
const LAUNCHER = 7432;
const T = 30_000;

let server: StartedServer;
let browser: Browser;
let live: DemoCampaign;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  live = demoCampaign(server);
  addBrandMember(server, { userId: EDITOR_ONLY, sections: ['campaigns'], brandId: live.brandId });
  addBrandMember(server, { userId: LAUNCHER, sections: ['campaigns', 'launch'], brandId: live.brandId });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A new draft from the catalogue, made through the office API by the member who will open it. */
async function draftBy(launchUrl: string): Promise<number> {
  const res = await fetch(`${server.baseUrl}/api/admin/campaigns`, {
    method: 'POST',
    headers: { Authorization: `VK ${new URL(launchUrl).search.slice(1)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ brandId: live.brandId, templateKey: 'tasks-reward' }),
  });
  if (res.status !== 201) throw new Error(`create: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: number }).id;
}

const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

const WORDS = {
  ru: { needs: 'право «Запуск акций»', dates: 'Переносить начало и конец' },
  en: { needs: 'the «Launching campaigns» right', dates: 'move the start or end' },
} as const;

const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop', width: 1280, height: 860, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

async function openEditor(user: number, vp: (typeof viewports)[number], campaignId?: number) {
  const url = participantUrl(server, { userId: user, language: vp.language });
  const id = campaignId ?? (await draftBy(url));
  const watched = await openWatchedPage(browser, vp);
  await watched.page.goto(`${url.split('#')[0]}#/admin/campaign/${id}`);
  await field(watched.page, 'title').waitFor({ timeout: T });
  return { ...watched, id };
}

describe('launching a campaign is a right of its own', () => {
  for (const vp of viewports) {
    it(`campaigns only: edits and saves a draft, no launch buttons, one line why (${vp.name}, ${vp.language})`, async () => {
      const { page, context, errors } = await openEditor(EDITOR_ONLY, vp);
      try {
        await field(page, 'title').fill(`Draft by the editor ${vp.name}`);
        await page.getByTestId('office-save').click();
        await expect
          .poll(() => page.getByTestId('office-save-state').getAttribute('data-state'), { timeout: T })
          .toBe('saved');
        const line = page.getByTestId('office-launch-needs-right');
        await line.waitFor({ timeout: T });
        expect(await line.textContent()).toContain(WORDS[vp.language].needs);
        // A draft's dates reach no one until it is launched: they stay editable.
        expect(await field(page, 'startsAt').isDisabled()).toBe(false);
        expect(await field(page, 'endsAt').isDisabled()).toBe(false);
        expect(await page.getByTestId('office-dates-need-launch').count()).toBe(0);
        for (const to of ['live', 'scheduled', 'paused', 'ended']) {
          expect(await page.getByTestId(`office-to-${to}`).count(), to).toBe(0);
        }
        expect(await page.getByTestId('office-duplicate').count()).toBe(1);
        // The preview, as before: a tab on a phone, beside the form on a desktop.
        if (vp.mobile) await page.getByTestId('office-tab-preview').click();
        await line.scrollIntoViewIfNeeded();
        await screenshot(page, `office-launch-right-editor-${vp.name}`);
        expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`campaigns only: a live campaign's dates are locked with one line why, a text change saves (${vp.name}, ${vp.language})`, async () => {
      const { page, context, errors } = await openEditor(EDITOR_ONLY, vp, live.id);
      try {
        // Moving a published campaign's dates (or its zone, which moves them) is the server's 403 without `launch`.
        for (const path of ['startsAt', 'endsAt', 'timeZone']) {
          await expect.poll(() => field(page, path).isDisabled(), { timeout: T, message: path }).toBe(true);
        }
        const line = page.getByTestId('office-dates-need-launch');
        await line.waitFor({ timeout: T });
        expect(await line.textContent()).toContain(WORDS[vp.language].dates);
        expect(await line.textContent()).toContain(WORDS[vp.language].needs);
        await field(page, 'title').fill(`Summer tasks, retitled on the ${vp.name}`);
        const put = page.waitForResponse(
          (r) => r.request().method() === 'PUT' && r.url().endsWith(`/api/admin/campaigns/${live.id}`),
          { timeout: T },
        );
        await page.getByTestId('office-save').click();
        expect((await put).status()).toBe(200);
        await expect
          .poll(() => page.getByTestId('office-save-state').getAttribute('data-state'), { timeout: T })
          .toBe('saved');
        await line.scrollIntoViewIfNeeded();
        await screenshot(page, `office-launch-right-live-dates-${vp.name}`);
        expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`campaigns + launch: the launch buttons, no such line (${vp.name}, ${vp.language})`, async () => {
      const { page, context, errors } = await openEditor(LAUNCHER, vp);
      try {
        await page.getByTestId('office-to-live').waitFor({ timeout: T });
        await page.getByTestId('office-to-scheduled').waitFor({ timeout: T });
        expect(await page.getByTestId('office-launch-needs-right').count()).toBe(0);
        await screenshot(page, `office-launch-right-launcher-${vp.name}`);
        expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
