/**
 * Task G: a brand's manager (a brand member the agency gave campaigns, prizes, mailings, stats and support, not team
 * or leads, and not the agency owner) launches a campaign from nothing in Chromium: office home → New campaign →
 * a template → the problems list names what is missing → fixed in the editor → saved → launched → a participant
 * opens it; then the campaign's statistics and mailings open for the manager. Phone (light) and desktop (dark), ru.
 * Screenshots: test-results/screenshots/manager-walk-*.png.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addManager, draftFromTemplate, field, launchNow, poolsOf, save } from './manager-walk.ts';

/** One manager (the same membership) walks twice: on a phone and on a desktop, each with a participant of its own. */
const MANAGER = 7601;
const viewports = [
  { name: 'phone', width: 375, height: 812, mobile: true, colorScheme: 'light', participant: 7602 },
  { name: 'desktop', width: 1280, height: 860, mobile: false, colorScheme: 'dark', participant: 7603 },
] as const;
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

describe('a brand manager launches a campaign from nothing', () => {
  for (const vp of viewports) {
    it(`template → problems lead to the pools → codes → launch → a participant's reward → stats and a mailing (${vp.name}, ru)`, async () => {
      const title = `Акция менеджера (${vp.name})`;
      const url = participantUrl(server, { userId: MANAGER, language: 'ru' });
      const { page, context, errors } = await openWatchedPage(browser, vp);
      try {
        const id = await draftFromTemplate(page, url, 'tasks-reward');
        await screenshot(page, `manager-walk-${vp.name}-editor`);
        const problems = await page.getByTestId('office-problems').textContent();
        // Every problem is words, not a code.
        expect(problems).not.toMatch(/[a-z]+_[a-z_]+/);

        // The prize's pool has no codes: the problem leads to where they are loaded (before: it only scrolled to the
        // pool's picker in the form, and nothing on the editor's screen said where codes come from).
        const poolProblem = page.getByTestId('office-problem-pool_without_codes');
        expect(await poolProblem.textContent()).toContain('Загрузить коды');
        await poolProblem.click();
        await page.waitForURL(new RegExp(`#/admin/campaign/${id}/pools$`), { timeout: T });
        await page.getByTestId('pool-discount15').waitFor({ timeout: T });
        const poolId = poolsOf(server, id).find((p) => p.key === 'discount15')?.id;
        await page
          .locator(
            `[data-testid="pool-upload-${poolId}"] input[type=file], input[type=file][data-testid="pool-upload-${poolId}"]`,
          )
          .setInputFiles({
            name: 'codes.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(`code\n${Array.from({ length: 500 }, (_, i) => `MGR-${i + 1}`).join('\n')}\n`),
          });
        await page.getByTestId(`pool-import-done-${poolId}`).waitFor({ timeout: 30_000 });
        await screenshot(page, `manager-walk-${vp.name}-pools`);
        await page.goBack();
        await field(page, 'title').waitFor({ timeout: T });

        await field(page, 'title').fill(title);
        await field(page, 'tasks.0.kind').selectOption('visit_link');
        await field(page, 'tasks.0.title').fill('Загляните в каталог');
        await field(page, 'tasks.0.config.url').fill('https://example.com/catalogue');
        await field(page, 'tasks.1.kind').selectOption('visit_link');
        await field(page, 'tasks.1.config.url').fill('https://example.com/news');
        await save(page);
        // With codes loaded and the tasks fixed, nothing is left to fix.
        expect(await page.getByTestId('office-problems').textContent()).toContain('Проблем не найдено');
        await screenshot(page, `manager-walk-${vp.name}-saved`);
        await launchNow(page, /Идёт/);
        const participant = await context.newPage();
        await participant.goto(`${participantUrl(server, { userId: vp.participant, language: 'ru' })}#/campaign/${id}`);
        await expect.poll(() => participant.getByTestId('campaign-title').textContent(), { timeout: T }).toBe(title);
        // Every task done, the prize claimed: a code from the pool the manager loaded.
        await participant.getByTestId('progress').waitFor({ timeout: T });
        const tasks = await participant
          .locator('[data-testid^="task-action-"]')
          .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')?.slice('task-action-'.length) ?? ''));
        expect(tasks.length).toBeGreaterThan(0);
        for (const key of tasks) {
          await participant.getByTestId(`task-action-${key}`).click();
          await participant.locator(`[data-testid="task-${key}"][data-state="done"]`).waitFor({ timeout: T });
        }
        await participant.getByTestId('reward-claim-discount15').click();
        await expect
          .poll(() => participant.getByTestId('reward-code').textContent(), { timeout: T })
          .toMatch(/^MGR-\d+$/);
        await screenshot(participant, `manager-walk-${vp.name}-participant`);
        await participant.close();

        // The brand's statistics list the new campaign; its mailings compose a broadcast and dry-run it.
        await page.goto(`${url.split('#')[0]}#/admin`);
        await page.getByTestId('office-nav-stats').click({ timeout: 30_000 });
        await page.getByTestId(`stats-campaign-link-${id}`).waitFor({ timeout: T });
        await screenshot(page, `manager-walk-${vp.name}-stats`);
        await page.goBack();
        await page.getByTestId('office-nav-mailings').click({ timeout: T });
        await page.getByText(title, { exact: true }).click({ timeout: T });
        await page.waitForURL(new RegExp(`#/admin/campaign/${id}/mailings$`), { timeout: T });
        await page.getByTestId('new-broadcast').click({ timeout: T });
        await page.locator('#broadcast-name').fill('Напоминание');
        await page.locator('#broadcast-text-ru').fill('Успейте выполнить задания');
        await page.getByTestId('dry-run').click();
        const status = page.getByTestId('composer-status');
        await status.waitFor({ timeout: T });
        expect(await status.textContent()).not.toMatch(/[a-z]+_[a-z_]+/);
        await screenshot(page, `manager-walk-${vp.name}-mailing`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
