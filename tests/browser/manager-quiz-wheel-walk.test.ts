/**
 * A brand's manager (campaigns, prizes, mailings, stats and support; not the agency) launches the QUIZ and the WHEEL
 * templates in Chromium against the server as the README starts it: template → the problems lead to the code pools →
 * codes loaded → the title changed → saved with nothing left to fix → launched → a participant plays and gets a code
 * from a pool the manager loaded. The quiz on a phone (light, ru), the wheel on a desktop (dark, en).
 * Screenshots: test-results/screenshots/manager-quiz-*.png, manager-wheel-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addManager, draftFromTemplate, field, launchNow, loadCodesByTheProblem, save } from './manager-walk.ts';

const MANAGER = 7801;
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

describe('a brand manager launches the quiz and the wheel templates', () => {
  it('quiz: template → codes for both tiers → launch → a participant with 3 of 5 right gets the 10% code (phone, light, ru)', async () => {
    const vp = { width: 375, height: 812, mobile: true, colorScheme: 'light' } as const;
    const { page, context, errors } = await openWatchedPage(browser, vp);
    try {
      const office = participantUrl(server, { userId: MANAGER, language: 'ru' });
      const id = await draftFromTemplate(page, office, 'quiz-tiers');
      await screenshot(page, 'manager-quiz-editor-phone-light-ru');
      // Both tiers' pools are empty: two problems, each leading to the pools.
      expect(await page.getByTestId('office-problem-pool_without_codes').count()).toBe(2);
      await loadCodesByTheProblem(page, server, id);
      await field(page, 'title').fill('Викторина менеджера');
      await save(page);
      expect(await page.getByTestId('office-problems').textContent()).toContain('Проблем не найдено');
      await launchNow(page, /Идёт/);

      const participant = await context.newPage();
      await participant.goto(`${participantUrl(server, { userId: 7802, language: 'ru' })}#/campaign/${id}`);
      await expect
        .poll(() => participant.getByTestId('campaign-title').textContent(), { timeout: T })
        .toBe('Викторина менеджера');
      // The tiers are told before the start: 3 right for 10% off, all 5 for 25%.
      expect(await participant.getByTestId('quiz-tier-fan').textContent()).toContain('Скидка 10%');
      await participant.getByTestId('quiz-start').click();
      // The template's right answers are b, a, a, a, b: the last two answered wrong.
      for (const [i, option] of ['b', 'a', 'a', 'b', 'a'].entries()) {
        await participant.getByTestId(`quiz-option-${option}`).click({ timeout: T });
        await participant.getByTestId(i === 4 ? 'quiz-submit' : 'quiz-next').click();
      }
      await participant.getByTestId('quiz-band-fan').waitFor({ timeout: T });
      expect(await participant.getByTestId('quiz-score').textContent()).toBe('3 из 5 верных');
      expect(await participant.getByTestId('quiz-prize').textContent()).toMatch(new RegExp(`QUIZ10-${id}-\\d+`));
      await screenshot(participant, 'manager-quiz-result-phone-light-ru');
      await participant.getByTestId('quiz-prize').click();
      await expect
        .poll(() => participant.getByTestId('reward-code').textContent(), { timeout: T })
        .toMatch(new RegExp(`^QUIZ10-${id}-\\d+$`));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('wheel: template → codes for both code prizes → no losing sector → launch → a participant spins and wins (desktop, dark, en)', async () => {
    const vp = { width: 1280, height: 860, mobile: false, colorScheme: 'dark' } as const;
    const { page, context, errors } = await openWatchedPage(browser, vp);
    try {
      const office = participantUrl(server, { userId: MANAGER, language: 'en' });
      const id = await draftFromTemplate(page, office, 'wheel-instant');
      await screenshot(page, 'manager-wheel-editor-desktop-dark-en');
      await loadCodesByTheProblem(page, server, id);
      // The office in English edits the English texts first.
      await field(page, 'title').fill("The manager's wheel");
      // Every spin wins something: the walk ends at a prize, whatever the draw.
      await field(page, 'settings.wheel.loseWeight').fill('0');
      await save(page);
      expect(await page.getByTestId('office-problems').textContent()).not.toMatch(/Error/);
      await launchNow(page, /Live/);
      await screenshot(page, 'manager-wheel-live-desktop-dark-en');

      const participant = await context.newPage();
      await participant.goto(`${participantUrl(server, { userId: 7803, language: 'en' })}#/campaign/${id}`);
      await expect
        .poll(() => participant.getByTestId('campaign-title').textContent(), { timeout: T })
        .toBe("The manager's wheel");
      await participant.getByTestId('wheel-spin').click({ timeout: T });
      await participant.getByTestId('spin-win').waitFor({ timeout: T });
      expect(await participant.getByTestId('spin-win').textContent()).toMatch(
        /You won: (5% off|20% off|Brand tote bag)/,
      );
      await screenshot(participant, 'manager-wheel-won-desktop-dark-en');
      await participant.getByTestId('wheel-get-prize').click();
      // A discount is a code from a pool the manager loaded; the tote bag (1 in 40) has none.
      const code = participant.getByTestId('reward-code');
      await code.or(participant.getByText('Message the community your address.')).first().waitFor({ timeout: T });
      if (await code.count()) expect(await code.textContent()).toMatch(new RegExp(`^WHEEL(5|20)-${id}-\\d+$`));
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
