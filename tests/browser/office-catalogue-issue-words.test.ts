/**
 * A catalogue file's skipped offers are said in the office's language only (decision 083): the reason names the field
 * and the value as written, and the server's English sentence is no longer shown under the Russian one (before: «Цена
 * не число» with `price "бесплатно" is not a price` under it, since only the English named the value). A CSV holding
 * only its header is refused saying so (before: "no usable offer" and no issue to point at). A price not below the old
 * one and an end before the start name both cells (decision 087; before: «Цена не ниже старой», no values). In Chromium, the office as
 * it starts. Screenshot under test-results/screenshots/office-catalogue-issue-words.png.
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

async function openCatalogue(page: Page) {
  await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${campaignId}`);
  await page.getByTestId('office-section-offers').click({ timeout: 30_000 });
  await page.waitForURL(new RegExp(`#/admin/campaign/${campaignId}/offers$`));
}

const upload = (page: Page, csv: string) =>
  fileInput(page).setInputFiles({ name: 'excel.csv', mimeType: 'text/csv', buffer: Buffer.from(windows1251(csv)) });

/** The server's English messages of these problems: none may show in the office. */
const ENGLISH =
  /is not a price|is not a 3-letter code|must be a whole number|is not a URL|must be an http|prices make|must be below|is before/;

describe('catalogue import problems in the office words', () => {
  it('each skipped offer names its field and value in the office language, with no English under it', async () => {
    expect(campaignId).toBeGreaterThan(0);
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 800,
      colorScheme: 'light',
    });
    try {
      await openCatalogue(page);
      await upload(
        page,
        'Артикул;Название;Цена;Старая цена;Скидка;Валюта;Ссылка;Начало;Окончание\r\n' +
          'W-1;Сырники;199,90;;;;;;\r\n' +
          'W-2;Блины;бесплатно;;;;;;\r\n' +
          'W-3;Оладьи;100;;;доллар;;;\r\n' +
          'W-4;Вафли;;;120;;;;\r\n' +
          'W-5;Пончики;50;100;20;;;;\r\n' +
          'W-6;Кекс;100;;;;ftp://shop.example/6;;\r\n' +
          'W-7;Торт;1 299,00 р.;999;;;;;\r\n' +
          'W-8;Пирог;100;;;;;31.12.2026;01.12.2026\r\n',
      );
      await page.getByTestId('offers-import-report').waitFor({ timeout: T });
      const text = async (id: string) => (await page.getByTestId(`offers-issue-${id}`).textContent()) ?? '';
      expect(await text('W-2')).toMatch(/«Цена»: "бесплатно" — не число|price: "бесплатно" is not a number/);
      expect(await text('W-3')).toMatch(
        /Валюта "доллар" — не трёхбуквенный код|The currency "доллар" is not a 3-letter/,
      );
      expect(await text('W-4')).toMatch(/Скидка "120" — не целое число|The discount "120" is not a whole number/);
      expect(await text('W-5')).toMatch(/Скидка 20 %, а по цене и старой цене выходит 50 %|The discount is 20%/);
      expect(await text('W-6')).toMatch(
        /«Ссылка»: "ftp:\/\/shop\.example\/6" — не ссылка|url: "ftp:\/\/shop\.example\/6" is not/,
      );
      // Two cells compared: both named as the file wrote them (before: «Цена не ниже старой», no values).
      expect(await text('W-7')).toMatch(
        /Цена 1 299,00 р\. не ниже старой цены 999|The price 1 299,00 р\. is not below the old price 999/,
      );
      expect(await text('W-8')).toMatch(
        /Конец 01\.12\.2026 раньше начала 31\.12\.2026|It ends on 01\.12\.2026, before it starts on 31\.12\.2026/,
      );
      const all = (await page.getByTestId('offers-import-issues').textContent()) ?? '';
      expect(all).not.toMatch(ENGLISH);
      await page.getByTestId('offers-import-issues').scrollIntoViewIfNeeded();
      await screenshot(page, 'office-catalogue-issue-words');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a CSV holding only its header is refused saying there are no offers under it', async () => {
    const { page, context, errors } = await openWatchedPage(browser, { width: 390, height: 844, colorScheme: 'dark' });
    try {
      await openCatalogue(page);
      await upload(page, 'Артикул;Название;Цена\r\n;;\r\n');
      const issue = page.getByTestId('offers-issue-line-0');
      await issue.waitFor({ timeout: T });
      expect(await issue.textContent()).toMatch(
        /В файле только заголовок: под ним нет ни одной строки с акцией|The file holds only a header: there is no offer line under it/,
      );
      expect(await issue.textContent()).toMatch(/Файл целиком|The whole file/);
      expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
