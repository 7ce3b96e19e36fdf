/**
 * A broadcast's state reads the same in the office's mailing list and on its own page (Chromium, desktop light in
 * Russian, phone dark in English). Before, the list said "Отправляется · Получат: 3" for a broadcast every message of
 * which had gone out, while its page said "Завершена": the list did not know whether anything was left to send.
 * Two broadcasts are sent through the office's API; the sender's answers are written as it records them: all three
 * messages of the first delivered, one of the second (two still queued).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedServer, startServerLikeReadme } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';
import { launchChromium, openWatchedPage, screenshot } from './chromium.ts';
import { participantUrl } from './launch-users.ts';
import { addBrandMember } from './office-members.ts';

const T = 30_000;
const MAILER = 763_001;
const USERS = [763_101, 763_102, 763_103];

let server: StartedServer;
let browser: Browser;
let campaignId: number;

const auth = (userId: number) => `VK ${new URL(participantUrl(server, { userId, language: 'ru' })).search.slice(1)}`;

async function send(name: string): Promise<number> {
  const res = await fetch(`${server.baseUrl}/api/admin/mailing/campaigns/${campaignId}/broadcasts`, {
    method: 'POST',
    headers: { Authorization: auth(MAILER), 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, segment: {}, channel: 'message', text: 'Новое задание', ignoreQuietHours: true }),
  });
  if (res.status !== 201) throw new Error(`send ${name}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { broadcast: { id: number }; enqueued: number };
  expect(body.enqueued).toBe(USERS.length);
  return body.broadcast.id;
}

/** Marks `n` of the broadcast's messages delivered, as the sender records VK's answer. */
const deliver = (broadcastId: number, n: number) =>
  withAppDb(server, (db) =>
    db
      .prepare(
        "UPDATE outbox SET status = 'sent', sent_at = ? WHERE id IN (SELECT id FROM outbox WHERE broadcast_id = ? ORDER BY id LIMIT ?)",
      )
      .run(Date.now(), broadcastId, n),
  );

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
      ).run(c.id, String(user), now, `fin${user}`, now);
      db.prepare(
        "INSERT INTO consents (vk_group_id, vk_user_id, channel, allowed, source, updated_at) VALUES (?, ?, 'message', 1, 'message_allow', ?)",
      ).run(c.groupId, user, now);
    }
    return c;
  });
  campaignId = c.id;
  deliver(await send('Всем дошло'), 3);
  deliver(await send('Ещё идёт'), 1);
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

const states = {
  ru: { finished: 'Завершена', sending: 'Отправляется · Получат: 3' },
  en: { finished: 'Finished', sending: 'Sending · Recipients: 3' },
} as const;

describe("a broadcast's state, the same in the mailing list and on its page", () => {
  for (const vp of viewports) {
    it(`one fully sent reads "finished" in both, one still sending reads "sending" in both (${vp.name})`, async () => {
      const w = await openWatchedPage(browser, vp);
      const { page } = w;
      const words = states[vp.language];
      try {
        const url = participantUrl(server, { userId: MAILER, language: vp.language });
        await page.goto(`${url}#/admin/campaign/${campaignId}/mailings`);
        const finishedCell = page.getByRole('button', { name: /Всем дошло/ });
        const sendingCell = page.getByRole('button', { name: /Ещё идёт/ });
        await finishedCell.waitFor({ timeout: T });
        expect(await finishedCell.textContent()).toContain(words.finished);
        expect(await finishedCell.textContent()).not.toContain(states[vp.language].sending.split(' · ')[0]);
        expect(await sendingCell.textContent()).toContain(words.sending);
        await screenshot(page, `office-mailings-finished-list-${vp.name}`);

        await finishedCell.click();
        await page.getByTestId('progress-sent').waitFor({ timeout: T });
        await page.getByText(words.finished, { exact: true }).first().waitFor({ timeout: T });
        // The office's percent (percent-text.ts): Russian puts a no-break space before the sign.
        expect(await page.getByTestId('progress-percent').textContent()).toBe(
          vp.language === 'ru' ? '100\u00a0%' : '100%',
        );
        await screenshot(page, `office-mailings-finished-page-${vp.name}`);

        await page.goBack();
        await sendingCell.click();
        await page.getByTestId('progress-sent').waitFor({ timeout: T });
        await page.getByText(words.sending, { exact: true }).first().waitFor({ timeout: T });
        expect(w.errors).toEqual([]);
      } finally {
        await w.context.close();
      }
    });
  }
});
