/**
 * A participant who leaves a quiz mid-way — VK's «Обновить» reloads the page, the phone drops the webview, or Back and
 * in again — comes back to the question they were on with their choices kept, and another VK account launched in the
 * same browser does not get them. Found from outside: the quiz started again at question 1 with nothing chosen.
 * The demo quiz campaign (brand-quiz), phone in Russian and desktop in English.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FRIEND_VK_ID } from '../../server/seed/demo-ids.ts';
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
const combos = [
  { name: 'phone-light', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru', user: 396_001 },
  { name: 'desktop-dark', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'en', user: 396_002 },
] as const;

const position = (page: Page) =>
  page
    .locator('.vkuiView__panelActive')
    .last()
    .getByText(/^(Вопрос|Question) \d/);
const checked = (page: Page, option: string) => page.getByTestId(`quiz-option-${option}`).isChecked();
/** The quiz drafts this device keeps for a VK user (quiz-draft.ts's key, by LaunchInfo.person). */
const keptFor = (page: Page, user: number) =>
  page.evaluate((who) => Object.keys(localStorage).filter((k) => k.startsWith(`promo.quiz.vk:${who}.`)), user);

async function openQuiz(page: Page, url: string) {
  await page.goto(url);
  await page.getByTestId('campaign-brand-quiz').click({ timeout: 20_000 });
  await page.getByTestId('quiz-start').click({ timeout: T });
  await page.getByTestId('quiz-question').waitFor({ timeout: T });
}

describe('a quiz left mid-way', () => {
  for (const combo of combos) {
    it(`resumes at the question it was on with the choices kept, for its own participant only (${combo.name})`, async () => {
      const { page, context, errors } = await openWatchedPage(browser, combo);
      const own = participantUrl(server, { userId: combo.user, language: combo.language });
      const n = (k: number) => new RegExp(`^(Вопрос|Question) ${k} (из|of) 5$`);
      try {
        await openQuiz(page, own);
        await page.getByTestId('quiz-option-b').click();
        await page.getByTestId('quiz-next').click();
        await expect.poll(() => position(page).textContent(), { timeout: T }).toMatch(n(2));
        await page.getByTestId('quiz-option-a').click();
        await page.getByTestId('quiz-option-b').click();
        await page.getByTestId('quiz-next').click();
        await expect.poll(() => position(page).textContent(), { timeout: T }).toMatch(n(3));
        const third = await page.getByTestId('quiz-question').textContent();

        // VK's «Обновить»: the same address loaded again.
        await page.reload();
        await expect
          .poll(
            () =>
              position(page)
                .textContent()
                .catch(() => ''),
            { timeout: T },
          )
          .toMatch(n(3));
        expect(await page.getByTestId('quiz-question').textContent()).toBe(third);
        expect(await checked(page, 'a')).toBe(false);
        await screenshot(page, `quiz-resumed-${combo.name}`);
        await page.getByRole('button', { name: /Предыдущий|Previous/ }).click();
        await expect.poll(() => position(page).textContent(), { timeout: T }).toMatch(n(2));
        expect([await checked(page, 'a'), await checked(page, 'b'), await checked(page, 'c')]).toEqual([
          true,
          true,
          false,
        ]);
        await page.getByTestId('quiz-next').click();
        await expect.poll(() => position(page).textContent(), { timeout: T }).toMatch(n(3));

        // Another VK account launched in the same browser: its own fresh quiz, nothing of the first one's.
        await openQuiz(page, participantUrl(server, { userId: DEMO_FRIEND_VK_ID, language: combo.language }));
        await expect.poll(() => position(page).textContent(), { timeout: T }).toMatch(n(1));
        expect([await checked(page, 'a'), await checked(page, 'b'), await checked(page, 'c')]).toEqual([
          false,
          false,
          false,
        ]);

        // The first one comes in again (a new launch from home): question 3, and on to the result.
        await openQuiz(page, own);
        await expect.poll(() => position(page).textContent(), { timeout: T }).toMatch(n(3));
        // Kept under this person's key (LaunchInfo.person), which the check after sending looks for.
        expect(await keptFor(page, combo.user)).toEqual([expect.stringMatching(/^promo\.quiz\.vk:\d+\.\d+\.quiz$/)]);
        for (const [k, option] of [
          [3, 'a'],
          [4, 'a'],
          [5, 'b'],
        ] as const) {
          await expect.poll(() => position(page).textContent(), { timeout: T }).toMatch(n(k));
          await page.getByTestId(`quiz-option-${option}`).click();
          await page.getByTestId(k === 5 ? 'quiz-submit' : 'quiz-next').click();
        }
        // All five right (q1 b, q2 a+b, q3 a, q4 a, q5 b): the restored choices were the ones sent.
        await page.getByTestId('quiz-band-expert').waitFor({ timeout: T });
        // Sent: nothing of this quiz is kept on the device any more (quiz-draft.ts's key).
        expect(await keptFor(page, combo.user)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
