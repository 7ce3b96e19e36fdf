/**
 * The «end date has passed» offer and the launch right (decision 116), in Chromium: on a paused campaign whose end is
 * in the past, a member with `campaigns` but not `launch` finds the end date disabled, so the offer names who can move
 * it and resume instead of a «Change the end date» button that scrolled to the disabled field; a member with both
 * keeps the button, which still leads to the field. The problem, in the list and under the field, asks the first
 * member to ask who can move the end (it said «move it into the future and save», red before), and the list says
 * why, as the line under the field does; the second member is still asked to move it. Phone light in Russian, desktop
 * dark in English.
 * Screenshots: test-results/screenshots/office-ends-in-past-{editor-only,launcher}-{phone,desktop}.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { endDatePassed, setPhase } from './campaign-states.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember, type DemoCampaign, demoCampaign } from './office-members.ts';

const EDITOR_ONLY = 7441;
const LAUNCHER = 7442;
const T = 30_000;

let server: StartedServer;
let browser: Browser;
let quiz: DemoCampaign;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  quiz = demoCampaign(server, 'brand-quiz');
  setPhase(server, 'brand-quiz', 'paused');
  endDatePassed(server, 'brand-quiz');
  addBrandMember(server, { userId: EDITOR_ONLY, sections: ['campaigns'], brandId: quiz.brandId });
  addBrandMember(server, { userId: LAUNCHER, sections: ['campaigns', 'launch'], brandId: quiz.brandId });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

const WORDS = {
  ru: {
    ask: 'может только тот, у кого есть право «Запуск акций»: попросите его',
    resume: '«Возобновить»',
    dates: 'Переносить начало и конец опубликованной акции может только тот',
    askProblem: 'перенести её может только тот, у кого есть право «Запуск акций», — попросите его',
    moveProblem: 'перенесите её на будущее и сохраните',
  },
  en: {
    ask: 'the «Launching campaigns» right can move the end and press',
    resume: '“Resume”',
    dates: 'can move the start or end of a published campaign',
    askProblem: 'only a member with the «Launching campaigns» right can move it — ask them',
    moveProblem: 'move it into the future and save',
  },
} as const;

const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'desktop', width: 1280, height: 860, mobile: false, colorScheme: 'dark', language: 'en' },
] as const;

async function openEditor(user: number, vp: (typeof viewports)[number]) {
  const url = participantUrl(server, { userId: user, language: vp.language });
  const watched = await openWatchedPage(browser, vp);
  await watched.page.goto(`${url.split('#')[0]}#/admin/campaign/${quiz.id}`);
  await field(watched.page, 'title').waitFor({ timeout: T });
  return watched;
}

describe('a paused campaign whose end has passed, by the launch right', () => {
  for (const vp of viewports) {
    it(`campaigns only: no button to a disabled field, the offer names who can move the end (${vp.name}, ${vp.language})`, async () => {
      const { page, context, errors } = await openEditor(EDITOR_ONLY, vp);
      try {
        const offer = page.getByTestId('office-ends-in-past');
        await offer.waitFor({ timeout: T });
        await expect.poll(() => field(page, 'endsAt').isDisabled(), { timeout: T }).toBe(true);
        expect(await offer.textContent()).toContain(WORDS[vp.language].ask);
        expect(await offer.textContent()).toContain(WORDS[vp.language].resume);
        expect(await page.getByTestId('office-change-end-date').count()).toBe(0);
        expect(await page.getByTestId('office-to-live').count()).toBe(0);
        // The problem in the list, which asks to move the date, says who can (as the line under the field does).
        const problem = page.getByTestId('office-problem-ends_in_past');
        expect(await problem.textContent()).toContain(WORDS[vp.language].dates);
        // …and asks them to ask, not to move a date they cannot move: in the list and under the disabled field.
        expect(await problem.textContent()).toContain(WORDS[vp.language].askProblem);
        const endField = page.locator('[class*="FormItem"]', { has: field(page, 'endsAt') }).last();
        expect(await endField.textContent()).toContain(WORDS[vp.language].askProblem);
        expect(await page.locator('body').textContent()).not.toContain(WORDS[vp.language].moveProblem);
        await offer.scrollIntoViewIfNeeded();
        await screenshot(page, `office-ends-in-past-editor-only-${vp.name}`);
        expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it(`campaigns + launch: the offer keeps its button, which leads to the end date (${vp.name}, ${vp.language})`, async () => {
      const { page, context, errors } = await openEditor(LAUNCHER, vp);
      try {
        const offer = page.getByTestId('office-ends-in-past');
        await offer.waitFor({ timeout: T });
        expect(await offer.textContent()).not.toContain(WORDS[vp.language].ask);
        expect(await offer.textContent()).toContain(WORDS[vp.language].resume);
        const change = page.getByTestId('office-change-end-date');
        await change.waitFor({ timeout: T });
        expect(await field(page, 'endsAt').isDisabled()).toBe(false);
        const problem = page.getByTestId('office-problem-ends_in_past');
        expect(await problem.textContent()).not.toContain(WORDS[vp.language].dates);
        expect(await problem.textContent()).toContain(WORDS[vp.language].moveProblem);
        await offer.scrollIntoViewIfNeeded();
        await screenshot(page, `office-ends-in-past-launcher-${vp.name}`);
        await change.click();
        await expect
          .poll(() => field(page, 'endsAt').evaluate((el) => el === document.activeElement), { timeout: T })
          .toBe(true);
        expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
