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
import { statsStrings } from '../../miniapp/admin/i18n-stats.ts';
import { percentText } from '../../miniapp/admin/percent-text.ts';
import { stageLabel } from '../../miniapp/admin/stage-label.ts';
import { formatDuration, formatInt, formatNumber, formatShare } from '../../miniapp/admin/stats/stats-format.ts';
import { fill } from '../../miniapp/i18n-fill.ts';
import type { Config } from '../../server/config.ts';
import { excelNumber, excelRows, readExcelCsv } from '../../server/http/testing/excel-csv.ts';
import { localLaunchUrl } from '../../server/local-launch.ts';
import { DEMO_ADMIN_VK_ID } from '../../server/seed/demo-ids.ts';
import { byKey } from '../../server/stats/testing/worded-csv.ts';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { telemetryCount, writeOldCohortAndGrants, writeStatsHistory } from './stats-history.ts';

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
  // A 40-day-old cohort (so D30 is known) and a few rewards issued: what the demo's three weeks cannot show.
  expect(writeOldCohortAndGrants(file, campaignId).grants).toBeGreaterThan(0);
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

const DAY = 86_400_000;

async function api<T>(launch: string, path: string): Promise<T> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    headers: { Authorization: `VK ${new URL(launch).search.slice(1)}` },
  });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

/** The CSV's rows as objects by key (worded headers, table and metric names read back through the labels). */
function parseCsv(text: string, language: 'ru' | 'en'): Record<string, string>[] {
  return byKey(parseWordedCsv(text, language));
}

/**
 * The CSV's rows as objects by its header, split as the Excel of the office's language splits it (Russian `;`, English
 * `,`: decision 075), quotes, CRLF: server/http/testing/excel-csv.ts.
 */
function parseWordedCsv(text: string, language: 'ru' | 'en'): Record<string, string>[] {
  const [header = [], ...body] = excelRows(text, language);
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Clicks a measure's CSV button and reads the file the browser saved. */
async function downloadCsv(page: Page, measure: string, language: 'ru' | 'en'): Promise<Record<string, string>[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 20_000 }),
    page.getByTestId(`stats-csv-${measure}`).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^stats-campaign-${campaignId}-${measure}-.+\\.csv$`));
  const file = readExcelCsv(readFileSync(await download.path()), language);
  expect(file.bom).toBe(true); // Russian Excel reads UTF-8 without it as Windows-1251 (decision 060)
  // The header line split at the office language's separator is more than one column (one column: the wrong one).
  expect(file.rows[0]?.length ?? 0).toBeGreaterThan(1);
  return parseCsv(file.text, language);
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
  funnels: {
    campaignId: number;
    taskTitles: Record<string, string>;
    stages: {
      stage: string;
      count: number;
      pctOfFirst: number;
      dropOff: number;
      medianMsFromPrevious: number | null;
    }[];
  }[];
}

interface SessionsBody {
  sessions: number;
  users: number;
  sessionsPerUser: { mean: number | null; median: number | null };
  lengthMs: { mean: number | null; median: number | null; p90: number | null };
}
type Retained = { users: number; rate: number } | null;
interface RetentionBody {
  cohorts: { day: string; size: number; d1: Retained; d7: Retained; d30: Retained }[];
  overall: { d1: Retained; d7: Retained; d30: Retained };
}
interface RewardsBody {
  rewards: {
    campaignId: number;
    rewardKey: string;
    issued: number;
    issuedTotal: number;
    stock: number | null;
    stockLeft: number | null;
  }[];
}

/** Text as a person reads it: any run of spaces (the formatters' no-break and narrow ones too) as one space. */
const norm = (text: string | null) => (text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();
/** A CSV cell as a number; an empty cell is the JSON's null. */
const csvNumber = excelNumber;
const csvNumbers = (row: Record<string, string> | undefined, keys: string[]) => keys.map((k) => csvNumber(row?.[k]));

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
        // The period's days are the campaign's zone's days; the zone is named with its offset.
        expect(await page.getByTestId('stats-range').textContent()).toMatch(/\([A-Za-z_/]+, UTC[+−]\d+\)/);

        // The funnel's first stage: page, API and CSV say the same.
        const funnel = await api<FunnelBody>(launch, `/api/admin/stats/campaigns/${campaignId}/funnel`);
        const ours = funnel.funnels.find((f) => f.campaignId === campaignId);
        const first = ours?.stages[0];
        if (!first) throw new Error('no funnel stages for the campaign');
        expect(first.count).toBeGreaterThan(0);
        const onPage = await dataValue(page, `stats-funnel-count-${campaignId}-${first.stage}`);
        expect(onPage).toBe(first.count);
        const shown = (await page.getByTestId(`stats-funnel-count-${campaignId}-${first.stage}`).textContent()) ?? '';
        expect(Number(shown.replace(/\D/g, ''))).toBe(first.count);
        const funnelCsv = await downloadCsv(page, 'funnel', c.language);
        // The file names a stage as the chart does (stage-words.ts), so it is joined to the API by that label.
        const csvStage = funnelCsv.find(
          (r) =>
            r.campaign_id === String(campaignId) && r.stage === stageLabel(first.stage, c.language, ours?.taskTitles),
        );
        expect(Number(csvStage?.count)).toBe(first.count);
        await scrollToTop(page, 'stats-funnel');
        await screenshot(page, `office-stats-${c.name}-funnel`);

        // Sessions (split by inactivity): page, API and CSV.
        const sessions = await api<{ sessions: number }>(launch, `/api/admin/stats/campaigns/${campaignId}/sessions`);
        expect(sessions.sessions).toBeGreaterThan(0);
        expect(await dataValue(page, 'stats-sessions-count')).toBe(sessions.sessions);
        expect(await dataValue(page, 'stats-kpi-value-sessions')).toBe(sessions.sessions);
        const sessionsCsv = await downloadCsv(page, 'sessions', c.language);
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

  for (const c of [cases[0], cases[3]]) {
    it(`item 2 (p11): every funnel stage, sessions, D1/D7/D30 retention and rewards: page = API = CSV (${c.name})`, async () => {
      const launch = adminLaunch(c.language);
      const lang = c.language;
      const s = statsStrings(lang);
      const { page, context, errors } = await openWatchedPage(browser, c);
      const problems = pageErrors(page, errors);
      try {
        await page.goto(`${launch}#/admin/campaign/${campaignId}/stats`);
        const range = page.getByTestId('stats-range');
        await range.waitFor({ timeout: 30_000 });
        // 45 days up to today, picked in the page's own filter, so a 40-day-old cohort's D30 is in view.
        const to = await range.getAttribute('data-to');
        if (!to) throw new Error('the page shows no range');
        const from = new Date(Date.parse(`${to}T00:00:00Z`) - 44 * DAY).toISOString().slice(0, 10);
        await page.locator('#stats-from').fill(from);
        await expect.poll(() => range.getAttribute('data-from'), { timeout: 20_000 }).toBe(from);
        const q = `?from=${from}&to=${to}`;
        const base = `/api/admin/stats/campaigns/${campaignId}`;

        // Funnel: every stage's count (and the drop-off and share written under it) on the page, in the API, in the CSV.
        const funnel = (await api<FunnelBody>(launch, `${base}/funnel${q}`)).funnels.find(
          (f) => f.campaignId === campaignId,
        );
        const stages = funnel?.stages ?? [];
        expect(stages.length).toBeGreaterThan(1);
        expect(stages.every((st) => st.count > 0)).toBe(true);
        const funnelCsv = await downloadCsv(page, 'funnel', lang);
        for (const [i, st] of stages.entries()) {
          const count = page.getByTestId(`stats-funnel-count-${campaignId}-${st.stage}`);
          await expect.poll(() => count.getAttribute('data-value'), { timeout: 15_000 }).toBe(String(st.count));
          expect(norm(await count.textContent())).toBe(norm(formatInt(st.count, lang)));
          const cell = norm(await page.getByTestId(`stats-funnel-stage-${campaignId}-${st.stage}`).textContent());
          // The office's percent (percent-text.ts), as every other percentage there.
          expect(cell).toContain(norm(`${percentText(st.pctOfFirst / 100, lang, { digits: 2 })} ${s.ofFirst}`));
          if (i > 0) expect(cell).toContain(norm(fill(s.dropOff, { n: formatInt(st.dropOff, lang) })));
          if (i > 0 && st.medianMsFromPrevious !== null)
            expect(cell).toContain(norm(formatDuration(st.medianMsFromPrevious, s, lang)));
          const row = funnelCsv.find(
            (r) => r.table === 'stage' && r.stage === stageLabel(st.stage, lang, funnel?.taskTitles),
          );
          expect(row, st.stage).toBeDefined();
          expect(csvNumbers(row, ['count', 'drop_off', 'pct_of_first', 'median_ms_from_previous'])).toEqual([
            st.count,
            st.dropOff,
            st.pctOfFirst,
            st.medianMsFromPrevious,
          ]);
        }
        await scrollToTop(page, 'stats-funnel');
        await screenshot(page, `office-stats-p11-${c.name}-funnel`);

        // Sessions: count, users, per user (mean / median), length (median / p90).
        const sessions = await api<SessionsBody>(launch, `${base}/sessions${q}`);
        expect(sessions.sessions).toBeGreaterThan(0);
        const sessionsCount = page.getByTestId('stats-sessions-count');
        await expect.poll(() => sessionsCount.getAttribute('data-value')).toBe(String(sessions.sessions));
        expect(norm(await sessionsCount.textContent())).toBe(norm(formatInt(sessions.sessions, lang)));
        expect(await dataValue(page, 'stats-sessions-users')).toBe(sessions.users);
        const perUser = page.getByTestId('stats-sessions-per-user');
        const { mean, median } = sessions.sessionsPerUser;
        expect([await perUser.getAttribute('data-mean'), await perUser.getAttribute('data-median')]).toEqual([
          String(mean),
          String(median),
        ]);
        expect(norm(await perUser.textContent())).toContain(
          norm(`${formatNumber(mean as number, lang)} / ${formatNumber(median as number, lang)}`),
        );
        const length = page.getByTestId('stats-sessions-length');
        expect(Number(await length.getAttribute('data-median'))).toBe(sessions.lengthMs.median);
        expect(norm(await length.textContent())).toContain(
          norm(
            `${formatDuration(sessions.lengthMs.median as number, s, lang)} / ${formatDuration(sessions.lengthMs.p90 as number, s, lang)}`,
          ),
        );
        const total = (await downloadCsv(page, 'sessions', lang)).filter((r) => r.table === 'total');
        const metric = (key: string) => csvNumber(total.find((r) => r.metric === key)?.value);
        expect(
          ['sessions', 'users', 'sessions_per_user_mean', 'sessions_per_user_median', 'length_ms_median'].map(metric),
        ).toEqual([sessions.sessions, sessions.users, mean, median, sessions.lengthMs.median]);
        await scrollToTop(page, 'stats-sessions');
        await screenshot(page, `office-stats-p11-${c.name}-sessions`);

        // Retention: every cohort whose D1, D7 and D30 are all known (the 40-day-old one at least), and the overall row.
        const retention = await api<RetentionBody>(launch, `${base}/retention${q}`);
        // (A day nobody joined is a size-0 cohort: the page shows a dash there, not a share.)
        const full = retention.cohorts.filter((co) => co.size > 0 && co.d1 && co.d7 && co.d30);
        expect(full.length).toBeGreaterThan(0);
        const retentionCsv = await downloadCsv(page, 'retention', lang);
        for (const co of full) {
          const row = retentionCsv.find((r) => r.table === 'cohort' && r.day === co.day);
          expect(csvNumbers(row, ['size'])).toEqual([co.size]);
          for (const d of ['d1', 'd7', 'd30'] as const) {
            const want = co[d] as { users: number; rate: number };
            const cell = page.getByTestId(`stats-retention-${co.day}-${d}`);
            await expect.poll(() => cell.getAttribute('data-rate')).toBe(String(want.rate));
            expect(Number(await cell.getAttribute('data-users'))).toBe(want.users);
            expect(norm(await cell.textContent())).toBe(norm(formatShare(want.rate, lang)));
            expect(csvNumbers(row, [`${d}_users`, `${d}_rate`])).toEqual([want.users, want.rate]);
          }
        }
        const overall = retentionCsv.find((r) => r.table === 'overall');
        for (const d of ['d1', 'd7', 'd30'] as const) {
          const want = retention.overall[d] as { users: number; rate: number };
          expect(Number(await page.getByTestId(`stats-retention-overall-${d}`).getAttribute('data-rate'))).toBe(
            want.rate,
          );
          expect(csvNumbers(overall, [`${d}_users`, `${d}_rate`])).toEqual([want.users, want.rate]);
        }
        await page.getByTestId(`stats-retention-${full[0]?.day}-d30`).scrollIntoViewIfNeeded();
        await screenshot(page, `office-stats-p11-${c.name}-retention-d30`);

        // Rewards: issued in the period and overall, stock and stock left, per reward.
        const rewards = await api<RewardsBody>(launch, `${base}/rewards${q}`);
        expect(rewards.rewards.reduce((n, r) => n + r.issued, 0)).toBeGreaterThan(0);
        const rewardsCsv = await downloadCsv(page, 'rewards', lang);
        for (const r of rewards.rewards) {
          const cell = page.getByTestId(`stats-reward-${r.campaignId}-${r.rewardKey}`);
          await expect.poll(() => cell.getAttribute('data-issued')).toBe(String(r.issued));
          expect([
            csvNumber((await cell.getAttribute('data-issued-total')) ?? ''),
            csvNumber((await cell.getAttribute('data-stock')) ?? ''),
            csvNumber((await cell.getAttribute('data-stock-left')) ?? ''),
          ]).toEqual([r.issuedTotal, r.stock, r.stockLeft]);
          const text = norm(await cell.textContent());
          expect(text).toContain(
            norm(fill(s.issuedLine, { n: formatInt(r.issued, lang), total: formatInt(r.issuedTotal, lang) })),
          );
          expect(text).toContain(
            norm(
              r.stock === null || r.stockLeft === null
                ? s.unlimited
                : fill(s.stockLeft, { n: formatInt(r.stockLeft, lang), of: formatInt(r.stock, lang) }),
            ),
          );
          const row = rewardsCsv.find((x) => x.table === 'reward' && x.reward === r.rewardKey);
          expect(csvNumbers(row, ['issued', 'issued_total', 'stock', 'stock_left'])).toEqual([
            r.issued,
            r.issuedTotal,
            r.stock,
            r.stockLeft,
          ]);
        }
        await scrollToTop(page, 'stats-rewards');
        await screenshot(page, `office-stats-p11-${c.name}-rewards`);
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

  it('a period whose figures fail to load is never labelled with the previous period; Retry asks the new one', async () => {
    const { page, context, errors } = await openWatchedPage(browser, {
      width: 390,
      height: 844,
      mobile: true,
      colorScheme: 'light',
    });
    try {
      await page.goto(`${adminLaunch('en')}#/admin/campaign/${campaignId}/stats`);
      const range = page.getByTestId('stats-range');
      await range.waitFor({ timeout: 30_000 });
      const to = await range.getAttribute('data-to');
      if (!to) throw new Error('the page shows no range');
      const from = new Date(Date.parse(`${to}T00:00:00Z`) - 6 * DAY).toISOString().slice(0, 10);
      // The new week's requests fail: the summary with a server error, the other measures with the network gone.
      let failing = true;
      await page.route(`**/api/admin/stats/**from=${from}*`, (route) => {
        if (!failing) return route.continue();
        if (new URL(route.request().url()).pathname.endsWith('/summary')) {
          return route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"internal"}' });
        }
        return route.abort('internetdisconnected');
      });
      await page.locator('#stats-from').fill(from);
      const summary = page.getByTestId('stats-summary');
      await summary.getByTestId('load-error').waitFor({ timeout: 20_000 });
      await page.getByTestId('stats-funnel').getByTestId('load-error').waitFor({ timeout: 20_000 });
      // The control and the label both name the asked week, above its errors (the label kept the 30 days before).
      expect(await page.locator('#stats-from').inputValue()).toBe(from);
      expect([await range.getAttribute('data-from'), await range.getAttribute('data-to')]).toEqual([from, to]);
      await screenshot(page, 'office-stats-period-failed-phone-light-en');

      // Retry asks the same week, and the label then names it.
      failing = false;
      await summary.getByTestId('load-retry').click();
      await summary.getByTestId('stats-kpi-value-sessions').waitFor({ timeout: 20_000 });
      expect([await range.getAttribute('data-from'), await range.getAttribute('data-to')]).toEqual([from, to]);
      const unexpected = errors.filter((e) => !e.startsWith('console: Failed to load resource'));
      expect(unexpected).toEqual([]);
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
