/**
 * Issue 14 (beta test) in Chromium: a brand admin makes a campaign from the tasks → reward template, loads its real
 * code pool and a sandbox pool standing in for it, schedules it (the template starts tomorrow) and adds a tester by
 * VK id in the beta panel. The tester's VK launch sees the scheduled campaign early and plays it for real, getting a
 * sandbox code; someone else gets a 404 and the campaign screen's not-found message, and the stats API counts none of the tester's
 * plays. "Launch now" then wipes the beta plays: the sandbox code goes back, the real pool was never touched, the
 * tester's prize is gone, and after the launch the tester plays as a real participant. In-process detail:
 * server/office/beta/beta.test.ts. Screenshots under test-results/screenshots/office-beta-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const T = 20_000;
const TESTER = 8_801;
const OUTSIDER = 8_802;
const REAL_CODES = ['REAL-0001', 'REAL-0002', 'REAL-0003', 'REAL-0004', 'REAL-0005'];
const SANDBOX_CODES = ['TEST-0001', 'TEST-0002'];

const field = (page: Page, path: string) => page.locator(`[id="field-${path}"]`);

/** Calls the API as the launch in `url` (the same `Authorization` the mini app sends). */
async function call(url: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return fetch(`${server.baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      Authorization: `VK ${new URL(url).search.slice(1)}`,
      ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

async function json<T>(url: string, path: string): Promise<T> {
  const res = await call(url, path);
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

interface Pool {
  poolId: number;
  key: string;
  total: number;
  used: number;
  free: number;
  sandbox: boolean;
  sandboxOf: number | null;
}
const pools = async (campaignId: number) =>
  (await json<{ pools: Pool[] }>(server.adminUrl, `/api/admin/campaigns/${campaignId}/pools`)).pools;

async function upload(page: Page, poolId: number, codes: string[]) {
  await page
    .locator(
      `[data-testid="pool-upload-${poolId}"] input[type=file], input[type=file][data-testid="pool-upload-${poolId}"]`,
    )
    .setInputFiles({ name: 'codes.csv', mimeType: 'text/csv', buffer: Buffer.from(`code\n${codes.join('\n')}\n`) });
  await page.getByTestId(`pool-import-done-${poolId}`).waitFor({ timeout: T });
}

/** The stats API's view of the campaign: funnel counts, sessions, rewards issued (in the range and overall). */
async function statsOf(campaignId: number) {
  const base = `/api/admin/stats/campaigns/${campaignId}`;
  const funnel = await json<{ funnels: { campaignId: number; stages: { stage: string; count: number }[] }[] }>(
    server.adminUrl,
    `${base}/funnel`,
  );
  const sessions = await json<{ sessions: number; users: number }>(server.adminUrl, `${base}/sessions`);
  const activity = await json<{ totals: { activeUsers: number; newParticipants: number } }>(
    server.adminUrl,
    `${base}/activity`,
  );
  const rewards = await json<{ rewards: { rewardKey: string; issued: number; issuedTotal: number }[] }>(
    server.adminUrl,
    `${base}/rewards`,
  );
  return {
    funnel: (funnel.funnels.find((f) => f.campaignId === campaignId)?.stages ?? []).map((s) => s.count),
    sessions: sessions.sessions,
    users: sessions.users,
    active: activity.totals.activeUsers,
    newParticipants: activity.totals.newParticipants,
    issued: rewards.rewards.map((r) => [r.rewardKey, r.issued, r.issuedTotal]),
  };
}

/** The participant walks the three link tasks and claims the discount; returns the code shown. */
async function playForCode(page: Page): Promise<string> {
  for (const key of ['join', 'messages', 'site']) {
    await page.getByTestId(`task-action-${key}`).click();
    await page.locator(`[data-testid="task-${key}"][data-state="done"]`).waitFor({ timeout: T });
  }
  await page.getByTestId('reward-claim-discount15').click();
  const code = page.getByTestId('reward-code');
  await code.waitFor({ timeout: T });
  return (await code.textContent()) ?? '';
}

describe('item 1: the beta test in the browser', () => {
  it('item 1: a scheduled campaign is played early by a tester against the sandbox pool, hidden from others and from the stats, wiped at launch', async () => {
    const admin = await openWatchedPage(browser, { width: 1280, height: 860, colorScheme: 'light' });
    const adminBase = server.adminUrl.split('#')[0] as string;
    let campaignId = 0;
    let slug = '';
    try {
      const page = admin.page;
      // The brand admin makes a campaign from the template (it starts tomorrow) with link tasks only.
      await page.goto(server.adminUrl);
      await page.getByText(/Управление акциями|Manage campaigns/).click();
      await page.getByTestId('office-new-campaign').click({ timeout: T });
      await page.getByTestId('office-use-tasks-reward').click({ timeout: T });
      await field(page, 'title').waitFor({ timeout: T });
      await field(page, 'title').fill('Бета E2E');
      for (const [i, url] of [
        [0, 'https://example.com/a'],
        [1, 'https://example.com/b'],
      ] as const) {
        await field(page, `tasks.${i}.kind`).selectOption('visit_link');
        await field(page, `tasks.${i}.config.url`).fill(url);
      }
      await page.getByTestId('office-save').click();
      await expect.poll(() => page.getByTestId('office-save-state').getAttribute('data-state')).toBe('saved');
      campaignId = Number(/#\/admin\/campaign\/(\d+)/.exec(page.url())?.[1]);
      expect(campaignId).toBeGreaterThan(0);

      // Codes: the real pool, and a sandbox pool standing in for it during the beta test.
      await page.getByTestId('office-section-pools').click();
      await page.getByTestId('pool-discount15').waitFor({ timeout: T });
      const real = (await pools(campaignId)).find((p) => p.key === 'discount15') as Pool;
      await upload(page, real.poolId, REAL_CODES);
      await page.locator('#pool-key').fill('discount15-beta');
      await page.locator('#pool-name').fill('Бета-коды');
      // VKUI's Select is a custom list box on desktop: open it and pick the real pool by its name.
      await page.locator('#pool-sandbox').click();
      await page.getByRole('option', { name: 'Промокоды −15%' }).click();
      await page.getByRole('button', { name: /Создать пул|Create pool/ }).click();
      await page.getByTestId('pool-discount15-beta').waitFor({ timeout: T });
      const sandbox = (await pools(campaignId)).find((p) => p.key === 'discount15-beta') as Pool;
      expect(sandbox).toMatchObject({ sandbox: true, sandboxOf: real.poolId });
      await upload(page, sandbox.poolId, SANDBOX_CODES);
      await page.getByTestId('pool-discount15-beta').scrollIntoViewIfNeeded();
      await screenshot(page, 'office-beta-pools-desktop-light');

      // Scheduled, with its start in the future.
      await page.goto(`${adminBase}#/admin/campaign/${campaignId}`);
      await page.getByTestId('office-to-scheduled').click({ timeout: T });
      await page.getByTestId('office-confirm').click();
      await expect
        .poll(() => page.getByTestId('office-status').first().textContent(), { timeout: T })
        .toMatch(/Запланирована|Scheduled/);
      const { document: doc } = await json<{ document: { status: string; startsAt: number; slug: string } }>(
        server.adminUrl,
        `/api/admin/campaigns/${campaignId}`,
      );
      expect(doc.status).toBe('scheduled');
      expect(doc.startsAt).toBeGreaterThan(Date.now());
      slug = doc.slug;

      // The beta panel: a tester added by VK id.
      await page.getByTestId('office-section-beta').click();
      await page.locator('#beta-vk-id').fill(`id${TESTER}`);
      const add = page.getByRole('button', { name: /^(Добавить|Add)$/ });
      // Its label is whole, not cut to "Добав…" by the input beside it.
      expect(
        await add.evaluate((button) =>
          [button, ...button.querySelectorAll('*')].some((el) => el.scrollWidth > el.clientWidth + 1),
        ),
      ).toBe(false);
      await add.click();
      await page.getByTestId(`tester-${TESTER}`).waitFor({ timeout: T });
      await screenshot(page, 'office-beta-panel-desktop-light');
      expect(admin.errors).toEqual([]);
    } finally {
      await admin.context.close();
    }

    const tester = participantUrl(server, { userId: TESTER, language: 'ru' });
    const outsider = participantUrl(server, { userId: OUTSIDER, language: 'ru' });
    const before = await statsOf(campaignId);

    // The tester sees the scheduled campaign and plays it for real: the code comes from the sandbox.
    const phone = await openWatchedPage(browser, { width: 390, height: 844, mobile: true, colorScheme: 'dark' });
    try {
      phone.context.on('page', (p) => void p.close()); // visit_link opens the brand's site; no internet here
      await phone.page.goto(tester);
      // The home list shows it to the tester (and to no one else, below).
      await phone.page.getByTestId(`campaign-${slug}`).waitFor({ timeout: T });
      await screenshot(phone.page, 'office-beta-tester-home-phone-dark');
      const listed = await json<{ campaigns: { id: number }[] }>(tester, '/api/campaigns');
      expect(listed.campaigns.map((c) => c.id)).toContain(campaignId);
      await phone.page.goto(`${tester}#/campaign/${campaignId}`);
      await expect.poll(() => phone.page.getByTestId('campaign-title').textContent(), { timeout: T }).toBe('Бета E2E');
      const code = await playForCode(phone.page);
      expect(SANDBOX_CODES).toContain(code);
      await screenshot(phone.page, 'office-beta-tester-sandbox-code-phone-dark');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }

    // Someone outside the group: not in the list; by API and by URL only that it has not started (decision 105).
    expect((await call(outsider, `/api/campaigns/${campaignId}`)).status).toBe(409);
    expect((await call(outsider, `/api/campaigns/${campaignId}/open`, { method: 'POST', body: {} })).status).toBe(409);
    const theirList = await json<{ campaigns: { id: number }[] }>(outsider, '/api/campaigns');
    expect(theirList.campaigns.map((c) => c.id)).not.toContain(campaignId);
    const other = await openWatchedPage(browser, { width: 390, height: 844, mobile: true, colorScheme: 'light' });
    try {
      await other.page.goto(`${outsider}#/campaign/${campaignId}`);
      // The campaign screen's answer to a scheduled campaign: when it starts, never the campaign itself.
      await other.page.getByTestId('phase-not_started').waitFor({ timeout: T });
      expect(await other.page.getByTestId('campaign-title').count()).toBe(0);
      await screenshot(other.page, 'office-beta-outsider-not-started-phone-light');
    } finally {
      await other.context.close();
    }

    // The tester really played (the sandbox gave a code, the tester holds it) and the stats API counts none of it.
    const during = await pools(campaignId);
    expect(during.find((p) => p.key === 'discount15-beta')?.used).toBe(1);
    expect(during.find((p) => p.key === 'discount15')).toMatchObject({ total: REAL_CODES.length, used: 0 });
    const held = await json<{ prizes: { code: string | null }[] }>(tester, `/api/campaigns/${campaignId}/prizes`);
    expect(held.prizes.map((p) => p.code)).toEqual([expect.stringMatching(/^TEST-/)]);
    const duringStats = await statsOf(campaignId);
    expect(duringStats).toEqual(before);
    expect(duringStats.funnel.every((n) => n === 0)).toBe(true);
    expect(duringStats).toMatchObject({ sessions: 0, users: 0, active: 0, newParticipants: 0 });
    expect(duringStats.issued).toEqual([['discount15', 0, 0]]);

    // Launch now: the beta plays are wiped, the sandbox code goes back, the real pool is as it was.
    const launch = await openWatchedPage(browser, { width: 1280, height: 860, colorScheme: 'light' });
    try {
      await launch.page.goto(`${adminBase}#/admin/campaign/${campaignId}`);
      await launch.page.getByTestId('office-to-live').click({ timeout: T });
      await launch.page.getByTestId('office-confirm').click();
      await expect
        .poll(() => launch.page.getByTestId('office-status').first().textContent(), { timeout: T })
        .toMatch(/Идёт|Live/);
      await screenshot(launch.page, 'office-beta-launched-desktop-light');
      expect(launch.errors).toEqual([]);
    } finally {
      await launch.context.close();
    }
    const after = await pools(campaignId);
    expect(after.find((p) => p.key === 'discount15-beta')).toMatchObject({ total: SANDBOX_CODES.length, used: 0 });
    expect(after.find((p) => p.key === 'discount15')).toMatchObject({
      total: REAL_CODES.length,
      used: 0,
      free: REAL_CODES.length,
    });
    // The tester's participation itself is gone: asking for its prizes is "not joined" (409), not a list with the code.
    const gone = await call(tester, `/api/campaigns/${campaignId}/prizes`);
    const goneBody = (await gone.json()) as { error: { code: string } };
    expect([gone.status, goneBody.error.code]).toEqual([409, 'not_joined']);
    const group = await json<{ open: boolean; status: string }>(
      server.adminUrl,
      `/api/admin/campaigns/${campaignId}/testers`,
    );
    expect(group).toMatchObject({ open: false, status: 'live' });
    expect(await statsOf(campaignId)).toEqual(before);

    // After the launch the former tester starts afresh as a real participant, with a real code, counted.
    const again = await openWatchedPage(browser, { width: 390, height: 844, mobile: true, colorScheme: 'light' });
    try {
      again.context.on('page', (p) => void p.close());
      await again.page.goto(`${tester}#/campaign/${campaignId}`);
      await again.page.locator('[data-testid="task-join"][data-state="todo"]').waitFor({ timeout: T });
      const code = await playForCode(again.page);
      expect(code).toBe(REAL_CODES[0]);
      await screenshot(again.page, 'office-beta-after-launch-real-code-phone-light');
      expect(again.errors).toEqual([]);
    } finally {
      await again.context.close();
    }
    const counted = await statsOf(campaignId);
    expect(counted.funnel[0]).toBe(1);
    expect(counted.issued).toEqual([['discount15', 1, 1]]);
  });
});
