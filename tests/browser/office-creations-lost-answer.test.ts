/**
 * The office's Add (a knowledge-base article), Save (a new funnel rule) and Generate (the prize calendar's moments) when
 * the answer is lost: the server wrote, the phone dropped the network before the answer came. The form keeps what was
 * typed and says it did not go through; pressed again, it sends the same key (api/client-key.ts), so the item is
 * there once, not twice.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage } from './chromium.ts';

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
const DESKTOP = { width: 1280, height: 860, colorScheme: 'light' } as const;
const TASKS_CAMPAIGN = 1;
const ARTICLES = /\/api\/admin\/support\/brands\/\d+\/articles$/;
const RULES = /\/api\/admin\/mailing\/campaigns\/\d+\/rules$/;
const GENERATE = /\/api\/admin\/campaigns\/\d+\/calendar\/generate$/;

/** One SQL answer from the server's database (read-only beside the running server). */
function queryOne<T>(sql: string, ...params: unknown[]): T {
  const db = new Database(join(server.dataDir, 'app.db'), { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

/** The next POST to `url` reaches the server, which writes; its answer never reaches the page. */
async function loseNextAnswer(page: Page, url: RegExp): Promise<() => number> {
  let reached = 0;
  await page.route(url, async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    reached++;
    await route.fetch();
    await route.abort('internetdisconnected');
  });
  return () => reached;
}

/** Console lines other than the aborted request's own. */
const unexpected = (errors: string[]) =>
  errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e));

describe('office creations whose answer is lost', () => {
  it('a knowledge-base article: the form keeps it, Add again makes one article', async () => {
    const { page, context, errors } = await openWatchedPage(browser, DESKTOP);
    try {
      await page.goto(server.adminUrl);
      await page.getByText(/Управление акциями|Manage campaigns/).click();
      await page.getByTestId('office-nav-support').click();
      await page.getByText('База знаний', { exact: true }).click();
      await page.getByTestId('library-form').waitFor({ timeout: T });
      const title = `Потерянный ответ ${Date.now()}`;
      await page.locator('#kb-title-ru').fill(title);
      await page.locator('#kb-body-ru').fill('Промокод — в разделе «Награды» акции.');

      const reached = await loseNextAnswer(page, ARTICLES);
      await page.getByTestId('library-save').click();
      await page.getByTestId('library-form').getByRole('alert').waitFor({ timeout: T });
      expect(reached()).toBe(1);
      expect(await page.locator('#kb-title-ru').inputValue()).toBe(title);

      await page.unroute(ARTICLES);
      await page.getByTestId('library-save').click();
      await expect.poll(() => page.locator('#kb-title-ru').inputValue(), { timeout: T }).toBe('');
      await page.reload();
      await page.locator('[data-testid^="kb-article-"]').first().waitFor({ timeout: T });
      await expect
        .poll(async () =>
          (await page.locator('[data-testid^="kb-article-"]').allTextContents()).filter((t) => t.includes(title)),
        )
        .toHaveLength(1);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a funnel rule: the editor keeps it, Save again makes one rule', async () => {
    const { page, context, errors } = await openWatchedPage(browser, DESKTOP);
    try {
      await page.goto(`${server.adminUrl}#/admin/campaign/${TASKS_CAMPAIGN}/mailings/rule/new`);
      const name = `Напомнить ${Date.now()}`;
      await page.locator('#rule-name').fill(name);
      await page.locator('textarea').first().fill('Осталось одно задание — и приз ваш!');

      const reached = await loseNextAnswer(page, RULES);
      await page.getByTestId('rule-save').click();
      await page.getByTestId('rule-error').waitFor({ timeout: T });
      expect(reached()).toBe(1);
      expect(await page.locator('#rule-name').inputValue()).toBe(name);

      await page.unroute(RULES);
      await page.getByTestId('rule-save').click();
      await page.waitForURL(/\/mailings$/, { timeout: T });
      await page.getByText(name).first().waitFor({ timeout: T });
      expect(await page.getByText(name).count()).toBe(1);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the calendar's moments: the screen says it failed, Generate again draws them once", async () => {
    const { page, context, errors } = await openWatchedPage(browser, DESKTOP);
    try {
      const { id } = queryOne<{ id: number }>("SELECT id FROM campaigns WHERE slug = 'lucky-wheel'");
      const moments = () =>
        queryOne<{ n: number }>('SELECT count(*) AS n FROM prize_moments WHERE campaign_id = ?', id).n;
      const before = moments();
      await page.goto(`${server.adminUrl}#/admin/campaign/${id}/calendar`);
      await page.getByTestId('calendar-mode').getByText('По всей акции').click({ timeout: T });
      await page.locator('[data-testid^="calendar-count-"]').first().fill('2');

      const reached = await loseNextAnswer(page, GENERATE);
      await page.getByTestId('calendar-generate').click();
      await page.getByTestId('calendar-note').waitFor({ timeout: T });
      expect(await page.getByTestId('calendar-note').textContent()).not.toMatch(/Добавлено/);
      expect(reached()).toBe(1);
      expect(moments()).toBe(before + 2);

      await page.unroute(GENERATE);
      await page.getByTestId('calendar-generate').click();
      await page.getByTestId('calendar-note').getByText('Добавлено моментов: 2').waitFor({ timeout: T });
      expect(moments()).toBe(before + 2);
      expect(unexpected(errors)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
