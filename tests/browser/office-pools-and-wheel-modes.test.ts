/**
 * Decision 095 in Chromium: pools and the wheel in the office read right in every mode, as a brand manager meets them.
 * - The wheel in calendar mode lists no chance (the calendar decides), says so and leads to the calendar.
 * - A non-wheel campaign holding a wheel edits that wheel's hour as its day's hour, and its refusal names it so.
 * - The pools page makes an entry pool (pack codes), chosen then in the editor's pack-code section.
 * - 50 codes under a threshold of 50 are not «мало кодов», and the page says when it will warn.
 * - On a phone the pools page's banners sit inside the Group's padding, not edge to edge.
 * - The pack code's «add a pool» words stay beside the button when the server's problem is on the field.
 * - A manager without the «Призы» right is told who loads codes, with no way into a page refused to them.
 * Red before, each: chances listed in calendar mode; «Час сброса»; no purpose choice; a low banner at 50 of 50; a
 * banner at x = 0; the hint replaced by the problem; a pool problem saying nothing of who loads codes.
 * Screenshots: test-results/screenshots/office-pools-modes-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember } from './office-members.ts';

const T = 20_000;
const WHEEL_CAMPAIGN = 3;
/** A brand member with campaigns but not prizes: may edit a campaign, may not open its pools. */
const NO_PRIZES = 9501;
/** A sector's chance as the office writes it (wheel-chance.ts): «шанс 12,5 %». */
const CHANCE = /шанс \d/;

let server: StartedServer;
let browser: Browser;

/** A campaign beside the demo ones, a copy of `summer-tasks` with its own mechanic and settings. */
function addCampaign(slug: string, mechanic: 'tasks' | 'code', settings: object): number {
  return withAppDb(
    server,
    (db) =>
      (
        db
          .prepare(
            `INSERT INTO campaigns (brand_id, app_id, community_id, slug, title, description, mechanic, status,
               starts_at, ends_at, time_zone, translations, settings, stages)
             SELECT brand_id, app_id, community_id, ?, title, description, ?, 'draft', starts_at, ends_at, time_zone,
               translations, ?, stages FROM campaigns WHERE slug = 'summer-tasks' RETURNING id`,
          )
          .get(slug, mechanic, JSON.stringify(settings)) as { id: number }
      ).id,
  );
}

/** A pack-code draft with one prize, and an entry pool `packs` with no code when `pool` is set. */
function addPackCodeCampaign(slug: string, pool: boolean): number {
  const id = addCampaign(slug, 'code', pool ? { packCode: { poolKey: 'packs', loseWeight: 1 } } : {});
  withAppDb(server, (db) => {
    if (pool)
      db.prepare(
        `INSERT INTO promo_code_pools (campaign_id, key, name, purpose) VALUES (?, 'packs', 'Упаковки', 'entry')`,
      ).run(id);
    db.prepare(
      `INSERT INTO promo_rewards (campaign_id, key, title, description, how_to_use, translations, unlock, weight, stock)
       VALUES (?, 'mug', 'Кружка', 'Фирменная кружка', 'Покажите экран', '{}', '{"code":true}', 1, 100)`,
    ).run(id);
  });
  return id;
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  addBrandMember(server, { userId: NO_PRIZES, sections: ['campaigns'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);
const formItem = (page: Page, path: string) => page.locator('.vkuiFormItem__host', { has: field(page, path) });
const saveState = (page: Page) => page.getByTestId('office-save-state').getAttribute('data-state');

async function openEditor(page: Page, campaignId: number, path: string, office = server.adminUrl) {
  await page.goto('about:blank');
  await page.goto(`${office.split('#')[0]}#/admin/campaign/${campaignId}`);
  await field(page, path).waitFor({ timeout: T });
}

async function openPools(page: Page, campaignId: number) {
  await page.goto('about:blank');
  await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${campaignId}/pools`);
  await page.locator('#pool-key').waitFor({ timeout: T });
}

describe('pools and the wheel in the office, in every mode', () => {
  it('the wheel in calendar mode shows no chance but the calendar; a non-wheel campaign names the wheel hour as its day hour (desktop, light)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 900,
      colorScheme: 'light',
    });
    try {
      await openEditor(page, WHEEL_CAMPAIGN, 'settings.instantWin.mode');
      const wheel = page.getByTestId('office-wheel');
      expect(await wheel.getByTestId('office-sector-lose').textContent()).toMatch(CHANCE);
      await field(page, 'settings.instantWin.mode').selectOption('calendar');
      await expect.poll(() => wheel.getByTestId('office-wheel-by-calendar').count(), { timeout: T }).toBe(1);
      expect(await wheel.getByTestId('office-wheel-by-calendar').textContent()).toContain(
        'Призы выпадают по календарю',
      );
      // No chance anywhere on the wheel, and no weight of losing: the calendar reads none (decision 089).
      expect(await wheel.textContent()).not.toMatch(CHANCE);
      expect(await field(page, 'settings.wheel.loseWeight').count()).toBe(0);
      expect(await wheel.getByTestId('office-wheel-calendar').textContent()).toContain('Календарь призов');
      // The wheel's hour is the campaign day's hour, named as «Сроки» names it.
      expect(await formItem(page, 'settings.wheel.resetHour').textContent()).toContain('Час начала дня акции');
      await wheel.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-pools-modes-wheel-calendar-desktop-light');
      // Back to the odds: the chances again.
      await field(page, 'settings.instantWin.mode').selectOption('odds');
      await expect.poll(() => wheel.getByTestId('office-sector-lose').textContent(), { timeout: T }).toMatch(CHANCE);

      // A tasks campaign whose settings still hold a wheel: that wheel's hour is the day's, edited in «Сроки».
      const id = addCampaign('tasks-with-wheel', 'tasks', {
        wheel: { dailyFreeAttempts: 1, dailyAttemptLimit: 3, resetHour: 4, loseWeight: 1, loseLabel: 'Мимо' },
      });
      await openEditor(page, id, 'settings.wheel.resetHour');
      expect(await field(page, 'settings.wheel.resetHour').inputValue()).toBe('4');
      await field(page, 'settings.wheel.resetHour').fill('24');
      await page.getByTestId('office-save').click();
      await expect.poll(() => saveState(page), { timeout: T }).toBe('failed');
      await expect
        .poll(() => formItem(page, 'settings.wheel.resetHour').textContent(), { timeout: T })
        .toMatch(/не больше 23/);
      // The refusal names the field the manager sees, not a «Час сброса» shown nowhere on this campaign.
      const refusal = (await page.getByTestId('office-problems').textContent()) ?? '';
      expect(refusal).toContain('Час начала дня акции');
      expect(refusal).not.toContain('Час сброса');
      expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the pools page makes an entry pool the pack code then offers; 50 codes are not low; banners sit in the padding (phone, dark)', async () => {
    const id = addPackCodeCampaign('pools-page-entry', false);
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'dark',
    });
    try {
      await openPools(page, id);
      // An entry pool, from the pools page (only the editor's pack-code section could make one).
      await page.locator('#pool-purpose').selectOption('entry');
      expect(await page.locator('#pool-threshold').count()).toBe(0);
      await page.locator('#pool-key').fill('shop-packs');
      await page.locator('#pool-name').fill('Коды из магазина');
      await page.getByRole('button', { name: 'Создать пул' }).click();
      await page.getByTestId('pool-shop-packs').waitFor({ timeout: T });
      expect(await page.getByTestId('pool-shop-packs').textContent()).toContain('коды с упаковок');

      // A prize pool warned at 50, filled with 50 codes: not «running low» at once, and the page says when it will be.
      await page.locator('#pool-purpose').selectOption('reward');
      await page.locator('#pool-key').fill('gifts');
      await page.locator('#pool-name').fill('Подарки');
      await page.locator('#pool-threshold').fill('50');
      await page.getByRole('button', { name: 'Создать пул' }).click();
      await page.getByTestId('pool-gifts').waitFor({ timeout: T });
      const poolId = withAppDb(
        server,
        (db) =>
          (
            db.prepare(`SELECT id FROM promo_code_pools WHERE campaign_id = ? AND key = 'gifts'`).get(id) as {
              id: number;
            }
          ).id,
      );
      await page
        .locator(
          `[data-testid="pool-upload-${poolId}"] input[type=file], input[type=file][data-testid="pool-upload-${poolId}"]`,
        )
        .setInputFiles({
          name: 'gifts.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(`code\n${Array.from({ length: 50 }, (_, i) => `GIFT-${i + 1}`).join('\n')}\n`),
        });
      const done = page.getByTestId(`pool-import-done-${poolId}`);
      await done.waitFor({ timeout: 30_000 });
      await expect.poll(() => page.getByTestId('pool-total-gifts').textContent(), { timeout: T }).toBe('50');
      expect(await page.getByTestId('pool-low-gifts').count()).toBe(0);
      expect(await page.getByTestId('pool-low-rule-gifts').textContent()).toContain('останется 5 или меньше');
      // Inside the Group's padding like the rest of the page, not from the screen's edge to edge.
      const box = await done.boundingBox();
      expect(box?.x).toBeGreaterThanOrEqual(12);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(375 - 12);
      await done.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-pools-modes-pools-phone-dark');

      // The editor's pack code offers the pool made on the pools page.
      await openEditor(page, id, 'settings.packCode.poolKey');
      await field(page, 'settings.packCode.poolKey').selectOption('shop-packs');
      expect(await field(page, 'settings.packCode.poolKey').inputValue()).toBe('shop-packs');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the add-a-pool words stay beside the button; without the «Призы» right a pool problem says who loads codes (desktop, dark)', async () => {
    const noPool = addPackCodeCampaign('pack-code-no-pool-words', false);
    const emptyPool = addPackCodeCampaign('pack-code-empty-pool', true);
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 900,
      colorScheme: 'dark',
    });
    try {
      await openEditor(page, noPool, 'settings.packCode.poolKey');
      // Both: the server's problem on the field, and what the button does, beside it.
      expect(await formItem(page, 'settings.packCode.poolKey').textContent()).toContain('Не выбран пул');
      expect(await page.getByTestId('office-pack-code-no-pool').textContent()).toContain(
        'У акции нет пула для кодов с упаковок',
      );
      expect(await page.getByTestId('office-pack-code-add-pool').count()).toBe(1);
      await page.getByTestId('office-pack-code').scrollIntoViewIfNeeded();
      await screenshot(page, 'office-pools-modes-pack-code-no-pool-desktop-dark');

      const manager = participantUrl(server, { userId: NO_PRIZES, language: 'ru' });
      await openEditor(page, emptyPool, 'settings.packCode.poolKey', manager);
      const problem = page.getByTestId('office-problem-pool_without_codes');
      await problem.waitFor({ timeout: T });
      expect(await problem.textContent()).toContain('Коды загружает сотрудник с правом «Призы»');
      // No way into the pools page the server refuses them: no chevron, no upload link, and a tap stays here.
      expect(await problem.locator('.vkuiSimpleCell__chevron, [class*="chevron"]').count()).toBe(0);
      expect(await page.getByTestId('office-pack-code-upload').count()).toBe(0);
      await problem.click();
      expect(page.url()).not.toContain('/pools');
      await problem.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-pools-modes-no-prizes-desktop-dark');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
