/**
 * The support inbox filtered to one campaign, in Chromium (found from outside: the server's tickets list takes
 * `campaignId`, the office had no way to ask). The member picks a campaign, the address keeps it
 * (`?campaign=ID`), only its requests are listed, and Back from a request finds the inbox still filtered.
 * Screenshot: test-results/screenshots/office-support-campaign-filter.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const AGENCY_OWNER = 7701;
const WRITERS = { tasks: 7702, quiz: 7703 } as const;
const T = 20_000;

let server: StartedServer;
let browser: Browser;
let brandId: number;
const campaignIds = { tasks: 0, quiz: 0 };
const ticketIds = { tasks: 0, quiz: 0 };

async function api<R>(userId: number, method: string, path: string, body?: unknown): Promise<R> {
  const launch = new URL(participantUrl(server, { userId, language: 'ru' }));
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: `VK ${launch.search.slice(1)}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const tasks = demoCampaign(server);
  const quiz = demoCampaign(server, 'brand-quiz');
  expect(quiz.brandId).toBe(tasks.brandId);
  brandId = tasks.brandId;
  campaignIds.tasks = tasks.id;
  campaignIds.quiz = quiz.id;
  addAgencyOwner(server, { userId: AGENCY_OWNER, agencyId: tasks.agencyId });
  for (const which of ['tasks', 'quiz'] as const) {
    const id = campaignIds[which];
    await api(WRITERS[which], 'POST', `/api/campaigns/${id}/open`, {});
    const opened = await api<{ ticket: { id: number } }>(WRITERS[which], 'POST', '/api/support/tickets', {
      campaignId: id,
      subject: `Вопрос по акции ${which}`,
      body: 'Где мой код?',
    });
    ticketIds[which] = opened.ticket.id;
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const at = (page: Page, hash: string) => page.waitForURL((u) => u.hash === `#${hash}`, { timeout: T });
const phone = { width: 375, height: 812, mobile: true, colorScheme: 'light' } as const;

describe('the support inbox', () => {
  it('filtered to one campaign keeps the filter in the address and after Back from a request (phone, ru)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      const inbox = `/admin/brand/${brandId}/support`;
      await page.goto(`${participantUrl(server, { userId: AGENCY_OWNER, language: 'ru' }).split('#')[0]}#${inbox}`);
      const row = (which: 'tasks' | 'quiz') => activePanel(page).getByTestId(`inbox-ticket-${ticketIds[which]}`);
      await row('tasks').waitFor({ timeout: 30_000 });
      await row('quiz').waitFor({ timeout: T });

      // The search's placeholder is read whole on a phone (it was cut after "№ обращ" at 375 px, seen in a screenshot).
      const placeholderFits = await activePanel(page)
        .getByTestId('inbox-search')
        .locator('input')
        .evaluate((el: HTMLInputElement) => {
          const style = getComputedStyle(el);
          const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
          context.font = style.font;
          const room = el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
          return `${Math.ceil(context.measureText(el.placeholder).width)} of ${room}: ${el.placeholder}`;
        });
      const [needed, room] = placeholderFits.split(/ of |: /).map(Number);
      expect(needed, placeholderFits).toBeLessThanOrEqual(room as number);

      await activePanel(page).locator('#inbox-campaign').selectOption(String(campaignIds.tasks));
      const filtered = `${inbox}?campaign=${campaignIds.tasks}`;
      await at(page, filtered);
      await row('quiz').waitFor({ state: 'detached', timeout: T });
      await row('tasks').waitFor({ timeout: T });
      await screenshot(page, 'office-support-campaign-filter');

      await row('tasks').click();
      await at(page, `${inbox}/ticket/${ticketIds.tasks}`);
      await activePanel(page).getByRole('button', { name: 'Назад' }).first().click();
      await at(page, filtered);
      await row('tasks').waitFor({ timeout: T });
      expect(await activePanel(page).locator('#inbox-campaign').inputValue()).toBe(String(campaignIds.tasks));
      expect(await row('quiz').count()).toBe(0);

      // "All" again: both campaigns' requests, and the address without the filter.
      await activePanel(page).locator('#inbox-campaign').selectOption('');
      await at(page, inbox);
      await row('quiz').waitFor({ timeout: T });
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the status tab and the search stay in the address: Back from a request and a reload keep them (phone, ru)', async () => {
    // Found from outside: they were the screen's own state, so Back (the panel drawn afresh) and reload dropped them.
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      const inbox = `/admin/brand/${brandId}/support`;
      await page.goto(`${participantUrl(server, { userId: AGENCY_OWNER, language: 'ru' }).split('#')[0]}#${inbox}`);
      const row = (which: 'tasks' | 'quiz') => activePanel(page).getByTestId(`inbox-ticket-${ticketIds[which]}`);
      await row('quiz').waitFor({ timeout: 30_000 });

      await activePanel(page).getByTestId('inbox-status-new').click();
      await at(page, `${inbox}?status=new`);
      await activePanel(page).getByTestId('inbox-search').locator('input').fill('tasks');
      const filtered = `${inbox}?status=new&q=tasks`;
      await at(page, filtered);
      await row('quiz').waitFor({ state: 'detached', timeout: T });

      const kept = async () => {
        await row('tasks').waitFor({ timeout: T });
        expect(await activePanel(page).getByTestId('inbox-status-new').getAttribute('aria-selected')).toBe('true');
        expect(await activePanel(page).getByTestId('inbox-search').locator('input').inputValue()).toBe('tasks');
        expect(await row('quiz').count()).toBe(0);
      };
      await row('tasks').click();
      await at(page, `${inbox}/ticket/${ticketIds.tasks}`);
      await activePanel(page).getByRole('button', { name: 'Назад' }).first().click();
      await at(page, filtered);
      await kept();

      await page.reload();
      await at(page, filtered);
      await kept();
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
