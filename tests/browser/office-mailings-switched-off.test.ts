/**
 * Decision 064 in Chromium (desktop light in Russian, phone dark in English): a broadcast half-sent when the agency
 * switched the brand off reads "partly sent · 2 of 5" in the mailing list and on its page — before, the list said
 * "sending" for as long as the brand was off; and its bar shows the 40% that went out, in the negative colour (before:
 * 100%, the share of messages decided, decision 069). The broadcast is sent through the office's API; two of its messages are
 * marked delivered as the sender records them; the agency switches the brand off through its own route.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addAgencyOwner, addBrandMember } from './office-members.ts';

const T = 30_000;
const MAILER = 762_001;
const AGENCY = 762_002;
const USERS = [762_101, 762_102, 762_103, 762_104, 762_105];

let server: StartedServer;
let browser: Browser;
let campaignId: number;
let brandId: number;
let broadcastId: number;

const auth = (userId: number) => `VK ${new URL(participantUrl(server, { userId, language: 'ru' })).search.slice(1)}`;

async function api<R>(userId: number, method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: auth(userId), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as R;
}

beforeAll(async () => {
  server = await startServerLikeReadme();
  const c = withAppDb(server, (db) => {
    const c = db
      .prepare(
        'SELECT c.id, c.brand_id AS brandId, b.agency_id AS agencyId, m.vk_group_id AS groupId FROM campaigns c ' +
          "JOIN brands b ON b.id = c.brand_id JOIN communities m ON m.id = c.community_id WHERE c.slug = 'summer-tasks'",
      )
      .get() as { id: number; brandId: number; agencyId: number; groupId: number };
    addBrandMember(server, { userId: MAILER, brandId: c.brandId, sections: ['mailings'] });
    addAgencyOwner(server, { userId: AGENCY, agencyId: c.agencyId });
    const now = Date.now();
    for (const user of USERS) {
      db.prepare(
        "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code, language, last_seen_at) VALUES (?, 'vk', ?, ?, ?, 'ru', ?)",
      ).run(c.id, String(user), now, `off${user}`, now);
      db.prepare(
        "INSERT INTO consents (vk_group_id, vk_user_id, channel, allowed, source, updated_at) VALUES (?, ?, 'message', 1, 'message_allow', ?)",
      ).run(c.groupId, user, now);
    }
    return c;
  });
  campaignId = c.id;
  brandId = c.brandId;
  const sent = await api<{ broadcast: { id: number }; enqueued: number }>(
    MAILER,
    'POST',
    `/api/admin/mailing/campaigns/${campaignId}/broadcasts`,
    { name: 'Половина', segment: {}, channel: 'message', text: 'Новое задание', ignoreQuietHours: true },
  );
  expect(sent.enqueued).toBe(USERS.length);
  broadcastId = sent.broadcast.id;
  // Two delivered before the switch, as the sender records them; three still queued.
  withAppDb(server, (db) =>
    db
      .prepare(
        "UPDATE outbox SET status = 'sent', sent_at = ? WHERE id IN (SELECT id FROM outbox WHERE broadcast_id = ? ORDER BY id LIMIT 2)",
      )
      .run(Date.now(), broadcastId),
  );
  await api(AGENCY, 'POST', `/api/admin/agency/brands/${brandId}/switch-off`);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const viewports = [
  { name: 'desktop-light-ru', width: 1280, height: 900, mobile: false, colorScheme: 'light', language: 'ru' },
  { name: 'phone-dark-en', width: 390, height: 844, mobile: true, colorScheme: 'dark', language: 'en' },
] as const;

const words = {
  ru: 'Отправлена частично: агентство выключило бренд · отправлено 2 из 5',
  en: 'Partly sent: the agency switched the brand off · 2 of 5 sent',
} as const;

/** Under the bar (decision 069): what went out, as the bar shows it. */
const share = { ru: 'Отправлено 2 из 5', en: '2 of 5 sent' } as const;

describe('a broadcast the agency stopped by switching the brand off (decision 064)', () => {
  for (const vp of viewports) {
    it(`reads "partly sent · 2 of 5" in the list and on its page, not "sending" (${vp.name})`, async () => {
      const w = await openWatchedPage(browser, vp);
      const { page } = w;
      try {
        // The agency's people still reach a switched-off brand's office (its brand roles do not).
        const url = participantUrl(server, { userId: AGENCY, language: vp.language });
        await page.goto(`${url}#/admin/campaign/${campaignId}/mailings`);
        await page.getByText(words[vp.language]).first().waitFor({ timeout: T });
        await screenshot(page, `office-mailings-switched-off-list-${vp.name}`);
        await page.getByText('Половина').first().click();
        await page.getByTestId('progress-sent').waitFor({ timeout: T });
        await page.getByText(words[vp.language]).first().waitFor({ timeout: T });
        expect(await page.getByTestId('cancel-broadcast').count()).toBe(0);
        // The bar shows what went out (2 of 5), in the negative colour: not 100% of the messages "decided" (069).
        expect(await page.getByTestId('progress-percent').textContent()).toBe(
          vp.language === 'ru' ? '40\u00a0%' : '40%',
        );
        expect(await page.getByTestId('progress-share').textContent()).toBe(share[vp.language]);
        const bar = page.getByRole('progressbar');
        expect(await bar.getAttribute('aria-valuenow')).toBe('40');
        expect(await bar.getAttribute('aria-label')).toBe(share[vp.language]);
        expect(await bar.getAttribute('data-appearance')).toBe('negative');
        await screenshot(page, `office-mailings-switched-off-page-${vp.name}`);
        expect(w.errors).toEqual([]);
      } finally {
        await w.context.close();
      }
    });
  }
});
