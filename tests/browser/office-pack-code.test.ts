/**
 * The pack code's settings in the office's editor, in Chromium: which entry pool holds the codes printed in the packs
 * and the weight of losing had no field (`settings.packCode`), so a brand could neither move the codes to another pool
 * nor set the odds without the agency editing data. Now the brand chooses the pool among the campaign's entry pools,
 * sets the weight of losing with each chance in the office's percent, saves, reloads and finds them kept, and a
 * participant entering a code of the chosen pool plays (one of the former pool is no code any more). A campaign with
 * no entry pool is told so and gets one added; one switched to the prize calendar with no moment is told so at the mode
 * and led to the calendar. Red before: no such section. Screenshots:
 * test-results/screenshots/office-pack-code-*.png.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY_OWNER_VK_ID } from '../../server/seed/demo-ids.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

let server: StartedServer;
let browser: Browser;
const T = 20_000;

/**
 * A pack-code campaign in odds mode beside the demo ones, with two entry pools of codes (`A-…`, `B-…`), the settings
 * naming the first, and one prize; `status` live or draft, and with no pool at all when `pools` is false.
 */
function addPackCodeCampaign(slug: string, status: 'live' | 'draft', pools = true): number {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const { id } = db
      .prepare(
        `INSERT INTO campaigns (brand_id, app_id, community_id, slug, title, description, mechanic, status, starts_at,
           ends_at, time_zone, translations, settings, stages)
         SELECT brand_id, app_id, community_id, ?, 'Код из упаковки', 'Введите код из упаковки', 'code', ?,
           starts_at, ends_at, time_zone, ?, ?, ? FROM campaigns WHERE slug = 'summer-tasks' RETURNING id`,
      )
      .get(
        slug,
        status,
        JSON.stringify({ en: { title: 'Code from the pack', description: 'Enter the code from your pack' } }),
        JSON.stringify(pools ? { packCode: { poolKey: 'packs-a', loseWeight: 3 } } : {}),
        JSON.stringify(['opened', 'attempt', 'reward_issued']),
      ) as { id: number };
    if (pools) {
      for (const letter of ['a', 'b']) {
        const pool = db
          .prepare(
            `INSERT INTO promo_code_pools (campaign_id, key, name, purpose) VALUES (?, ?, ?, 'entry') RETURNING id`,
          )
          .get(id, `packs-${letter}`, `Упаковки ${letter.toUpperCase()}`) as { id: number };
        const code = db.prepare('INSERT INTO promo_pool_codes (pool_id, code) VALUES (?, ?)');
        for (let i = 1; i <= 5; i++) code.run(pool.id, `${letter.toUpperCase()}-${id}-${i}`);
      }
    }
    db.prepare(
      `INSERT INTO promo_rewards (campaign_id, key, title, description, how_to_use, translations, unlock, weight, stock)
       VALUES (?, 'mug', 'Кружка', 'Фирменная кружка', 'Покажите экран на кассе', ?, '{"code":true}', 1, 100)`,
    ).run(id, JSON.stringify({ en: { title: 'Mug', description: 'A branded mug', howToUse: 'Show this screen' } }));
    return id;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);
const formItem = (page: Page, path: string) => page.locator('.vkuiFormItem__host', { has: field(page, path) });
const saveState = (page: Page) => page.getByTestId('office-save-state').getAttribute('data-state');

async function openEditor(page: Page, campaignId: number, language: 'ru' | 'en' = 'ru') {
  const office =
    language === 'ru' ? server.adminUrl : participantUrl(server, { userId: DEMO_AGENCY_OWNER_VK_ID, language });
  await page.goto('about:blank');
  await page.goto(`${office}#/admin/campaign/${campaignId}`);
  await field(page, 'settings.packCode.poolKey').waitFor({ timeout: T });
}

async function save(page: Page) {
  await page.getByTestId('office-save').click();
  await expect.poll(() => saveState(page), { timeout: T }).toBe('saved');
}

async function playCode(page: Page, code: string) {
  await page.getByTestId('pack-code-input').fill(code);
  await page.getByTestId('pack-code-play').click();
}

describe('the pack code in the office editor', () => {
  it('pool and weight of losing: chosen, odds in percent, saved, kept after a reload, played by a participant (desktop, light)', async () => {
    const id = addPackCodeCampaign('pack-code-office', 'live');
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 900,
      colorScheme: 'light',
    });
    const participant = await context.newPage();
    try {
      await openEditor(page, id);
      const section = page.getByTestId('office-pack-code');
      expect(await field(page, 'settings.packCode.poolKey').inputValue()).toBe('packs-a');
      expect(await field(page, 'settings.packCode.loseWeight').inputValue()).toBe('3');
      // The prize is won by a code (it read «За задания», the first choice, while no choice was a code's).
      expect(await field(page, 'rewards.0.unlock').inputValue()).toBe('code');
      // The mug's weight 1 beside losing's 3: a chance in four, in the office's percent (percent-text.ts).
      expect(await section.getByTestId('office-pack-code-chance-mug').textContent()).toMatch(/шанс 25,0\s%/);
      expect(await section.getByTestId('office-pack-code-chance-lose').textContent()).toMatch(/шанс 75,0\s%/);

      await field(page, 'settings.packCode.poolKey').selectOption('packs-b');
      await field(page, 'settings.packCode.loseWeight').fill('0');
      expect(await section.getByTestId('office-pack-code-chance-mug').textContent()).toMatch(/шанс 100,0\s%/);
      await save(page);
      await section.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-pack-code-desktop-light');

      await page.reload();
      await field(page, 'settings.packCode.poolKey').waitFor({ timeout: T });
      expect(await field(page, 'settings.packCode.poolKey').inputValue()).toBe('packs-b');
      expect(await field(page, 'settings.packCode.loseWeight').inputValue()).toBe('0');

      // A code of the chosen pool plays (and, losing weighing nothing, wins); one of the former pool is no code now.
      await participant.goto(`${participantUrl(server, { userId: 430_001, language: 'ru' })}#/campaign/${id}`);
      await participant.getByTestId('pack-code-input').waitFor({ timeout: T });
      await playCode(participant, `A-${id}-1`);
      await participant.getByTestId('pack-code-error').waitFor({ timeout: T });
      await playCode(participant, `B-${id}-1`);
      await participant.getByTestId('code-win').waitFor({ timeout: T });
      expect(errors.filter((e) => !/404|409|422|Not Found|Conflict|Unprocessable/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a campaign with no entry pool is told so and gets one added, chosen and kept; calendar mode without moments is refused at its field (phone, dark, English office)', async () => {
    const id = addPackCodeCampaign('pack-code-no-pool', 'draft', false);
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'dark',
    });
    try {
      await openEditor(page, id, 'en');
      // The server's problem on the field it names (it was at `settings.packCode`, which no field showed).
      expect(await formItem(page, 'settings.packCode.poolKey').textContent()).toContain(
        'No pool of pack codes is chosen',
      );
      await page.getByTestId('office-pack-code-add-pool').click();
      expect(await field(page, 'settings.packCode.poolKey').inputValue()).toBe('packs-1');
      await save(page);
      await page.reload();
      await field(page, 'settings.packCode.poolKey').waitFor({ timeout: T });
      expect(await field(page, 'settings.packCode.poolKey').inputValue()).toBe('packs-1');
      // Saved and still empty: where to upload its codes (an empty pool is told from a used-up one, decision 104).
      expect(await formItem(page, 'settings.packCode.poolKey').textContent()).toContain(
        'No codes are loaded into the pool',
      );
      await page.getByTestId('office-pack-code').scrollIntoViewIfNeeded();
      await screenshot(page, 'office-pack-code-phone-dark');
      await page.getByTestId('office-pack-code-upload').click();
      await expect.poll(() => page.url(), { timeout: T }).toContain(`/admin/campaign/${id}/pools`);

      // The prize calendar with no moment: the launch's problem on the mode's field, and the way to the calendar.
      await openEditor(page, id, 'en');
      await field(page, 'settings.instantWin.mode').selectOption('calendar');
      await save(page);
      await expect
        .poll(() => formItem(page, 'settings.instantWin.mode').textContent(), { timeout: T })
        .toContain('The prize calendar has no moments: nobody would win');
      expect(await page.getByTestId('office-problem-calendar_without_moments').textContent()).toContain(
        'Error · What decides whether a play wins',
      );
      await page.getByTestId('office-instant-win-calendar').click();
      await expect.poll(() => page.url(), { timeout: T }).toContain(`/admin/campaign/${id}/calendar`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
