/**
 * Issue 16 (p7), item 3 in Chromium at phone and desktop sizes, light and dark, Russian and English: the demo's
 * community admin opens a campaign's statistics and sees the funnel and retention charts drawn from the demo's
 * generated history; the numbers read from the page (funnel's first stage, sessions) equal the API's and those in the
 * CSV the page downloads; the charts take VKUI's colours and redraw when the scheme changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageLabel } from '../../miniapp/admin/stage-label.ts';
import type { Config } from '../../server/config.ts';
import { localLaunchUrl } from '../../server/local-launch.ts';
import { DEMO_ADMIN_VK_ID } from '../../server/seed/demo-ids.ts';
import { byKey } from '../../server/stats/testing/worded-csv.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { telemetryCount, writeStatsHistory } from './stats-history.ts';

let server: StartedServer;
let browser: Browser;
/** The demo campaign with the most generated telemetry (the first demo campaign if there is none). */
let campaignId: number;
let brandId: number;

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const file = join(server.dataDir, 'app.db');
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT campaign_id AS id, COUNT(*) AS n FROM telemetry_events GROUP BY campaign_id ORDER BY n DESC LIMIT 1`,
      )
      .get() as { id: number } | undefined;
    campaignId =
      row?.id ?? (db.prepare(`SELECT id FROM campaigns WHERE slug = 'summer-tasks'`).get() as { id: number }).id;
    brandId = (db.prepare('SELECT brand_id AS id FROM campaigns WHERE id = ?').get(campaignId) as { id: number }).id;
  } finally {
    db.close();
  }
  // The demo's generated history when the seed makes one; otherwise one built here (see stats-history.ts).
  if (telemetryCount(file, campaignId) < 100) writeStatsHistory(file, campaignId);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** The community admin's launch, signed like the printed one, in the given language. */
function adminLaunch(language: 'ru' | 'en'): string {
  const printed = new URL(server.adminUrl);
  const secrets = JSON.parse(readFileSync(join(server.dataDir, 'local-secrets.json'), 'utf8')) as {
    vkAppSecret: string;
  };
  const config = {
    VK_APP_ID: Number(printed.searchParams.get('vk_app_id')),
    VK_APP_SECRET: secrets.vkAppSecret,
  } as unknown as Config;
  return localLaunchUrl(config, {
    baseUrl: server.baseUrl,
    userId: DEMO_ADMIN_VK_ID,
    groupId: Number(printed.searchParams.get('vk_group_id')),
    role: 'admin',
    now: Date.now(),
    language,
  });
}

async function api<T>(launch: string, path: string): Promise<T> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    headers: { Authorization: `VK ${new URL(launch).search.slice(1)}` },
  });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** The CSV's rows as objects by key (worded headers, table and metric names read back through the labels). */
function parseCsv(text: string): Record<string, string>[] {
  return byKey(parseWordedCsv(text));
}

/** The CSV's rows as objects by its header (quoted cells with commas, doubled quotes and CRLF handled). */
function parseWordedCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += ch;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell || row.length) rows.push([...row, cell]);
  const [header = [], ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Clicks a measure's CSV button and reads the file the browser saved. */
async function downloadCsv(page: Page, measure: string): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.getByTestId(`stats-csv-${measure}`).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^stats-campaign-${campaignId}-${measure}-.+\\.csv$`));
  const path = await download.path();
  return parseCsv(readFileSync(path, 'utf8'));
}

/** The page's errors: console errors and every failed response (an office page posts no participant telemetry). */
function pageErrors(page: Page, errors: string[]): () => string[] {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  return () => [...errors.filter((e) => !e.startsWith('console: Failed to load resource')), ...failed];
}

/** Puts a section's header at the top of the window, for a screenshot of its chart. */
const scrollToTop = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => el.scrollIntoView({ block: 'start' }));

const dataValue = async (page: Page, testId: string) =>
  Number(await page.getByTestId(testId).first().getAttribute('data-value'));

interface FunnelBody {
  funnels: { campaignId: number; stages: { stage: string; count: number }[] }[];
}

const cases = [
  { name: 'phone-light-ru', width: 390, height: 844, mobile: true, colorScheme: 'light', language: 'ru' },
  { name: 'phone-dark-en', width: 390, height: 844, mobile: true, colorScheme: 'dark', language: 'en' },
  { name: 'desktop-dark-ru', width: 1280, height: 800, mobile: false, colorScheme: 'dark', language: 'ru' },
  { name: 'desktop-light-en', width: 1280, height: 800, mobile: false, colorScheme: 'light', language: 'en' },
] as const;

describe('item 3: the statistics page in the office', () => {
  for (const c of cases) {
    it(`item 3: funnel and retention charts from the demo history; page = API = CSV (${c.name})`, async () => {
      const launch = adminLaunch(c.language);
      const { page, context, errors } = await openWatchedPage(browser, c);
      const problems = pageErrors(page, errors);
      try {
        await page.goto(`${launch}#/admin/campaign/${campaignId}/stats`);
        const funnelChart = page.locator(`[data-testid="stats-funnel-chart-${campaignId}"] canvas`);
        await funnelChart.waitFor({ timeout: 30_000 });
        await page.locator('[data-testid="stats-retention-chart"] canvas').waitFor({ timeout: 30_000 });
        await page.getByTestId('stats-retention-heatmap').waitFor();
        await page.getByTestId('stats-kpi-value-sessions').waitFor();
        await expect.poll(() => page.getByText(c.language === 'ru' ? 'Воронка' : 'Funnel').count()).toBeGreaterThan(0);
        await screenshot(page, `office-stats-${c.name}-top`);

        // The funnel's first stage: page, API and CSV say the same.
        const funnel = await api<FunnelBody>(launch, `/api/admin/stats/campaigns/${campaignId}/funnel`);
        const first = funnel.funnels.find((f) => f.campaignId === campaignId)?.stages[0];
        if (!first) throw new Error('no funnel stages for the campaign');
        expect(first.count).toBeGreaterThan(0);
        const onPage = await dataValue(page, `stats-funnel-count-${campaignId}-${first.stage}`);
        expect(onPage).toBe(first.count);
        const shown = (await page.getByTestId(`stats-funnel-count-${campaignId}-${first.stage}`).textContent()) ?? '';
        expect(Number(shown.replace(/\D/g, ''))).toBe(first.count);
        const funnelCsv = await downloadCsv(page, 'funnel');
        const csvStage = funnelCsv.find((r) => r.campaign_id === String(campaignId) && r.stage === first.stage);
        expect(Number(csvStage?.count)).toBe(first.count);
        await scrollToTop(page, 'stats-funnel');
        await screenshot(page, `office-stats-${c.name}-funnel`);

        // Sessions (split by inactivity): page, API and CSV.
        const sessions = await api<{ sessions: number }>(launch, `/api/admin/stats/campaigns/${campaignId}/sessions`);
        expect(sessions.sessions).toBeGreaterThan(0);
        expect(await dataValue(page, 'stats-sessions-count')).toBe(sessions.sessions);
        expect(await dataValue(page, 'stats-kpi-value-sessions')).toBe(sessions.sessions);
        const sessionsCsv = await downloadCsv(page, 'sessions');
        const total = sessionsCsv.find((r) => Object.values(r)[0] === 'total' && r.metric === 'sessions');
        expect(Number(total?.value)).toBe(sessions.sessions);

        // Retention: one heatmap row per cohort the API reports, the overall D1 the same.
        const retention = await api<{ cohorts: unknown[]; overall: { d1: { rate: number } | null } }>(
          launch,
          `/api/admin/stats/campaigns/${campaignId}/retention`,
        );
        expect(retention.cohorts.length).toBeGreaterThan(1);
        expect(await page.locator('[data-testid="stats-retention-heatmap"] tbody tr').count()).toBe(
          retention.cohorts.length + 1,
        );
        if (retention.overall.d1) {
          const rate = await page.getByTestId('stats-retention-overall-d1').getAttribute('data-rate');
          expect(Number(rate)).toBe(retention.overall.d1.rate);
        }
        await scrollToTop(page, 'stats-retention');
        await screenshot(page, `office-stats-${c.name}-retention`);
        expect(problems()).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('item 2 (p4): on a 320-px phone the funnel rows are worded stage labels and the retention D30 column stays inside its scroller', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 320,
      height: 720,
      mobile: true,
      colorScheme: 'light',
    });
    const problems = pageErrors(page, errors);
    try {
      const launch = adminLaunch('ru');
      await page.goto(`${launch}#/admin/campaign/${campaignId}/stats`);
      await page.getByTestId('stats-retention-heatmap').waitFor({ timeout: 30_000 });
      const funnel = await api<FunnelBody>(launch, `/api/admin/stats/campaigns/${campaignId}/funnel`);
      const stages = funnel.funnels.find((f) => f.campaignId === campaignId)?.stages ?? [];
      expect(stages.length).toBeGreaterThan(0);
      for (const st of stages) {
        const row = page.getByTestId(`stats-funnel-stage-${campaignId}-${st.stage}`);
        expect(await row.textContent()).toContain(stageLabel(st.stage, 'ru'));
        if (st.stage.includes('_')) expect(await row.textContent()).not.toContain(st.stage);
      }
      // The page itself never scrolls sideways; the heatmap scrolls inside its own box, which fits the window.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const table = page.getByTestId('stats-retention-heatmap');
      const box = await table.evaluate((el) => {
        const scroller = el.parentElement as HTMLElement;
        return { right: scroller.getBoundingClientRect().right, overflowX: getComputedStyle(scroller).overflowX };
      });
      expect(box.right).toBeLessThanOrEqual(320);
      expect(['auto', 'scroll']).toContain(box.overflowX);
      await expect.poll(() => table.locator('thead th', { hasText: 'D30' }).count()).toBe(1);
      await scrollToTop(page, 'stats-retention');
      await screenshot(page, 'office-stats-phone320-light-ru-retention');
      expect(problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('item 2: the brand dashboard shows a funnel per campaign and opens a campaign’s own dashboard', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 1280,
      height: 800,
      mobile: false,
      colorScheme: 'light',
    });
    const problems = pageErrors(page, errors);
    try {
      const launch = adminLaunch('ru');
      await page.goto(`${launch}#/admin/brand/${brandId}/stats`);
      await page.locator(`[data-testid="stats-funnel-chart-${campaignId}"] canvas`).waitFor({ timeout: 30_000 });
      const activity = await api<{ totals: { activeUsers: number } }>(
        launch,
        `/api/admin/stats/brands/${brandId}/activity`,
      );
      expect(await dataValue(page, 'stats-activity-active')).toBe(activity.totals.activeUsers);
      await screenshot(page, 'office-stats-brand-desktop-light-ru');
      await page.getByTestId(`stats-campaign-link-${campaignId}`).click();
      await page.waitForURL(new RegExp(`#/admin/campaign/${campaignId}/stats$`));
      await page.locator('[data-testid="stats-retention-chart"] canvas').waitFor({ timeout: 30_000 });
      expect(problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('item 1: charts take VKUI colour tokens and redraw when the scheme changes', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      mobile: true,
      colorScheme: 'light',
    });
    const problems = pageErrors(page, errors);
    try {
      await page.goto(`${adminLaunch('ru')}#/admin/campaign/${campaignId}/stats`);
      const chart = page.getByTestId('stats-activity-chart');
      await chart.locator('canvas').waitFor({ timeout: 30_000 });
      const accent = () =>
        chart.evaluate((el) => getComputedStyle(el).getPropertyValue('--vkui--color_background_accent').trim());
      const drawn = async () => (await chart.getAttribute('data-colors'))?.split(' ')[0];
      const light = await accent();
      expect(light).not.toBe('');
      expect(await drawn()).toBe(light);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(accent).not.toBe(light);
      const dark = await accent();
      await expect.poll(drawn).toBe(dark);
      // Width follows the container (phone → wider window).
      const narrow = await chart.locator('canvas').evaluate((el) => el.getBoundingClientRect().width);
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect
        .poll(() => chart.locator('canvas').evaluate((el) => el.getBoundingClientRect().width))
        .toBeGreaterThan(narrow + 100);
      expect(problems()).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
