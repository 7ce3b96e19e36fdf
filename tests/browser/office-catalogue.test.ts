/**
 * Issue 17, p9 item 3: the offer catalogue in the office, in Chromium at desktop and phone sizes. A brand admin opens
 * the campaign's catalogue from the editor's sections, is refused a file over 8 MB before anything is sent, uploads
 * the retailer's YML feed with bad offers and sees each one's line, id and reason in the report, sees the offers with
 * their status; uploads the next day's feed and sees the updated/added/ended counts and the ended offer. A participant
 * then opens the campaign and follows its Offers link into the catalogue. A CSV as Russian Excel saves it
 * (Windows-1251, `;`) lists its offers in Cyrillic (decision 060); a YML feed is read in the encoding it declares, and
 * one declaring KOI8-R is refused before sending (decision 063). Screenshots under
 * test-results/screenshots/office-catalogue-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windows1251 } from '../../server/http/testing/windows-1251.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

let server: StartedServer;
let browser: Browser;
const campaignIds = new Map<string, number>();
const T = 20_000;

/** A fixture feed, live whenever the test runs and with no pictures (no network here). */
const feed = (name: string) =>
  readFileSync(new URL(`../../server/catalogue/testing/${name}`, import.meta.url), 'utf8')
    .replace('2026-06-05', '2099-12-31')
    // S-1 starts later: an upcoming offer in the list.
    .replace('2026-06-03', '2099-01-01')
    .replace(/<picture>[^<]*<\/picture>/g, '');
const FEED = feed('retailer-feed.xml');
const FEED_UPDATE = feed('retailer-feed-update.xml');

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const res = await fetch(`${server.baseUrl}/api/campaigns`, {
    headers: { Authorization: `VK ${new URL(server.participantUrl).search.slice(1)}` },
  });
  const { campaigns } = (await res.json()) as { campaigns: { id: number; slug: string }[] };
  for (const c of campaigns) campaignIds.set(c.slug, c.id);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const active = (page: Page) => page.locator('.vkuiView__panelActive').last();
const fileInput = (page: Page) =>
  page.locator('[data-testid="offers-upload"] input[type=file], input[type=file][data-testid="offers-upload"]');
const count = async (page: Page, key: string) => Number(await page.getByTestId(`offers-report-${key}`).textContent());

const viewports = [
  { name: 'desktop', width: 1280, height: 800, mobile: false, colorScheme: 'light', slug: 'summer-tasks' },
  { name: 'phone', width: 390, height: 844, mobile: true, colorScheme: 'dark', slug: 'brand-quiz' },
] as const;

describe('offer catalogue in the office', () => {
  for (const v of viewports) {
    it(`item 3: a brand admin uploads a YML feed, sees the bad offers by id and reason, the list, then the update's counts; a participant follows the Offers link (${v.name})`, async () => {
      const id = campaignIds.get(v.slug) as number;
      expect(id).toBeGreaterThan(0);
      const { page, context, errors } = await openWatchedPage(browser, v);
      const imports: string[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith(`/api/admin/campaigns/${id}/offers/import`)) imports.push(r.method());
      });
      try {
        await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${id}`);
        await page.getByTestId('office-section-offers').click({ timeout: 30_000 });
        await page.waitForURL(new RegExp(`#/admin/campaign/${id}/offers$`));
        await active(page)
          .getByText(/Акций пока нет|No offers yet/)
          .waitFor({ timeout: T });

        // Over 8 MB: refused in the browser, nothing sent.
        await fileInput(page).setInputFiles({
          name: 'huge.xml',
          mimeType: 'text/xml',
          buffer: Buffer.alloc(8 * 1024 * 1024 + 1, 0x20),
        });
        await expect
          .poll(() => page.getByTestId('offers-upload-failed').textContent(), { timeout: T })
          .toMatch(/8 МБ|8 MB/);
        expect(imports).toEqual([]);

        // The feed: three good offers, a bad price, an offer without id, a repeated id.
        await fileInput(page).setInputFiles({ name: 'lavka.xml', mimeType: 'text/xml', buffer: Buffer.from(FEED) });
        await page.getByTestId('offers-import-report').waitFor({ timeout: T });
        expect(imports).toEqual(['POST']);
        expect(await count(page, 'added')).toBe(3);
        expect(await count(page, 'ended')).toBe(0);
        const bad = await page.getByTestId('offers-issue-BAD-PRICE').textContent();
        expect(bad).toMatch(/(Строка|Line) 40/);
        expect(bad).toMatch(/(Акция|Offer) BAD-PRICE/);
        expect(bad).toMatch(/«Цена»: "бесплатно" — не число|price: "бесплатно" is not a number/);
        expect(bad).toContain('"бесплатно"');
        expect(await page.getByTestId('offers-issue-line-44').textContent()).toMatch(/Неверный id|Bad id/);
        expect(await page.getByTestId('offers-issue-T-1').textContent()).toMatch(/(Строка|Line) 48/);
        await page.getByTestId('office-offer-T-2').waitFor({ timeout: T });
        expect(await page.getByTestId('office-offer-T-1').textContent()).toMatch(/299,90|299\.90/);
        expect(await page.getByTestId('office-offer-S-1').getAttribute('data-status')).toBe('scheduled');
        expect(await page.getByTestId('office-offer-S-1').textContent()).toMatch(/−30\u00a0?%/);
        await page.getByTestId('offers-import-report').scrollIntoViewIfNeeded();
        await screenshot(page, `office-catalogue-${v.name}-report`);
        await page.getByTestId('office-offers').scrollIntoViewIfNeeded();
        await screenshot(page, `office-catalogue-${v.name}-offers`);

        // The next day's feed: T-1 cheaper, G-2 new, T-2 gone (ended), S-1 refused (kept as it was).
        await fileInput(page).setInputFiles({
          name: 'lavka-update.yml',
          mimeType: 'application/xml',
          buffer: Buffer.from(FEED_UPDATE),
        });
        await expect.poll(() => count(page, 'ended'), { timeout: T }).toBe(1);
        expect(await count(page, 'updated')).toBe(1);
        expect(await count(page, 'added')).toBe(1);
        expect(await page.getByTestId('offers-issue-S-1').textContent()).toMatch(/(Строка|Line) 23/);
        await expect
          .poll(() => page.getByTestId('office-offer-T-2').getAttribute('data-status'), { timeout: T })
          .toBe('ended');
        expect(await page.getByTestId('office-offer-T-1').textContent()).toMatch(/249,90|249\.90/);
        await page.getByTestId('office-offers-tab-ended').click();
        await page.getByTestId('office-offer-G-2').waitFor({ state: 'detached', timeout: T });
        await page.getByTestId('office-offer-T-2').scrollIntoViewIfNeeded();
        await screenshot(page, `office-catalogue-${v.name}-update`);

        // Back to the campaign editor.
        await active(page)
          .getByRole('button', { name: /Назад|Back/ })
          .first()
          .click();
        await page.waitForURL(new RegExp(`#/admin/campaign/${id}$`));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }

      // A participant opens the campaign and follows its Offers link.
      const participant = await openWatchedPage(browser, v);
      try {
        const p = participant.page;
        await p.goto(`${participantUrl(server, { userId: 418_000 + v.width, language: 'ru' })}#/campaign/${id}`);
        await active(p).getByTestId('campaign-offers').scrollIntoViewIfNeeded({ timeout: T });
        await screenshot(p, `office-catalogue-${v.name}-campaign-link`);
        await active(p).getByTestId('campaign-offers').click({ timeout: T });
        await p.waitForURL(new RegExp(`#/campaign/${id}/offers$`));
        await active(p).getByText('Улун молочный').waitFor({ timeout: T });
        await active(p).getByText('Матча').waitFor({ timeout: T });
        expect(await active(p).getByText('Сенча').count()).toBe(0);
        await screenshot(p, `office-catalogue-${v.name}-participant`);
        expect(participant.errors).toEqual([]);
      } finally {
        await participant.context.close();
      }
    });
  }

  it('a CSV Russian Excel saved (Windows-1251, `;`) lists its offers in Cyrillic (found from outside: U+FFFD)', async () => {
    const id = campaignIds.get('summer-tasks') as number;
    const { page, context, errors } = await openWatchedPage(browser, viewports[0]);
    try {
      await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${id}`);
      await page.getByTestId('office-section-offers').click({ timeout: 30_000 });
      await page.waitForURL(new RegExp(`#/admin/campaign/${id}/offers$`));
      const csv = 'id;title;price\r\nX-1;Сырники «Утро»;199,90\r\nX-2;Ёжик в тумане;350\r\n';
      await fileInput(page).setInputFiles({
        name: 'excel.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(windows1251(csv)),
      });
      await page.getByTestId('offers-import-report').waitFor({ timeout: T });
      expect(await count(page, 'added')).toBe(2);
      await expect
        .poll(() => page.getByTestId('office-offer-X-1').textContent(), { timeout: T })
        .toContain('Сырники «Утро»');
      expect(await page.getByTestId('office-offer-X-2').textContent()).toContain('Ёжик в тумане');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a YML feed declaring windows-1251 lists its offers in Cyrillic; one declaring KOI8-R is refused naming it, nothing imported (found from outside: read as Windows-1251, titles stored as other letters)', async () => {
    const id = campaignIds.get('summer-tasks') as number;
    const { page, context, errors } = await openWatchedPage(browser, viewports[0]);
    const yml = (encoding: string, offerId: string, title: string) =>
      `<?xml version="1.0" encoding="${encoding}"?>\n<yml_catalog><shop><offers><offer id="${offerId}">` +
      `<name>${title}</name><price>99</price></offer></offers></shop></yml_catalog>\n`;
    const koi8 = new TextDecoder('koi8-r').decode(Uint8Array.from({ length: 256 }, (_, i) => i));
    const koi8r = (text: string) => Buffer.from([...text].map((ch) => koi8.indexOf(ch)));
    try {
      await page.goto(`${server.adminUrl.split('#')[0]}#/admin/campaign/${id}`);
      await page.getByTestId('office-section-offers').click({ timeout: 30_000 });
      await page.waitForURL(new RegExp(`#/admin/campaign/${id}/offers$`));
      await fileInput(page).setInputFiles({
        name: 'old-feed.xml',
        mimeType: 'text/xml',
        buffer: koi8r(yml('KOI8-R', 'K-1', 'Квас хлебный')),
      });
      const refused = page.getByTestId('offers-issue-line-1');
      await refused.waitFor({ timeout: T });
      expect(await page.getByTestId('offers-upload-refused').isVisible()).toBe(true);
      expect(await refused.textContent()).toContain('"koi8-r"');
      expect(await page.getByTestId('office-offer-K-1').count()).toBe(0);

      await fileInput(page).setInputFiles({
        name: 'feed.xml',
        mimeType: 'text/xml',
        buffer: Buffer.from(windows1251(yml('windows-1251', 'W-1', 'Морс «Клюква»'))),
      });
      await page.getByTestId('offers-import-report').waitFor({ timeout: T });
      await expect
        .poll(() => page.getByTestId('office-offer-W-1').textContent(), { timeout: T })
        .toContain('Морс «Клюква»');
      expect(await page.getByTestId('office-offer-K-1').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
