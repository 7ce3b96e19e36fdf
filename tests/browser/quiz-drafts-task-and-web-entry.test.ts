/**
 * Quiz drafts (miniapp/screens/promo/quiz-draft.ts) where the first reload test (quiz-resumes-after-reload) did not go:
 * - a quiz TASK of a tasks campaign survives a reload: the same question, the same choices;
 * - once the server accepted its answers the draft is gone, though the refresh after them never finished (held here,
 *   then the page reloaded): the task, failed with attempts left, offered the sent choices again;
 * - the web entry (VK ID, an HTTP-only session cookie) keeps a draft through a reload too, per person: another VK user
 *   signing in in the same browser starts afresh, and the first one comes back to theirs. It started over on reload.
 * Phone light in Russian, desktop dark in English.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkId, startFakeVkId } from '../fakes/vk-id.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { watchPageErrors } from './page-errors.ts';

const VK_ID_APP = '52000001';
const T = 20_000;
let server: StartedServer;
let fake: FakeVkId;
let browser: Browser;
let tasksId: number;

const options = (ids: string[]) => ids.map((id) => ({ id, text: { ru: `Ответ ${id}`, en: `Answer ${id}` } }));
const question = (id: string, multiple: boolean, correct: string[]) => ({
  id,
  text: { ru: `Вопрос задания ${id}`, en: `Task question ${id}` },
  multiple,
  points: 1,
  options: options(['a', 'b', 'c']),
  correct,
});
/** Three questions, all to be right, three attempts: a wrong send leaves the task failed with attempts left. */
const QUIZ_TASK = {
  key: 'know-us-well',
  kind: 'quiz',
  title: { ru: 'Тест о бренде', en: 'Brand test' },
  description: { ru: '', en: '' },
  attemptsGranted: 0,
  position: 99,
  config: {
    passScore: 3,
    maxAttempts: 3,
    questions: [question('t1', false, ['a']), question('t2', true, ['a', 'b']), question('t3', false, ['c'])],
  },
};

async function adminApi<R>(method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: {
      Authorization: `VK ${new URL(server.adminUrl).search.slice(1)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as R;
}

beforeAll(async () => {
  fake = await startFakeVkId({ clientId: VK_ID_APP });
  server = await startServerLikeReadme({ env: { VK_ID_APP_ID: VK_ID_APP, VK_ID_BASE_URL: fake.url } });
  browser = await launchChromium();
  const list = await adminApi<{ campaigns: { id: number; slug: string }[] }>('GET', '/api/campaigns');
  tasksId = list.campaigns.find((c) => c.slug === 'summer-tasks')?.id as number;
  // biome-ignore lint/suspicious/noExplicitAny: the office document, sent back with one task more.
  const { document } = await adminApi<{ document: any }>('GET', `/api/admin/campaigns/${tasksId}`);
  await adminApi('PUT', `/api/admin/campaigns/${tasksId}`, { ...document, tasks: [...document.tasks, QUIZ_TASK] });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

const combos = [
  { name: 'phone-light', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru', user: 397_001 },
  { name: 'desktop-dark', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en', user: 397_011 },
] as const;

const position = (page: Page) =>
  page
    .locator('.vkuiView__panelActive')
    .last()
    .getByText(/^(Вопрос|Question) \d/);
const at = (page: Page) =>
  position(page)
    .textContent({ timeout: 2_000 })
    .catch(() => '');
const n = (k: number, total: number) => new RegExp(`^(Вопрос|Question) ${k} (из|of) ${total}$`);
const ticks = (page: Page) => Promise.all(['a', 'b', 'c'].map((o) => page.getByTestId(`quiz-option-${o}`).isChecked()));
/** The quiz drafts this device keeps, by key (quiz-draft.ts). */
const drafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('promo.quiz.')));

describe('quiz drafts: a quiz task and the web entry', () => {
  for (const combo of combos) {
    it(`a quiz task resumes after a reload, and its draft goes once the answers are accepted (${combo.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, combo);
      const url = `${participantUrl(server, { userId: combo.user, language: combo.language })}#/campaign/${tasksId}`;
      const openTask = async (on: Page = page) => {
        await on.getByTestId(`task-action-${QUIZ_TASK.key}`).click({ timeout: T });
        await on.getByTestId('quiz-question').waitFor({ timeout: T });
      };
      try {
        await page.goto(url);
        await openTask();
        expect(await drafts(page)).toEqual([]);
        await page.getByTestId('quiz-option-a').click();
        await page.getByTestId('quiz-next').click();
        await expect.poll(() => at(page), { timeout: T }).toMatch(n(2, 3));
        await page.getByTestId('quiz-option-b').click();
        await page.getByTestId('quiz-option-c').click();
        const key = `promo.quiz.vk:${combo.user}.${tasksId}.task.${QUIZ_TASK.key}`;
        expect(await drafts(page)).toEqual([key]);

        // VK's «Обновить»: the task's quiz again, on question 2 with b and c ticked, question 1's a behind it.
        await page.reload();
        await expect.poll(() => at(page), { timeout: T }).toMatch(n(2, 3));
        expect(await ticks(page)).toEqual([false, true, true]);
        await screenshot(page, `quiz-task-resumed-${combo.name}`);
        await page.getByRole('button', { name: /Предыдущий|Previous/ }).click();
        await expect.poll(() => at(page), { timeout: T }).toMatch(n(1, 3));
        expect(await ticks(page)).toEqual([true, false, false]);
        await page.getByTestId('quiz-next').click();
        await page.getByTestId('quiz-next').click();
        await expect.poll(() => at(page), { timeout: T }).toMatch(n(3, 3));
        await page.getByTestId('quiz-option-a').click();

        // Sent (wrong: a failed attempt, two left), and the refresh after it held as on a network gone quiet.
        const held: Route[] = [];
        await page.route(/\/api\/campaigns\/\d+\/state$/, (route) => void held.push(route));
        const accepted = page.waitForResponse((r) => /\/tasks\/[^/]+\/complete$/.test(r.url()) && r.ok());
        await page.getByTestId('quiz-submit').click();
        await accepted;
        await expect.poll(() => held.length, { timeout: T }).toBeGreaterThan(0);
        // The server has the answers: no draft left to offer them again while the refresh is out. Read once, not
        // polled: the old code dropped it only after the refresh, which a read gives up on after 15 s
        // (REQUEST_TIMEOUT_MS); the refresh is asked for only after the drop now.
        expect(await drafts(page)).toEqual([]);

        // The webview dropped and opened again: the task failed with attempts left, and its quiz starts afresh.
        await page.unroute(/\/api\/campaigns\/\d+\/state$/);
        for (const route of held) await route.abort().catch(() => {});
        // A new page in the same context (its localStorage kept), as the webview is opened again. Not about:blank and
        // a goto on this page: Chromium at times reported that goto as interrupted by a navigation to the same URL
        // (CI of stop 61), a race in the browser's bookkeeping, not in the app.
        await page.close();
        const again = await context.newPage();
        const againErrors = watchPageErrors(again);
        await again.goto(url);
        const task = again.getByTestId(`task-${QUIZ_TASK.key}`);
        await expect.poll(() => task.getAttribute('data-state'), { timeout: T }).toBe('failed');
        await openTask(again);
        await expect.poll(() => at(again), { timeout: T }).toMatch(n(1, 3));
        expect(await ticks(again)).toEqual([false, false, false]);
        expect([...errors, ...againErrors].filter((e) => !/\/state\b/.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`the web entry keeps a quiz through a reload, for the VK user signed in only (${combo.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, combo);
      const first = { userId: combo.user + 1, firstName: 'Вера', lastName: 'Т' };
      const second = { userId: combo.user + 2, firstName: 'Лев', lastName: 'Н' };
      const signIn = async (user: typeof first) => {
        fake.user = user;
        await page.goto(`${server.baseUrl}/web/?lang=${combo.language}`);
        await page.getByTestId('web-sign-in').click({ timeout: T });
        await page.getByTestId('campaign-brand-quiz').click({ timeout: T });
        await page.getByTestId('quiz-start').click({ timeout: T });
        await page.getByTestId('quiz-question').waitFor({ timeout: T });
      };
      const signOut = async () => {
        await page.goto(`${server.baseUrl}/web/?lang=${combo.language}`);
        await page.getByTestId('web-sign-out').click({ timeout: T });
        await page.getByTestId('web-sign-in').waitFor({ timeout: T });
      };
      try {
        await signIn(first);
        await page.getByTestId('quiz-option-b').click();
        await page.getByTestId('quiz-next').click();
        await expect.poll(() => at(page), { timeout: T }).toMatch(n(2, 5));
        await page.getByTestId('quiz-option-a').click();

        await page.reload();
        await expect.poll(() => at(page), { timeout: T }).toMatch(n(2, 5));
        expect(await ticks(page)).toEqual([true, false, false]);
        await screenshot(page, `quiz-web-entry-resumed-${combo.name}`);
        expect(await drafts(page)).toEqual([
          expect.stringMatching(new RegExp(`^promo\\.quiz\\.vk:${first.userId}\\.`)),
        ]);

        // Another VK user signs in in the same browser: question 1, nothing chosen, nothing of the first one's.
        await signOut();
        await signIn(second);
        await expect.poll(() => at(page), { timeout: T }).toMatch(n(1, 5));
        expect(await ticks(page)).toEqual([false, false, false]);

        // The first one back: their question 2, with a ticked.
        await signOut();
        await signIn(first);
        await expect.poll(() => at(page), { timeout: T }).toMatch(n(2, 5));
        expect(await ticks(page)).toEqual([true, false, false]);
        // After signing out the page's last telemetry may meet a 401, which is right.
        expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
