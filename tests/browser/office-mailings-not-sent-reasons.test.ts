/**
 * Decision 111 in Chromium (phone dark in Russian, desktop light in English): a broadcast's page says why its messages
 * were not sent right under their count — «Не отправлено 4», then «Рассылку остановили 2», «Получатель запретил
 * сообщения 1», «Причина не записана 1», the largest first — where before one «Отменено 4» stood for every reason.
 * The broadcast is sent through the office's API; one message is marked delivered as the sender records it, two
 * closed as a recipient's withdrawn consent closes them… (one as consent, one with no reason, as an earlier release
 * wrote), the rest stopped through the office's own stop route.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember } from './office-members.ts';

const T = 30_000;
const MAILER = 764_001;
const USERS = [764_101, 764_102, 764_103, 764_104, 764_105];

let server: StartedServer;
let browser: Browser;
let campaignId: number;
let broadcastId: number;

const auth = (userId: number) => `VK ${new URL(participantUrl(server, { userId, language: 'ru' })).search.slice(1)}`;

async function api<R>(method: string, path: string, body?: unknown): Promise<R> {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { Authorization: auth(MAILER), ...(body ? { 'Content-Type': 'application/json' } : {}) },
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
    const now = Date.now();
    for (const user of USERS) {
      db.prepare(
        "INSERT INTO participants (campaign_id, platform, platform_user_id, stage_reached_at, referral_code, language, last_seen_at) VALUES (?, 'vk', ?, ?, ?, 'ru', ?)",
      ).run(c.id, String(user), now, `nsr${user}`, now);
      db.prepare(
        "INSERT INTO consents (vk_group_id, vk_user_id, channel, allowed, source, updated_at) VALUES (?, ?, 'message', 1, 'message_allow', ?)",
      ).run(c.groupId, user, now);
    }
    return c;
  });
  campaignId = c.id;
  const sent = await api<{ broadcast: { id: number }; enqueued: number }>(
    'POST',
    `/api/admin/mailing/campaigns/${campaignId}/broadcasts`,
    { name: 'Почему не дошло', segment: {}, channel: 'message', text: 'Новое задание', ignoreQuietHours: true },
  );
  expect(sent.enqueued).toBe(USERS.length);
  broadcastId = sent.broadcast.id;
  // As the sender and the consent path record them: one delivered, one closed as consent withdrawn, one closed with
  // no reason (as an earlier release wrote it); two still queued, which the stop below closes.
  withAppDb(server, (db) => {
    const ids = (
      db.prepare('SELECT id FROM outbox WHERE broadcast_id = ? ORDER BY id').all(broadcastId) as { id: number }[]
    ).map((r) => r.id);
    db.prepare("UPDATE outbox SET status = 'sent', sent_at = ? WHERE id = ?").run(Date.now(), ids[0]);
    db.prepare("UPDATE outbox SET status = 'cancelled', error_reason = 'consent_revoked' WHERE id = ?").run(ids[1]);
    db.prepare("UPDATE outbox SET status = 'cancelled', error_reason = NULL WHERE id = ?").run(ids[2]);
  });
  await api('DELETE', `/api/admin/mailing/campaigns/${campaignId}/broadcasts/${broadcastId}`);
  browser = await launchChromium();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const viewports = [
  { name: 'phone-dark-ru', width: 375, height: 812, mobile: true, colorScheme: 'dark', language: 'ru' },
  { name: 'desktop-light-en', width: 1280, height: 900, mobile: false, colorScheme: 'light', language: 'en' },
] as const;

const words = {
  ru: {
    notSent: 'Не отправлено',
    reasons: [
      ['broadcast_cancelled', 'Рассылку остановили', '2'],
      ['consent_revoked', 'Получатель запретил сообщения', '1'],
      ['unrecorded', 'Причина не записана', '1'],
    ],
  },
  en: {
    notSent: 'Not sent',
    reasons: [
      ['broadcast_cancelled', 'The broadcast was stopped', '2'],
      ['consent_revoked', 'The recipient turned messages off', '1'],
      ['unrecorded', 'No reason was recorded', '1'],
    ],
  },
} as const;

describe('a broadcast says why its messages were not sent (decision 111)', () => {
  for (const vp of viewports) {
    it(`«not sent 4» with each reason and its count under it, the largest first, on the screen (${vp.name})`, async () => {
      const w = await openWatchedPage(browser, vp);
      const { page } = w;
      const expected = words[vp.language];
      try {
        const url = participantUrl(server, { userId: MAILER, language: vp.language });
        await page.goto(`${url}#/admin/campaign/${campaignId}/mailings/broadcast/${broadcastId}`);
        const total = page.getByTestId('progress-not-sent');
        await total.waitFor({ timeout: T });
        expect(await total.textContent()).toBe(`${expected.notSent}4`);
        // No bare «Cancelled» / «Отменено» left for all of them.
        expect(await page.getByText(vp.language === 'ru' ? 'Отменено' : 'Cancelled', { exact: true }).count()).toBe(0);
        const rows = page.locator('[data-testid^="progress-not-sent-"]');
        expect(await rows.count()).toBe(expected.reasons.length);
        for (const [i, [reason, text, n]] of expected.reasons.entries()) {
          const row = rows.nth(i);
          expect(await row.getAttribute('data-testid')).toBe(`progress-not-sent-${reason}`);
          expect(await row.textContent()).toBe(`${text}${n}`);
          // Wholly on the screen: its words and its count inside the viewport's width.
          const box = await row.boundingBox();
          expect(box).not.toBeNull();
          expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= vp.width).toBe(true);
          const count = row.getByText(n, { exact: true });
          const countBox = await count.boundingBox();
          expect((countBox?.x ?? 0) + (countBox?.width ?? 0)).toBeLessThanOrEqual(vp.width);
        }
        await screenshot(page, `office-mailings-not-sent-reasons-${vp.name}`);
        expect(w.errors).toEqual([]);
      } finally {
        await w.context.close();
      }
    });
  }
});
