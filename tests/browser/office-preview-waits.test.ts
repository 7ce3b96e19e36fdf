/**
 * Decision 107 in Chromium: the editor's live preview is asked in the background while the brand types, so a task
 * switched to «visit a link» was sent with its address still empty, and again at every pause while it was typed
 * («example.com» has no https://): each a 422 invalid_input at tasks.N.config.url in the console, the preview silently
 * stale. A machine slow enough to pause 400 ms between two of the test's own steps made office-beta and
 * manager-launch-walk fail on it. Now the preview waits, saying for which field, and is asked once the address is one.
 * Likewise a quiz question just added: sent with its text and options empty (422 at settings.quiz.questions.5.text.ru)
 * until the last of them was typed; now it waits for each in turn, and again when no answer is marked right.
 * Desktop (light, ru) and phone (dark, en). Screenshots: test-results/screenshots/office-preview-waits-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addManager, draftFromTemplate, field } from './manager-walk.ts';

const MANAGER = 7951;
const T = 20_000;

let server: StartedServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  addManager(server, MANAGER);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Preview requests the page sends from now on. */
function previewsSent(page: Page): string[] {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (/\/preview(\?|$)/.test(new URL(r.url()).pathname + new URL(r.url()).search)) sent.push(r.postData() ?? '');
  });
  return sent;
}

/**
 * Whether the note is wholly on the screen. On a desktop the preview is a sticky column beside the form: the note
 * under its phone was past the bottom of an 860 px screen, where no scrolling brings it.
 */
async function onScreen(page: Page): Promise<boolean> {
  const box = await page.getByTestId('preview-note').boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

/** Five times the preview's debounce (PREVIEW_DEBOUNCE_MS, 400 ms): the old pane had sent its request by then. */
const pause = (page: Page) => page.waitForTimeout(2_000);

const viewports = [
  { name: 'desktop-light-ru', width: 1280, height: 860, mobile: false, colorScheme: 'light', language: 'ru' },
  { name: 'phone-dark-en', width: 375, height: 812, mobile: true, colorScheme: 'dark', language: 'en' },
] as const;

describe('the preview waits for a link being typed', () => {
  for (const vp of viewports) {
    it(`a task switched to «visit a link» sends no preview the server refuses (${vp.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, vp);
      try {
        const office = participantUrl(server, { userId: MANAGER, language: vp.language });
        // The draft's own first preview (its tasks complete), answered before the edits begin.
        const first = page.waitForResponse((r) => r.url().includes('/preview'), { timeout: 30_000 });
        await draftFromTemplate(page, office, 'tasks-reward');
        expect((await first).status()).toBe(200);
        const note = page.getByTestId('preview-note');
        const sent = previewsSent(page);

        // The brand picks «visit a link» and takes its time: nothing is sent, the pane says what it waits for.
        await field(page, 'tasks.0.kind').selectOption('visit_link');
        await pause(page);
        expect(sent).toEqual([]);
        expect(errors).toEqual([]);
        expect(await note.getAttribute('data-waits-for')).toBe('tasks.0.config.url');
        if (!vp.mobile) expect(await onScreen(page)).toBe(true);
        if (vp.mobile) await page.getByTestId('office-tab-preview').click();
        expect(await note.textContent()).toMatch(
          vp.language === 'ru' ? /Предпросмотр обновится, когда будет заполнено поле «Задание 1/ : /once “Task 1/,
        );
        await screenshot(page, `office-preview-waits-${vp.name}`);
        if (vp.mobile) await page.getByTestId('office-tab-edit').click();
        // A pause in the middle of typing the address, before «https://» is there: still nothing.
        await field(page, 'tasks.0.config.url').fill('example.com/catalogue');
        await pause(page);
        expect(sent).toEqual([]);

        // A whole address: the preview is asked (and answered) with it.
        const answered = page.waitForResponse((r) => r.url().includes('/preview'), { timeout: T });
        await field(page, 'tasks.0.config.url').fill('https://example.com/catalogue');
        expect((await answered).status()).toBe(200);
        expect(sent.map((body) => JSON.parse(body).tasks[0].config)).toEqual([
          { url: 'https://example.com/catalogue' },
        ]);
        await expect.poll(() => note.getAttribute('data-waits-for'), { timeout: T }).toBeNull();
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

describe('the preview waits for a new quiz question being written', () => {
  for (const vp of viewports) {
    it(`a question added to the quiz sends no preview the server refuses (${vp.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, vp);
      const ru = vp.language === 'ru';
      try {
        const office = participantUrl(server, { userId: MANAGER, language: vp.language });
        const first = page.waitForResponse((r) => r.url().includes('/preview'), { timeout: 30_000 });
        await draftFromTemplate(page, office, 'quiz-tiers');
        expect((await first).status()).toBe(200);
        const note = page.getByTestId('preview-note');
        const sent = previewsSent(page);
        // The template has five questions: the sixth is the new one, its text and both options empty.
        const q = 'settings.quiz.questions.5';
        const waitsFor = async (path: string) => {
          await pause(page);
          expect(errors).toEqual([]);
          expect(sent).toEqual([]);
          expect(await note.getAttribute('data-waits-for')).toBe(path);
        };

        await page
          .getByTestId('office-quiz')
          .getByRole('button', { name: ru ? 'Добавить вопрос' : 'Add a question' })
          .click();
        await waitsFor(`${q}.text`);
        // Beside the form the brand is typing in (on a phone, on the preview's tab).
        if (!vp.mobile) expect(await onScreen(page)).toBe(true);
        if (vp.mobile) await page.getByTestId('office-tab-preview').click();
        expect(await note.textContent()).toMatch(ru ? /поле «Вопрос 6»$/ : /once “Question 6” is/);
        await screenshot(page, `office-preview-waits-quiz-${vp.name}`);
        if (vp.mobile) await page.getByTestId('office-tab-edit').click();

        await field(page, `${q}.text`).fill('Какой вкус новый?');
        await waitsFor(`${q}.options.0.text`);
        await field(page, `${q}.options.0.text`).fill('Манго');
        await waitsFor(`${q}.options.1.text`);

        // Its last empty field typed: the preview is asked (and answered) with the question whole.
        const answered = page.waitForResponse((r) => r.url().includes('/preview'), { timeout: T });
        await field(page, `${q}.options.1.text`).fill('Лайм');
        expect((await answered).status()).toBe(200);
        expect(sent.map((body) => JSON.parse(body).settings.quiz.questions[5].options.length)).toEqual([2]);
        await expect.poll(() => note.getAttribute('data-waits-for'), { timeout: T }).toBeNull();

        // No right answer marked (the first one's «correct» unticked): waits again, sends nothing.
        sent.length = 0;
        await page.getByTestId('office-question-5').getByRole('checkbox').first().uncheck({ force: true });
        await waitsFor(`${q}.correct`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
