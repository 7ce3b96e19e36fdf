/**
 * The support desk names each participant by their platform, in Chromium: an OK participant's request read
 * «id5550001» (a VK-style id of a page that does not exist) and the assignee a bare «id…». Now the inbox reads
 * «Одноклассники · 5550001» and «ВКонтакте · id7712»; in a thread the VK participant links to their VK page and the
 * OK one links nowhere. Phone (inbox) and desktop (threads). Screenshot: test-results/screenshots/office-support-people.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner, demoCampaign } from './office-members.ts';
import { activePanel } from './vkui-panel.ts';

const AGENCY_OWNER = 7711;
const VK_WRITER = 7712;
const OK_WRITER = '5550001';
const T = 20_000;

let server: StartedServer;
let browser: Browser;
let brandId: number;
const ticketIds = { vk: 0, ok: 0 };

beforeAll(async () => {
  server = await startServerLikeReadme();
  browser = await launchChromium();
  const c = demoCampaign(server);
  brandId = c.brandId;
  const campaignId = c.id;
  const owner = addAgencyOwner(server, { userId: AGENCY_OWNER, agencyId: c.agencyId });
  // An OK participant's request, as the mini app in OK files it (the OK launch itself is not what is tested here),
  // assigned to the agency owner.
  withAppDb(server, (db) => {
    const now = Date.now();
    const ok = db
      .prepare(
        "INSERT INTO tickets (campaign_id, platform, platform_user_id, source, subject, status, created_at, updated_at, assignee_membership_id, waiting_since) VALUES (?, 'ok', ?, 'miniapp', ?, 'new', ?, ?, ?, ?) RETURNING id",
      )
      .get(c.id, OK_WRITER, 'Вопрос из Одноклассников', now, now, owner.membershipId, now) as { id: number };
    ticketIds.ok = ok.id;
  });
  const launch = new URL(participantUrl(server, { userId: VK_WRITER, language: 'ru' }));
  const call = async (path: string, body: unknown) => {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `VK ${launch.search.slice(1)}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { ticket: { id: number } };
  };
  await call(`/api/campaigns/${campaignId}/open`, {});
  ticketIds.vk = (
    await call('/api/support/tickets', { campaignId, subject: 'Вопрос из ВК', body: 'Где мой код?' })
  ).ticket.id;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const phone = { width: 375, height: 812, mobile: true, colorScheme: 'light' } as const;
const desktop = { width: 1280, height: 800, mobile: false, colorScheme: 'dark' } as const;
const open = (page: Page, hash: string) =>
  page.goto(`${participantUrl(server, { userId: AGENCY_OWNER, language: 'ru' }).split('#')[0]}#${hash}`);

describe('people at the support desk', () => {
  it('the inbox names an OK and a VK participant and the assignee by platform (phone, ru)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, phone);
    try {
      await open(page, `/admin/brand/${brandId}/support`);
      const row = (which: 'vk' | 'ok') => activePanel(page).getByTestId(`inbox-ticket-${ticketIds[which]}`);
      await row('ok').waitFor({ timeout: 30_000 });
      await row('vk').waitFor({ timeout: T });
      const ok = await row('ok').textContent();
      expect(ok).toContain('Одноклассники · 5550001');
      expect(ok).toContain(`ведёт ВКонтакте · id${AGENCY_OWNER}`);
      expect(ok).not.toContain('id5550001');
      expect(await row('vk').textContent()).toContain(`ВКонтакте · id${VK_WRITER}`);
      await screenshot(page, 'office-support-people');
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('decision 109: the participant and the assignee each read on a line of their own, not joined by « · » to the ticket’s facts (phone, dark, en)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, { ...phone, colorScheme: 'dark' });
    try {
      await page.goto(
        `${participantUrl(server, { userId: AGENCY_OWNER, language: 'en' }).split('#')[0]}#/admin/brand/${brandId}/support`,
      );
      const participant = activePanel(page).getByTestId(`inbox-participant-${ticketIds.ok}`);
      await participant.waitFor({ timeout: 30_000 });
      expect(await participant.textContent()).toBe('OK · 5550001');
      const assignee = activePanel(page).getByTestId(`inbox-assignee-${ticketIds.ok}`);
      expect(await assignee.textContent()).toContain(`VK · id${AGENCY_OWNER}`);
      // Lines apart: the assignee starts below the participant, within the phone's width.
      const [p, a] = [await participant.boundingBox(), await assignee.boundingBox()];
      expect(a && p && a.y >= p.y + p.height - 1).toBe(true);
      expect((a?.x ?? 0) + (a?.width ?? 0)).toBeLessThanOrEqual(375);
      await screenshot(page, 'office-support-people-lines');
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a thread names its participant: the VK one linked to their page, the OK one linked nowhere (desktop, ru)', async () => {
    const { page, context, errors } = await openWatchedPage(browser, desktop);
    try {
      const who = () => activePanel(page).getByTestId('thread-participant');
      await open(page, `/admin/brand/${brandId}/support/ticket/${ticketIds.ok}`);
      await who().waitFor({ timeout: 30_000 });
      expect(await who().textContent()).toContain('Одноклассники · 5550001');
      expect(await who().locator('a').count()).toBe(0);
      expect(await activePanel(page).locator('a[href*="vk.com"]').count()).toBe(0);
      const assignee = await activePanel(page).locator('#thread-assignee option:checked').textContent();
      expect(assignee).toContain(`ВКонтакте · id${AGENCY_OWNER}`);

      await open(page, `/admin/brand/${brandId}/support/ticket/${ticketIds.vk}`);
      await page.waitForFunction((id) => document.body.textContent?.includes(`id${id}`), VK_WRITER, { timeout: T });
      const link = who().getByRole('link');
      expect(await link.getAttribute('href')).toBe(`https://vk.com/id${VK_WRITER}`);
      expect(await link.textContent()).toBe(`id${VK_WRITER}`);
      expect(errors.filter((e) => !e.startsWith('console: Failed to load resource'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
