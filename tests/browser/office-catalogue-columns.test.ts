/**
 * A catalogue CSV whose header holds a column the import does not know (a misspelled «Ссылкаа»): the office's import
 * report names it, so the manager learns its data was not imported (before: dropped without a word). In Chromium, in
 * the office's language. Screenshot under test-results/screenshots/office-catalogue-columns.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windows1251 } from '../../server/http/testing/windows-1251.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';

let server: StartedServer;
let browser: Browser;
let campaignId = 0;
const T = 20_000;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const res = await fetch(`${server.baseUrl}/api/campaigns`, {
    headers: { Authorization: `VK ${new URL(server.participantUrl).search.slice(1)}` },
  });
  const { campaigns } = (await res.json()) as { campaigns: { id: number; slug: string }[] };
  campaignId = campaigns.find((c) => c.slug === 'summer-tasks')?.id ?? 0;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const fileInput = (page: Page) =>
  page.locator('[data-testid="offers-upload"] input[type=file], input[type=file][data-testid="offers-upload"]');

describe('a catalogue CSV with a column the import does not know', () => {
  it('imports the offers and the report names the column whose data was not imported (found from outside: dropped without a word)', async () => {
    expect(campaignId).toBeGreaterThan(0);
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 800,
      colorScheme: 'light',
    });
    try {
      await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${campaignId}`);
      await page.getByTestId('office-section-offers').click({ timeout: 30_000 });
      await page.waitForURL(new RegExp(`#/admin/campaign/${campaignId}/offers$`));
      // What a blank currency or link means is said where the file is picked (decision 072).
      expect(await page.locator('#offers-upload-hint').textContent()).toMatch(
        /Пустая валюта — рубли \(в YML — основная валюта магазина, rate="1"\); без ссылки и картинки акция показывается без них|A blank currency is roubles \(in YML, the shop's base currency, rate="1"\); an offer without a link or picture is shown without them/,
      );
      const csv =
        'Артикул:;Название;Цена, руб.;Ссылкаа;Окончание\r\nC-1;Сырники «Утро»;199,90;https://shop.example/c1;\r\n' +
        'C-2;Блины;99,90 р.;;31.02.2026\r\n';
      await fileInput(page).setInputFiles({
        name: 'excel.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(windows1251(csv)),
      });
      await page.getByTestId('offers-import-report').waitFor({ timeout: T });
      expect(await page.getByTestId('offers-report-added').textContent()).toBe('1');
      const ignored = page.getByTestId('offers-report-ignored');
      await ignored.waitFor({ timeout: T });
      expect(await ignored.textContent()).toMatch(
        /Не все столбцы распознаны.*Данные из столбцов «Ссылкаа» не загружены|Not every column was recognised.*The data in the columns «Ссылкаа» was not imported/,
      );
      // A date as Russian Excel writes it is read; one that is no day is refused in the office's words (decision 072).
      expect(await page.getByTestId('offers-issue-C-2').textContent()).toMatch(
        /«Окончание»: "31\.02\.2026" — не дата ДД\.ММ\.ГГГГ или ГГГГ-ММ-ДД|ends_on: "31\.02\.2026" is not a date DD\.MM\.YYYY or YYYY-MM-DD/,
      );
      await ignored.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-catalogue-columns');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("a header without the columns needed is refused and the office names every column the server knows, in its language only (found from outside: a fixed text naming only «Артикул» and «Название», then the server's English under it); the picker offers .txt", async () => {
    const { page, context, errors } = await openWatchedPage(browser, { width: 390, height: 844, colorScheme: 'dark' });
    try {
      await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${campaignId}`);
      await page.getByTestId('office-section-offers').click({ timeout: 30_000 });
      await page.waitForURL(new RegExp(`#/admin/campaign/${campaignId}/offers$`));
      await fileInput(page).setInputFiles({
        name: 'excel.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(windows1251('Код;Товар на полке\r\nT-3;Сенча\r\n')),
      });
      const issue = page.getByTestId('offers-issue-line-1');
      await issue.waitFor({ timeout: T });
      expect(await issue.textContent()).toMatch(
        /(В заголовке CSV нужны хотя бы столбцы id \/ Артикул, title \/ Название\. Столбцы, которые мы знаем: id \/ Артикул, title \/ Название, .*url \/ Ссылка|The CSV header needs at least the columns id \/ Артикул, title \/ Название\. The columns known: id \/ Артикул, .*url \/ Ссылка)/,
      );
      // Only the office's words: the server's English sentence is not repeated under them (found from outside).
      expect(await issue.textContent()).not.toMatch(/The header row needs|the columns known are/);
      await issue.scrollIntoViewIfNeeded();
      await screenshot(page, 'office-catalogue-bad-header');
      // Excel's «Текст Юникод» is a .txt: the picker offers it, as the pools' and the calendar's do.
      expect((await fileInput(page).getAttribute('accept'))?.split(',')).toContain('.txt');
      expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
