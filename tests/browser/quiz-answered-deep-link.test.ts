/**
 * Someone who has answered the quiz and follows a link to its questions (or goes Back into them) gets the result,
 * never the questions again — found from outside: answering again showed the first result ("5 of 5") under new,
 * wrong answers. A link to a reward the campaign does not have says so and leads to the campaign (it was a bare title).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';
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

describe('the quiz once answered', () => {
  it('a link to its questions shows the result', async () => {
    const url = participantUrl(server, { userId: 391_001, language: 'en' });
    const call = async <R>(method: string, path: string, body?: unknown): Promise<R> => {
      const res = await fetch(`${server.baseUrl}${path}`, {
        method,
        headers: { Authorization: `VK ${new URL(url).search.slice(1)}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
      return (await res.json()) as R;
    };
    const { campaigns } = await call<{ campaigns: Array<{ id: number; mechanic: string }> }>('GET', '/api/campaigns');
    const quizId = campaigns.find((c) => c.mechanic === 'quiz')?.id as number;
    const { state } = await call<{ state: { quiz: { questions: Array<{ id: string; options: { id: string }[] }> } } }>(
      'POST',
      `/api/campaigns/${quizId}/open`,
      {},
    );
    const answers = Object.fromEntries(state.quiz.questions.map((q) => [q.id, [q.options[0]?.id as string]]));
    await call('POST', `/api/campaigns/${quizId}/quiz/answers`, { answers });

    const { page, context, errors } = await openWatchedPage(browser, { width: 390, height: 844, colorScheme: 'light' });
    await page.goto(`${url}#/campaign/${quizId}/quiz`);
    await page.getByTestId('quiz-score').waitFor({ timeout: T });
    expect(new URL(page.url()).hash).toBe(`#/campaign/${quizId}/quiz/result`);
    expect(await page.locator('[data-testid^="quiz-option-"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a link to a reward the campaign does not have says so and leads to the campaign', async () => {
    const url = participantUrl(server, { userId: 391_002, language: 'ru' });
    const { page, context } = await openWatchedPage(browser, { width: 390, height: 844, colorScheme: 'dark' });
    await page.goto(url);
    await page.getByTestId('campaign-summer-tasks').click({ timeout: T });
    await page.getByTestId('campaign-title').waitFor({ timeout: T });
    const campaignHash = new URL(page.url()).hash;
    await page.goto(`${url}${campaignHash}/reward/nosuch`);
    const missing = page.getByTestId('reward-not-found');
    await missing.waitFor({ timeout: T });
    expect(await missing.textContent()).toContain('Такой награды нет');
    await missing.getByRole('button', { name: 'К акции' }).click();
    await page.getByTestId('campaign-title').waitFor({ timeout: T });
    expect(new URL(page.url()).hash).toBe(campaignHash);
    await context.close();
  });
});
