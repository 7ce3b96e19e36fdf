/**
 * The brand's support library in Chromium, from the office to the participant's help screen: the community admin
 * writes a help article for one campaign and publishes it (participants of that campaign see it first on help, others
 * do not); a colleague's save over a copy someone saved meanwhile is refused with their text kept, and the saved
 * version loads in its place; a removal asks first and takes the article off the help screen. Canned answers share
 * the form (added, edited, removed). Screenshots: test-results/screenshots/office-support-library-*.png.
 */
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

const T = 15_000;
const PHONE = { width: 375, height: 812, mobile: true, colorScheme: 'light' } as const;
const DESKTOP = { width: 1280, height: 860, mobile: false, colorScheme: 'dark' } as const;
const TASKS_CAMPAIGN = 1;
const QUIZ_CAMPAIGN = 2;
const articles = (page: Page) => page.locator('[data-testid^="kb-article-"]');

/** The office's support section from a launch, then one of its library screens by its link. */
async function openLibrary(page: Page, launchUrl: string, screen: string) {
  await page.goto(launchUrl);
  await page.getByText(/Управление акциями|Manage campaigns/).click();
  await page.getByTestId('office-nav-support').click();
  await page.getByText(screen, { exact: true }).click();
  await page.getByTestId('library-form').waitFor({ timeout: T });
}

/** The help screen's article titles a participant sees in a campaign. */
async function helpArticleTitles(page: Page, campaignId: number): Promise<string[]> {
  // A fresh load each time: going to the same URL again would only change the hash of the app already open.
  await page.goto('about:blank');
  await page.goto(`${server.participantUrl}#/campaign/${campaignId}/help`);
  const panel = page.locator('.vkuiView__panelActive').last();
  await panel.locator('[data-testid="help-articles"], [data-testid="help-faq"]').first().waitFor({ timeout: T });
  // Each article's title (`article-<id>`), not its answer's buttons (`article-yes`, …).
  return panel
    .locator('[data-testid^="article-"]')
    .evaluateAll((els) =>
      els
        .filter((e) => /^article-\d+$/.test(e.getAttribute('data-testid') ?? ''))
        .map((e) => e.textContent?.trim() ?? ''),
    );
}

describe('support library in the office', () => {
  it('an article written and published in the office is on its campaign’s help screen; two editors never undo each other; removal asks first', async () => {
    const { page, context, errors } = await openWatchedPage(browser, PHONE);
    const reader = await browser.newContext({ viewport: { width: 375, height: 812 } });
    try {
      await openLibrary(page, server.adminUrl, 'База знаний');
      await page.getByTestId('library-empty').waitFor({ timeout: T });
      expect(await page.getByTestId('library-save').isDisabled()).toBe(true);

      await page.locator('#kb-title-ru').fill('Где мой промокод?');
      await page.locator('#kb-body-ru').fill('Промокод — в разделе «Награды» акции.');
      await page.locator('#kb-campaign').selectOption(String(TASKS_CAMPAIGN));
      await page.getByTestId('kb-published').click();
      await page.getByTestId('library-save').click();
      await articles(page).first().waitFor({ timeout: T });
      const id = Number((await articles(page).first().getAttribute('data-testid'))?.replace('kb-article-', ''));
      expect(await articles(page).first().textContent()).toContain('Где мой промокод?');
      // Saved, the form is a new article again.
      expect(await page.locator('#kb-title-ru').inputValue()).toBe('');
      await screenshot(page, 'office-support-library-article-phone-light');

      const participant = await reader.newPage();
      expect((await helpArticleTitles(participant, TASKS_CAMPAIGN)).join('|')).toContain('Где мой промокод?');
      expect((await helpArticleTitles(participant, QUIZ_CAMPAIGN)).join('|')).not.toContain('Где мой промокод?');

      // The agency's owner opens the same article in another tab; the admin saves a new title meanwhile.
      const colleague = await context.newPage();
      await openLibrary(colleague, `${participantUrl(server, { userId: 100004, language: 'ru' })}`, 'База знаний');
      await colleague.getByTestId(`kb-article-${id}`).click();
      await page.getByTestId(`kb-article-${id}`).click();
      expect(await page.getByTestId('library-form').textContent()).toContain('Правка статьи');
      await page.locator('#kb-title-ru').fill('Где найти промокод?');
      await page.getByTestId('library-save').click();
      await expect.poll(() => articles(page).first().textContent()).toContain('Где найти промокод?');

      await colleague.locator('#kb-body-ru').fill('Текст коллеги, который не должен пропасть.');
      await colleague.getByTestId('library-save').click();
      await colleague.getByTestId('library-stale').waitFor({ timeout: T });
      expect(await colleague.getByRole('alert').textContent()).toContain('это сохранил кто-то другой');
      expect(await colleague.locator('#kb-body-ru').inputValue()).toBe('Текст коллеги, который не должен пропасть.');
      expect(await colleague.getByTestId('library-save').isDisabled()).toBe(true);
      await screenshot(colleague, 'office-support-library-stale-phone-light');
      await colleague.getByTestId('library-load-saved').click();
      await expect.poll(() => colleague.locator('#kb-title-ru').inputValue()).toBe('Где найти промокод?');
      expect(await colleague.getByTestId('library-stale').count()).toBe(0);
      await colleague.locator('#kb-body-ru').fill('Промокод — в разделе «Награды»; он же пришёл сообщением.');
      await colleague.getByTestId('library-save').click();
      await expect.poll(() => colleague.locator('#kb-title-ru').inputValue()).toBe('');
      await colleague.close();

      // Removal asks first; cancelled, the article stays; confirmed, it leaves the office and the help screen.
      await page.reload();
      await page.getByTestId(`kb-article-${id}`).click();
      expect(await page.locator('#kb-body-ru').inputValue()).toContain('он же пришёл сообщением');
      await page.getByTestId('library-remove').click();
      await page.getByRole('button', { name: 'Отмена' }).last().click();
      await page.getByTestId('library-confirm-remove').waitFor({ state: 'detached', timeout: T });
      expect(await articles(page).count()).toBe(1);
      await page.getByTestId('library-remove').click();
      await page.getByTestId('library-confirm-remove').click();
      await page.getByTestId('library-empty').waitFor({ timeout: T });
      expect((await helpArticleTitles(participant, TASKS_CAMPAIGN)).join('|')).not.toContain('промокод');
      expect(errors).toEqual([]);
    } finally {
      await reader.close();
      await context.close();
    }
  });

  it('canned answers: added in English too, edited, Cancel starts a new one, removed (desktop, dark, English)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, DESKTOP);
    try {
      await openLibrary(
        page,
        participantUrl(server, { userId: 100002, language: 'en', role: 'admin' }),
        'Canned answers',
      );
      await page.locator('#canned-title').fill('Where is the code');
      await page.locator('#canned-body-ru').fill('{name}, ваш код: {code}.');
      await page.locator('#canned-body-en').fill('{name}, your code is {code}.');
      await page.getByTestId('library-save').click();
      const item = page.locator('[data-testid^="canned-item-"]').first();
      await item.waitFor({ timeout: T });
      await screenshot(page, 'office-support-library-canned-desktop-dark-en');

      await item.click();
      expect(await page.locator('#canned-body-en').inputValue()).toBe('{name}, your code is {code}.');
      await page.locator('#canned-title').fill('Your code');
      await page.getByTestId('library-save').click();
      await expect.poll(() => item.textContent()).toContain('Your code');
      await item.click();
      await page.getByTestId('library-cancel').click();
      expect(await page.locator('#canned-title').inputValue()).toBe('');
      expect(await page.getByTestId('library-remove').count()).toBe(0);

      await item.click();
      await page.getByTestId('library-remove').click();
      await page.getByTestId('library-confirm-remove').click();
      await page.getByTestId('library-empty').waitFor({ timeout: T });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('articles put in order in the office show in that order on the help screen; an article added meanwhile refuses the order and freshens the list', async () => {
    const { page, context, errors } = await openWatchedPage(browser, PHONE);
    const reader = await browser.newContext({ viewport: { width: 375, height: 812 } });
    try {
      await openLibrary(page, server.adminUrl, 'База знаний');
      for (const title of ['Первая', 'Вторая', 'Третья']) {
        await page.locator('#kb-title-ru').fill(title);
        await page.locator('#kb-body-ru').fill(`${title}: ответ.`);
        if (!(await page.getByTestId('kb-published').locator('input').isChecked())) {
          await page.getByTestId('kb-published').click();
        }
        await page.getByTestId('library-save').click();
        await expect.poll(() => articles(page).allTextContents()).toContainEqual(expect.stringContaining(title));
      }
      const titles = async () =>
        (await articles(page).locator('.vkuiSimpleCell__children').allTextContents()).map((t) => t.trim());
      // A new article goes last.
      expect(await titles()).toEqual(['Первая', 'Вторая', 'Третья']);
      const idOf = async (title: string) =>
        Number(
          (await articles(page).filter({ hasText: title }).getAttribute('data-testid'))?.replace('kb-article-', ''),
        );

      await page.getByTestId('kb-order').click();
      // Two moves in a row (the second is sent after the first has landed); the first row cannot go up.
      expect(await page.getByTestId(`kb-up-${await idOf('Первая')}`).isDisabled()).toBe(true);
      await page.getByTestId(`kb-up-${await idOf('Третья')}`).click();
      await page.getByTestId(`kb-down-${await idOf('Первая')}`).click();
      await expect.poll(titles).toEqual(['Третья', 'Первая', 'Вторая']);
      await screenshot(page, 'office-support-library-order-phone-light');
      const participant = await reader.newPage();
      await expect.poll(() => helpArticleTitles(participant, TASKS_CAMPAIGN)).toEqual(['Третья', 'Первая', 'Вторая']);

      // The agency's owner adds an article while the admin is ordering: the admin's next drop is refused, worded, and
      // the list on screen is the brand's list now, in which the next drop lands.
      const colleague = await context.newPage();
      await openLibrary(colleague, participantUrl(server, { userId: 100004, language: 'ru' }), 'База знаний');
      await colleague.locator('#kb-title-ru').fill('Четвёртая');
      await colleague.locator('#kb-body-ru').fill('Четвёртая: ответ.');
      await colleague.getByTestId('kb-published').click();
      await colleague.getByTestId('library-save').click();
      await expect.poll(() => articles(colleague).filter({ hasText: 'Четвёртая' }).count()).toBe(1);
      await colleague.close();

      await page.getByTestId(`kb-up-${await idOf('Вторая')}`).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('статью добавили или удалили');
      await expect.poll(titles).toEqual(['Третья', 'Первая', 'Вторая', 'Четвёртая']);
      for (let i = 0; i < 3; i++) await page.getByTestId(`kb-up-${await idOf('Четвёртая')}`).click();
      await expect.poll(titles).toEqual(['Четвёртая', 'Третья', 'Первая', 'Вторая']);
      expect(await page.getByRole('alert').count()).toBe(0);
      await page.getByTestId('kb-order-done').click();
      await expect.poll(titles).toEqual(['Четвёртая', 'Третья', 'Первая', 'Вторая']);
      await expect
        .poll(() => helpArticleTitles(participant, TASKS_CAMPAIGN))
        .toEqual(['Четвёртая', 'Третья', 'Первая', 'Вторая']);

      // Out of ordering, a tap opens the article again, and saving it keeps its place.
      await articles(page).filter({ hasText: 'Первая' }).click();
      await page.locator('#kb-body-ru').fill('Первая: ответ, исправленный.');
      await page.getByTestId('library-save').click();
      await expect.poll(() => page.locator('#kb-title-ru').inputValue()).toBe('');
      await expect.poll(titles).toEqual(['Четвёртая', 'Третья', 'Первая', 'Вторая']);
      await expect.poll(() => helpArticleTitles(participant, TASKS_CAMPAIGN)).toContain('Первая');
      // The one refused order is the browser's one logged 409.
      expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
      expect(errors).toHaveLength(1);
    } finally {
      await reader.close();
      await context.close();
    }
  });
});
