/**
 * Decision 099 in Chromium, as a manager walking the office met it:
 * - the office home names a pool as the manager named it, and one with no code loaded yet says so, not «мало кодов»
 *   (it read «Мало кодов: packs — 0 из 0»);
 * - a pool problem in the editor names the pool, not its key (it read «В пуле «packs» нет свободных кодов»);
 * - a wheel whose losing sector's weight is set to 0 is not warned that its weights add up to 40, not 100 (the chances
 *   are shares of the sum, and the section shows them).
 * Red before: each of the three. Screenshot: test-results/screenshots/office-pool-names-*.png.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';

const T = 20_000;
const WHEEL_CAMPAIGN = 3;

let server: StartedServer;
let browser: Browser;

/** A pack-code draft (a copy of `summer-tasks`) with an entry pool `packs` named «Упаковки», no code loaded. */
function addPackCodeDraft(): number {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    const { id } = db
      .prepare(
        `INSERT INTO campaigns (brand_id, app_id, community_id, slug, title, description, mechanic, status,
           starts_at, ends_at, time_zone, translations, settings, stages)
         SELECT brand_id, app_id, community_id, 'pool-names', 'Коды с упаковок', description, 'code', 'draft',
           starts_at, ends_at, time_zone, translations, ?, stages FROM campaigns WHERE slug = 'summer-tasks'
         RETURNING id`,
      )
      .get(JSON.stringify({ packCode: { poolKey: 'packs', loseWeight: 1 } })) as { id: number };
    db.prepare(
      `INSERT INTO promo_code_pools (campaign_id, key, name, purpose) VALUES (?, 'packs', 'Упаковки', 'entry')`,
    ).run(id);
    db.prepare(
      `INSERT INTO promo_rewards (campaign_id, key, title, description, how_to_use, translations, unlock, weight, stock)
       VALUES (?, 'mug', 'Кружка', 'Фирменная кружка', 'Покажите экран', '{}', '{"code":true}', 1, 100)`,
    ).run(id);
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
const office = () => server.adminUrl.split('#')[0];

describe('the office names pools and says low only when it is', () => {
  it('home and problems name the pool; no codes loaded is not low; a wheel without losing is no problem (phone, light)', async () => {
    const id = addPackCodeDraft();
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'light',
    });
    try {
      await page.goto(`${office()}#/admin`);
      const cell = page.getByTestId(`office-campaign-${id}`);
      await cell.waitFor({ timeout: T });
      expect(await cell.textContent()).toContain('Коды не загружены: Упаковки');
      expect(await cell.textContent()).not.toContain('packs');
      expect(await cell.getByTestId('office-low-stock').count()).toBe(0);
      await cell.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-pool-names-home-phone-light');

      await page.goto(`${office()}#/admin/campaign/${id}`);
      const problem = page.getByTestId('office-problem-pool_without_codes');
      await problem.waitFor({ timeout: T });
      expect(await problem.textContent()).toContain('В пул «Упаковки» ещё не загружены коды: загрузите их');

      await page.goto('about:blank');
      await page.goto(`${office()}#/admin/campaign/${WHEEL_CAMPAIGN}`);
      await field(page, 'settings.wheel.loseWeight').waitFor({ timeout: T });
      await field(page, 'settings.wheel.loseWeight').fill('0');
      await page.getByTestId('office-save').click();
      await expect
        .poll(() => page.getByTestId('office-save-state').getAttribute('data-state'), { timeout: T })
        .toBe('saved');
      expect(await page.getByTestId('office-sector-lose').textContent()).toMatch(/шанс 0/);
      // No problem about the weights' sum, by its code or in words.
      await page.getByTestId('office-problems').waitFor({ timeout: T });
      expect(await page.locator('[data-testid^="office-problem-wheel_odds"]').count()).toBe(0);
      expect(await page.getByTestId('office-problems').textContent()).not.toContain('в сумме');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
