/**
 * Decision 085 in Chromium: the settings the office's editor had no field for (the hour the campaign's day starts,
 * the help screen's questions, the instant-win mode) are set, changed and cleared in it, kept after a reload, and
 * used: a help question added in the office is on the participant's help screen, a calendar mode is the prize
 * calendar's. A number past the server's bound is sent as typed and the server's refusal shows on its field (the
 * wheel's hour used to turn 24 into a 23 the brand never typed). Red before: none of these fields existed.
 * Screenshots: test-results/screenshots/office-settings-*.png.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const T = 20_000;
const TASKS_CAMPAIGN = 1;
const WHEEL_CAMPAIGN = 3;
const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);
/** The form item around a field: its label and what is written under it (a hint, or the server's problem). */
const formItem = (page: Page, path: string) => page.locator('.vkuiFormItem__host', { has: field(page, path) });
const saveState = (page: Page) => page.getByTestId('office-save-state').getAttribute('data-state');

/** One prize moment, a day ahead, of the campaign's first prize (as the prize calendar would make it). */
function addPrizeMoment(campaignId: number): void {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `INSERT INTO prize_moments (campaign_id, reward_id, at)
       SELECT campaign_id, id, ? FROM promo_rewards WHERE campaign_id = ? ORDER BY id LIMIT 1`,
    ).run(Date.now() + 86_400_000, campaignId);
  } finally {
    db.close();
  }
}

async function openEditor(page: Page, campaignId: number, path: string) {
  await page.goto('about:blank');
  await page.goto(`${server.adminUrl}#/admin/campaign/${campaignId}`);
  await field(page, path).waitFor({ timeout: T });
}

async function save(page: Page, expected: 'saved' | 'failed') {
  await page.getByTestId('office-save').click();
  await expect.poll(() => saveState(page), { timeout: T }).toBe(expected);
}

/** The questions on a campaign's help screen, as a participant in `language` reads them. */
async function helpQuestions(page: Page, campaignId: number, userId: number, language: 'ru' | 'en') {
  await page.goto('about:blank');
  await page.goto(`${participantUrl(server, { userId, language })}#/campaign/${campaignId}/help`);
  const faq = page.locator('.vkuiView__panelActive').last().getByTestId('help-faq');
  await faq.waitFor({ timeout: T });
  return (await faq.textContent()) ?? '';
}

describe('the campaign settings the editor had no field for', () => {
  it('day reset hour and help questions: set, refused past 23, kept after a reload, on the help screen, cleared (desktop, light)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 900,
      colorScheme: 'light',
    });
    const reader = await context.newPage();
    try {
      await openEditor(page, TASKS_CAMPAIGN, 'settings.resetHour');
      expect(await formItem(page, 'settings.resetHour').textContent()).toContain('обнуляются дневные лимиты');

      // 24 is sent as typed; the server refuses it and the field and the problems list say so.
      await field(page, 'settings.resetHour').fill('24');
      await save(page, 'failed');
      await expect
        .poll(() => formItem(page, 'settings.resetHour').textContent(), { timeout: T })
        .toMatch(/не больше 23/);
      expect(await page.getByTestId('office-problems').textContent()).toContain('Час начала дня акции');
      await field(page, 'settings.resetHour').fill('5');

      // A question added to those the campaign has, in Russian and in English.
      const before = await page.locator('[id^="field-settings.faq."][id$=".q"]').count();
      await page.getByTestId('office-add-faq').click();
      const at = `settings.faq.${before}`;
      await field(page, `${at}.q`).fill('Можно ли участвовать с двух аккаунтов?');
      await field(page, `${at}.a`).fill('Нет: одна страница — один участник.');
      await page.getByTestId('office-edit-language').getByText('Английский').click();
      await field(page, `${at}.q`).fill('May I take part from two accounts?');
      await field(page, `${at}.a`).fill('No: one page is one participant.');
      // One in Russian only: English is optional there, so its empty English is left out, not refused as blank.
      await page.getByTestId('office-edit-language').getByText('Русский').click();
      await page.getByTestId('office-add-faq').click();
      const next = `settings.faq.${before + 1}`;
      await field(page, `${next}.q`).fill('Где правила акции?');
      await field(page, `${next}.a`).fill('Внизу экрана акции.');
      await save(page, 'saved');
      await page.getByTestId(`office-faq-${before}`).scrollIntoViewIfNeeded();
      await screenshot(page, 'office-settings-faq-desktop-light');

      await page.reload();
      await field(page, 'settings.resetHour').waitFor({ timeout: T });
      expect(await field(page, 'settings.resetHour').inputValue()).toBe('5');
      expect(await field(page, `${at}.q`).inputValue()).toBe('Можно ли участвовать с двух аккаунтов?');
      expect(await field(page, `${at}.a`).inputValue()).toBe('Нет: одна страница — один участник.');
      expect(await field(page, `${next}.q`).inputValue()).toBe('Где правила акции?');

      expect(await helpQuestions(reader, TASKS_CAMPAIGN, 8501, 'ru')).toContain(
        'Можно ли участвовать с двух аккаунтов?',
      );
      const english = await helpQuestions(reader, TASKS_CAMPAIGN, 8502, 'en');
      expect(english).toContain('May I take part from two accounts?');
      // Russian is every text's fallback (decision 017).
      expect(english).toContain('Где правила акции?');

      // Cleared: the hour back to the server's midnight (empty), the question off the help screen.
      await field(page, 'settings.resetHour').fill('');
      await page
        .getByTestId(`office-faq-${before + 1}`)
        .getByText('Удалить вопрос')
        .click();
      await page.getByTestId(`office-faq-${before}`).getByText('Удалить вопрос').click();
      await save(page, 'saved');
      await page.reload();
      await field(page, 'settings.resetHour').waitFor({ timeout: T });
      expect(await field(page, 'settings.resetHour').inputValue()).toBe('');
      expect(await page.locator('[id^="field-settings.faq."][id$=".q"]').count()).toBe(before);
      const cleared = await helpQuestions(reader, TASKS_CAMPAIGN, 8503, 'ru');
      expect(cleared).not.toContain('двух аккаунтов');
      expect(cleared).not.toContain('Где правила акции?');
      // The one refusal above (resetHour 24) is the 422 the console names.
      expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("instant-win mode: the calendar chosen is the prize calendar's, kept after a reload, back to the odds; the wheel's hour 24 is refused (phone, dark)", async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 375,
      height: 812,
      mobile: true,
      colorScheme: 'dark',
    });
    try {
      await openEditor(page, WHEEL_CAMPAIGN, 'settings.instantWin.mode');
      expect(await field(page, 'settings.instantWin.mode').inputValue()).toBe('odds');
      // A wheel campaign's day starts at the wheel's hour: one field for it, in the wheel's section.
      expect(await field(page, 'settings.resetHour').count()).toBe(0);

      // The wheel's hour past 23 is refused on its field (it became 23 silently before).
      await field(page, 'settings.wheel.resetHour').fill('24');
      expect(await field(page, 'settings.wheel.resetHour').inputValue()).toBe('24');
      await save(page, 'failed');
      await expect
        .poll(() => formItem(page, 'settings.wheel.resetHour').textContent(), { timeout: T })
        .toMatch(/не больше 23/);
      await field(page, 'settings.wheel.resetHour').fill('6');

      await field(page, 'settings.instantWin.mode').selectOption('calendar');
      expect(await formItem(page, 'settings.instantWin.mode').textContent()).toContain('Без моментов в календаре');
      // A live wheel with no moment would never give a prize: the revision is refused at the mode (decision 089).
      await save(page, 'failed');
      await expect
        .poll(() => formItem(page, 'settings.instantWin.mode').textContent(), { timeout: T })
        .toContain('В календаре призов нет ни одного момента');
      addPrizeMoment(WHEEL_CAMPAIGN);
      await page.getByTestId('office-save').click();
      await expect.poll(() => saveState(page), { timeout: T }).toBe('saved');
      await field(page, 'settings.instantWin.mode').scrollIntoViewIfNeeded();
      await screenshot(page, 'office-settings-instant-win-phone-dark');

      await page.reload();
      await field(page, 'settings.instantWin.mode').waitFor({ timeout: T });
      expect(await field(page, 'settings.instantWin.mode').inputValue()).toBe('calendar');
      expect(await field(page, 'settings.wheel.resetHour').inputValue()).toBe('6');
      // The prize calendar reads the mode the server keeps.
      await page.getByTestId('office-section-calendar').click();
      await expect
        .poll(() => page.getByTestId('calendar-mode-banner').textContent(), { timeout: T })
        .toMatch(/по календарю/);

      await openEditor(page, WHEEL_CAMPAIGN, 'settings.instantWin.mode');
      await field(page, 'settings.instantWin.mode').selectOption('odds');
      await save(page, 'saved');
      await page.reload();
      await field(page, 'settings.instantWin.mode').waitFor({ timeout: T });
      expect(await field(page, 'settings.instantWin.mode').inputValue()).toBe('odds');
      await page.getByTestId('office-section-calendar').click();
      await expect
        .poll(() => page.getByTestId('calendar-mode-banner').textContent(), { timeout: T })
        .toMatch(/решают шансы/);
      expect(errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
