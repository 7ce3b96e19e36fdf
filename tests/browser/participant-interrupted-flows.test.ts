/**
 * A participant whose flow was interrupted — the network gone while a screen loaded, Back while the wheel turned, a
 * link into a quiz already answered or to a reward that does not exist — finds a way on, never a dead end or a wrong
 * screen. One server and one Chromium for all; each test has its own page (browser context) and its own launch user.
 * Why each test exists (what was found from outside) is written above its `describe`.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENCY_OWNER_VK_ID } from '../../server/seed/demo-ids.ts';
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

/**
 * A screen whose code could not be downloaded (the network gone for a moment) is not a dead end: the panel shows its
 * header with Back and a Retry that loads it once the network is back (a reload on the same screen) — found from outside: React.lazy
 * kept the failure, and the whole app stayed on an error that neither Retry, Back nor the network coming back fixed.
 */
describe('a panel whose code did not arrive', () => {
  it('shows Back and Retry; Retry loads it once the network is back, Back leads home', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      colorScheme: 'light',
      mobile: true,
    });
    let offline = true;
    let refused = 0;
    await page.route('**/assets/**', async (route) => {
      if (offline && /CampaignPanel-/.test(route.request().url())) {
        refused += 1;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await page.goto(participantUrl(server, { userId: 380_001, language: 'ru' }));
    const cell = page.getByTestId('campaign-summer-tasks');
    await cell.waitFor({ timeout: T });
    await cell.click();
    const failed = page.getByTestId('panel-load-failed');
    await failed.waitFor({ timeout: T });
    expect(refused).toBeGreaterThan(0);
    await screenshot(page, 'panel-load-failed');
    // Back from the failed panel: home, whose cell opens it again (still offline: the same way out).
    await page
      .locator('.vkuiView__panelActive')
      .last()
      .getByRole('button', { name: /Назад|Back/ })
      .click();
    await cell.waitFor({ timeout: T });
    await cell.click();
    await failed.waitFor({ timeout: T });
    // The network is back: Retry (a reload on the same screen) downloads the code and the campaign is drawn.
    offline = false;
    await page.getByTestId('panel-load-retry').click();
    await page.getByTestId('campaign-title').waitFor({ timeout: T });
    expect(await failed.count()).toBe(0);
    const unexpected = errors.filter((e) => !/CampaignPanel|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e));
    expect(unexpected).toEqual([]);
    await context.close();
  });
});

/**
 * The same for the office: found from outside, its code failing to download replaced the whole app with the app-wide
 * error, without Back, whose Retry could not succeed (React.lazy keeps the failure).
 */
describe('an office whose code did not arrive', () => {
  it('shows Back and Retry in its panel; Back leads home, Retry opens the office once the network is back', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      colorScheme: 'dark',
      mobile: true,
    });
    let offline = true;
    let refused = 0;
    await page.route('**/assets/**', async (route) => {
      if (offline && /AdminOffice-/.test(route.request().url())) {
        refused += 1;
        return route.abort('internetdisconnected');
      }
      return route.continue();
    });
    await page.goto(participantUrl(server, { userId: DEMO_AGENCY_OWNER_VK_ID, language: 'en' }));
    const entry = page.getByTestId('office-entry');
    await entry.click({ timeout: T });
    const failed = page.getByTestId('panel-load-failed');
    await failed.waitFor({ timeout: T });
    expect(refused).toBeGreaterThan(0);
    await screenshot(page, 'office-load-failed');
    await page.locator('.vkuiView__panelActive').last().getByRole('button', { name: 'Back' }).click();
    await entry.click({ timeout: T });
    await failed.waitFor({ timeout: T });
    offline = false;
    await page.getByTestId('panel-load-retry').click();
    await page.getByTestId('office-new-campaign').waitFor({ timeout: T });
    expect(await failed.count()).toBe(0);
    const unexpected = errors.filter((e) => !/AdminOffice|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(e));
    expect(unexpected).toEqual([]);
    await context.close();
  });
});

/**
 * A participant who spins and leaves before the wheel stops (Back) finds, on coming back, the wheel where it stopped
 * and what it brought — found from outside: nothing was shown, and a won prize's sector had silently gone from the
 * wheel.
 */
describe('the wheel left mid-spin', () => {
  it('shows the result on coming back', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      colorScheme: 'dark',
      mobile: true,
    });
    await page.goto(participantUrl(server, { userId: 390_001, language: 'ru' }));
    await page.getByTestId('campaign-lucky-wheel').click({ timeout: T });
    const spin = page.getByTestId('wheel-spin');
    await spin.waitFor({ timeout: T });
    const answered = page.waitForResponse((r) => /\/wheel\/spin$/.test(new URL(r.url()).pathname), { timeout: T });
    await spin.click();
    expect((await answered).status()).toBe(200);
    // Back while the wheel turns (it turns for about four seconds).
    await page
      .locator('.vkuiView__panelActive')
      .last()
      .getByRole('button', { name: /Назад|Back/ })
      .click();
    await page.getByTestId('campaign-lucky-wheel').click({ timeout: T });
    const outcome = page.locator('[data-testid="spin-win"], [data-testid="spin-lose"]');
    await outcome.waitFor({ timeout: 3000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});

/**
 * Someone who has answered the quiz and follows a link to its questions (or goes Back into them) gets the result,
 * never the questions again — found from outside: answering again showed the first result ("5 of 5") under new,
 * wrong answers. A link to a reward the campaign does not have says so and leads to the campaign (it was a bare title).
 */
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
