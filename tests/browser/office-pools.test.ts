/**
 * Issue 14, item 1 (p5) in Chromium at phone and desktop sizes: a brand admin opens a campaign's code pools in the
 * office, uploads a CSV with one bad line and sees that line's number (nothing saved, the progress bar at its end), then
 * a clean file: progress reaches done and the stock on screen grows by the file's codes.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { excelUnicodeText } from '../../server/http/testing/excel-unicode-text.ts';
import { windows1251 } from '../../server/http/testing/windows-1251.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';

let server: StartedServer;
let browser: Browser;
let campaignId: number;
let poolId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const db = new Database(join(server.dataDir, 'app.db'), { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT c.id AS campaignId, p.id AS poolId FROM campaigns c JOIN promo_code_pools p ON p.campaign_id = c.id
         WHERE c.slug = 'summer-tasks' AND p.key = 'summer15'`,
      )
      .get() as { campaignId: number; poolId: number };
    ({ campaignId, poolId } = row);
  } finally {
    db.close();
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const viewports = [
  { name: 'phone', width: 390, height: 844, mobile: true },
  { name: 'desktop', width: 1280, height: 800, mobile: false },
] as const;

const total = async (page: Page) => Number(await page.getByTestId('pool-total-summer15').textContent());

async function upload(page: Page, name: string, csv: string | Uint8Array) {
  const input = page.locator(
    `[data-testid="pool-upload-${poolId}"] input[type=file], input[type=file][data-testid="pool-upload-${poolId}"]`,
  );
  await input.setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

describe('item 1: code pools in the office', () => {
  for (const viewport of viewports) {
    it(`item 1: a CSV with one bad line shows its line number; a clean one reaches done and updates the stock (${viewport.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, { ...viewport, colorScheme: 'light' });
      try {
        await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${campaignId}/pools`);
        await page.getByTestId('pool-summer15').waitFor({ timeout: 30_000 });
        const before = await total(page);
        expect(before).toBeGreaterThan(0);

        const prefix = `${viewport.name.toUpperCase()}-NEW`;
        await upload(page, 'bad.csv', `code\n${prefix}-1\n${prefix}-2\nbad code!\n${prefix}-3\n`);
        const problems = page.getByTestId(`pool-import-errors-${poolId}`);
        await problems.waitFor({ timeout: 20_000 });
        await expect.poll(() => problems.textContent()).toMatch(/(Строка|Line) 4\b/);
        expect(await page.getByTestId(`pool-progress-${poolId}`).getAttribute('data-state')).toBe('failed');
        expect(await total(page)).toBe(before);
        await problems.scrollIntoViewIfNeeded();
        await screenshot(page, `office-pools-${viewport.name}-bad-line`);

        const codes = Array.from({ length: 300 }, (_, i) => `${prefix}-${i + 10}`);
        await upload(page, 'good.csv', `code\n${codes.join('\n')}\n`);
        await page.getByTestId(`pool-import-done-${poolId}`).waitFor({ timeout: 30_000 });
        expect(await page.getByTestId(`pool-progress-${poolId}`).getAttribute('data-state')).toBe('done');
        expect(await page.getByTestId(`pool-progress-${poolId}`).getAttribute('aria-valuenow')).toBe('100');
        await expect.poll(() => total(page), { timeout: 10_000 }).toBe(before + codes.length);
        await page.getByTestId(`pool-import-done-${poolId}`).scrollIntoViewIfNeeded();
        await screenshot(page, `office-pools-${viewport.name}-done`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('a Russian Excel file with a «Номинал» column beside its codes: the codes are added and the office says the other columns were not (found from outside: dropped without a word)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, { ...viewports[1], colorScheme: 'dark' });
    try {
      await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${campaignId}/pools`);
      await page.getByTestId('pool-summer15').waitFor({ timeout: 30_000 });
      await upload(page, 'excel.csv', windows1251('Промокод;Номинал, руб.;;\r\nEXCEL-1;500;;\r\nEXCEL-2;500;;\r\n'));
      await page.getByTestId(`pool-import-done-${poolId}`).waitFor({ timeout: 30_000 });
      const ignored = page.getByTestId(`pool-import-ignored-${poolId}`);
      await ignored.waitFor({ timeout: 10_000 });
      expect(await ignored.textContent()).toMatch(
        /Загружены только коды.*Столбцы «Номинал, руб\.» не загружены|Only the codes were uploaded.*The columns «Номинал, руб\.» were not uploaded/,
      );
      await ignored.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-pools-desktop-ignored-columns');

      // The same sheet saved as «Текст Юникод» (.txt: UTF-16, tabs) is read as the text it is.
      await upload(page, 'Лист1.txt', excelUnicodeText('Промокод\tСрок\r\nUNICODE-1\t2026-12-31\r\n'));
      await expect
        .poll(() => page.getByTestId(`pool-import-ignored-${poolId}`).textContent(), { timeout: 30_000 })
        .toMatch(/«Срок»/);
      expect(await page.getByTestId(`pool-progress-${poolId}`).getAttribute('data-state')).toBe('done');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a new pool whose key is taken is refused: the reason, in the office language, is read out as an alert and no pool is added', async () => {
    const { page, context, errors } = await openWatchedPage(browser, { ...viewports[0], colorScheme: 'dark' });
    try {
      await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${campaignId}/pools`);
      await page.getByTestId('pool-summer15').waitFor({ timeout: 30_000 });
      const pools = await page.locator('[data-testid^="pool-total-"]').count();
      await page.locator('#pool-key').fill('summer15');
      await page.locator('#pool-name').fill('Again');
      await page.getByRole('button', { name: /Создать пул|Create pool/ }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      // Worded by the refusal's code in the office's language, not the server's English message.
      expect(await alert.textContent()).toMatch(
        /^(Не получилось: у этой акции уже есть пул с таким ключом\.|That did not work: this campaign already has a pool with this key\.)$/,
      );
      expect(await page.locator('[data-testid^="pool-total-"]').count()).toBe(pools);
      await alert.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-pools-phone-key-taken');
      // The refused request itself is the one console line Chromium writes for a 4xx answer.
      expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
