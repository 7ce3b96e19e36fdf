/**
 * The office's questions and banners fit a phone (Chromium, 375×812 light in Russian and dark in English; desktop
 * 1280×860 for the same in the other pair). Before (decision 103): the campaign editor's lifecycle question and the
 * support library's «Удалить?» put VKUI's close cross outside the Alert, on the screen's edge, cut in half (the
 * broadcast composer's had been fixed alone); the editor's, the draw page's and its entrants' banners ran from one
 * edge of the screen to the other. Now every office question is OfficeConfirm and every banner InsetBanner.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_VK_ID, DEMO_GROUP_ID } from '../../server/seed/demo-ids.ts';
import { type FakeVkApi, startFakeVkApi } from '../fakes/vk-api.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { makeDemoGiveaway } from './demo-giveaway.ts';
import { participantUrl } from './launch-users.ts';

const T = 20_000;

let server: StartedServer;
let fake: FakeVkApi;
let browser: Browser;
let campaignId: number;
let brandId: number;

const statusOf = (id: number) =>
  withAppDb(
    server,
    (db) => (db.prepare('SELECT status FROM campaigns WHERE id = ?').get(id) as { status: string }).status,
  );

beforeAll(async () => {
  fake = await startFakeVkApi();
  server = await startServerLikeReadme({
    env: { VK_API_BASE_URL: fake.url, VK_GROUP_TOKEN: `group:${DEMO_GROUP_ID}`, VK_GROUP_ID: String(DEMO_GROUP_ID) },
    timeoutMs: 220_000,
  });
  // The demo's live `summer-tasks` as a committed giveaway with two entrants: its editor says a save publishes, its
  // draw page lists the entrants and, VK failing to answer users.get, says their pages were not checked.
  const now = Date.now();
  campaignId = makeDemoGiveaway(server.dataDir, 3_600_000, [
    { user: 790_101, referralCode: 'fit101', createdAt: now },
    { user: 790_102, referralCode: 'fit102', createdAt: now },
  ]).campaignId;
  brandId = withAppDb(
    server,
    (db) =>
      (db.prepare('SELECT brand_id AS brandId FROM campaigns WHERE id = ?').get(campaignId) as { brandId: number })
        .brandId,
  );
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

interface Look {
  name: string;
  width: number;
  height: number;
  mobile: boolean;
  colorScheme: 'light' | 'dark';
  language: 'ru' | 'en';
}

const LOOKS: Look[] = [
  { name: 'phone-light-ru', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'phone-dark-en', width: 375, height: 812, mobile: true, colorScheme: 'dark', language: 'en' },
  { name: 'desktop-dark-ru', width: 1280, height: 860, mobile: false, colorScheme: 'dark', language: 'ru' },
  { name: 'desktop-light-en', width: 1280, height: 860, mobile: false, colorScheme: 'light', language: 'en' },
];

const officeUrl = (look: Look, route: string) =>
  `${participantUrl(server, { userId: DEMO_ADMIN_VK_ID, language: look.language, role: 'admin' })}#${route}`;

/** A banner is inset: at least 12 px from each side of its group (of the screen, on a phone). */
async function expectInset(banner: Locator, look: Look) {
  await banner.waitFor({ timeout: T });
  const box = await banner.boundingBox();
  const group = await banner.evaluate((el) => {
    // The nearest group around it (a Banner is a section of its own).
    const g = el.parentElement?.closest('section') ?? document.body;
    const r = g.getBoundingClientRect();
    return { left: r.left, right: r.right };
  });
  expect(box, 'banner box').not.toBeNull();
  if (!box) return;
  const name = await banner.getAttribute('data-testid');
  expect(box.x - group.left, `${name}: from the left edge`).toBeGreaterThanOrEqual(12);
  expect(group.right - (box.x + box.width), `${name}: from the right edge`).toBeGreaterThanOrEqual(12);
  expect(box.x + box.width, `${name}: inside the screen`).toBeLessThanOrEqual(look.width);
}

/** The open Alert's close cross (VKUI puts it inside the Alert or, its default, outside beside it). */
const alertCross = (page: Page) => page.locator('.vkuiAlert__dismiss, .vkuiModalDismissButton__host');

/**
 * On a phone the open question's close cross is wholly on the screen and takes the tap (nothing covers it), and the
 * tap closes the question. VKUI shows no cross on a desktop.
 */
async function expectCrossCloses(page: Page, look: Look) {
  const alert = page.getByRole('alertdialog');
  await alert.waitFor({ timeout: T });
  // Measured once VKUI's fade-in has ended.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
    timeout: T,
  });
  if (!look.mobile) {
    await page.keyboard.press('Escape');
  } else {
    const cross = alertCross(page);
    expect(await cross.count(), 'a close cross').toBe(1);
    const box = await cross.boundingBox();
    expect(box, 'cross box').not.toBeNull();
    if (!box) return;
    expect(box.x, 'cross from the left edge').toBeGreaterThanOrEqual(0);
    expect(box.y, 'cross from the top edge').toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, 'cross inside the right edge').toBeLessThanOrEqual(look.width);
    expect(box.y + box.height, 'cross inside the bottom edge').toBeLessThanOrEqual(look.height);
    // What is under the cross's middle is the cross: the tap lands on it.
    const hit = await cross.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return at !== null && el.contains(at);
    });
    expect(hit, 'the cross takes the tap').toBe(true);
    await cross.click();
  }
  await alert.waitFor({ state: 'detached', timeout: T });
}

describe('the office on a phone: questions and banners', () => {
  for (const look of LOOKS) {
    it(`${look.name}: the editor's and the library's questions close by their cross; the editor's and the draw page's banners are inset`, async () => {
      const w = await openWatchedPage(browser, look);
      const { page } = w;
      try {
        // The campaign editor: «Сохранение опубликует…» inset; pausing asks, its cross closes and nothing changes.
        await page.goto(officeUrl(look, `/admin/campaign/${campaignId}`));
        await expectInset(page.getByTestId('office-publishes-revision'), look);
        await page.getByTestId('office-to-paused').click({ timeout: T });
        await screenshot(page, `office-question-editor-${look.name}`);
        await expectCrossCloses(page, look);
        expect(statusOf(campaignId)).toBe('live');

        // The support library: a canned answer made, picked, «Удалить» asks; its cross closes and it stays.
        await page.goto('about:blank');
        await page.goto(officeUrl(look, `/admin/brand/${brandId}/support/canned`));
        await page.locator('#canned-title').fill(`Fit ${look.name}`, { timeout: T });
        await page.locator('#canned-body-ru').fill('Ответ, который остаётся');
        await page.getByTestId('library-save').click();
        const item = page.locator('[data-testid^="canned-item-"]').filter({ hasText: `Fit ${look.name}` });
        await item.click({ timeout: T });
        await page.getByTestId('library-remove').click({ timeout: T });
        await screenshot(page, `office-question-library-${look.name}`);
        await expectCrossCloses(page, look);
        expect(await item.count()).toBe(1);

        // The draw page: its entrants' «not checked on VK» banner inset.
        fake.failNext('users.get', 10, 100);
        await page.goto('about:blank');
        await page.goto(officeUrl(look, `/admin/campaign/${campaignId}/draw`));
        await expectInset(page.getByTestId('office-entrants-vk-unchecked'), look);
        await screenshot(page, `office-draw-banner-${look.name}`);
        expect(w.errors).toEqual([]);
      } finally {
        await w.context.close();
      }
    });
  }

  it('phone-dark-en: a misconfigured draw says so inside the status group', async () => {
    const look = LOOKS[1] as Look;
    withAppDb(server, (db) =>
      db
        .prepare(
          'UPDATE campaigns SET settings = json_set(settings, \'$.draw.requiredTaskKeys\', json(\'["join","gone"]\')) WHERE id = ?',
        )
        .run(campaignId),
    );
    const w = await openWatchedPage(browser, look);
    try {
      await w.page.goto(officeUrl(look, `/admin/campaign/${campaignId}/draw`));
      await expectInset(w.page.getByTestId('office-draw-misconfigured'), look);
      await screenshot(w.page, `office-draw-misconfigured-${look.name}`);
    } finally {
      await w.context.close();
    }
  });

  it('phone-light-ru: a prize calendar with no moments is a problem whose tap opens the prize calendar', async () => {
    const look = LOOKS[0] as Look;
    // A pack-code draft that plays by the calendar, with no prize moment yet.
    const id = withAppDb(
      server,
      (db) =>
        (
          db
            .prepare(
              `INSERT INTO campaigns (brand_id, app_id, community_id, slug, title, description, mechanic, status,
                 starts_at, ends_at, time_zone, translations, settings, stages)
               SELECT brand_id, app_id, community_id, 'calendar-fit', title, description, 'code', 'draft', starts_at,
                 ends_at, time_zone, translations, ?, stages FROM campaigns WHERE slug = 'summer-tasks' RETURNING id`,
            )
            .get(JSON.stringify({ instantWin: { mode: 'calendar' } })) as { id: number }
        ).id,
    );
    const w = await openWatchedPage(browser, look);
    try {
      await w.page.goto(officeUrl(look, `/admin/campaign/${id}`));
      const problem = w.page.getByTestId('office-problem-calendar_without_moments');
      await problem.waitFor({ timeout: T });
      expect(await problem.textContent()).toContain('раздел «Календарь призов»');
      await problem.click();
      await w.page.getByTestId('calendar-mode-banner').waitFor({ timeout: T });
      expect(new URL(w.page.url()).hash).toContain(`/admin/campaign/${id}/calendar`);
    } finally {
      await w.context.close();
    }
  });
});
