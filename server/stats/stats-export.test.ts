/**
 * Issue 16 (p5), item 3: CSV downloads for VK's mobile clients by a signed one-minute link. The member asks for a link
 * (with their launch data); VK's downloader fetches it with none. The link gives exactly the CSV the page's own
 * `format=csv` gives, and nothing when tampered with, expired, re-addressed to another member, used as a launch, or
 * when the member has lost the `stats` right since.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import {
  OFFICE_DOWNLOAD_TTL_MS as EXPORT_LINK_TTL_MS,
  type OfficeDownloadGrant,
} from '../office-downloads/office-download-grant.ts';
import { DAY, HOUR, joined, MIN, telemetry } from './testing/telemetry-history.ts';

type ExportGrant = OfficeDownloadGrant<'stats-csv'>;

const ADMIN = 900_404;
const OTHER = 900_405;
// 2026-06-01 00:00 in Moscow.
const JUNE_1_MSK = Date.UTC(2026, 4, 31, 21);

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld({}, JUNE_1_MSK + 10 * DAY);
  await grantBrandAdmin(w, ADMIN, ['stats']);
  await grantBrandAdmin(w, OTHER, ['stats']);
  app = createApp(w.deps);
  const a = await joined(w, JUNE_1_MSK + 2 * HOUR);
  await telemetry(w, a, [
    { at: JUNE_1_MSK + 2 * HOUR, kind: 'session_start' },
    { at: JUNE_1_MSK + 2 * HOUR + 3 * MIN, kind: 'screen_view', screen: 'home' },
  ]);
});
afterEach(async () => {
  await w.shutdown();
});

const q = '?from=2026-06-01&to=2026-06-07';

async function link(user: number, path = `campaigns/${w.campaignId}/sessions`): Promise<string> {
  const res = await app.request(`/api/admin/stats/${path}/download-link${q}&lang=en`, {
    method: 'POST',
    headers: { Authorization: w.vkAuth(user) },
  });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { url: string; expiresAt: number };
  expect(body.expiresAt).toBe(w.deps.now() + EXPORT_LINK_TTL_MS);
  return body.url;
}

/** The downloader: no Authorization header, as VK's client fetches the URL. */
const download = (url: string) => app.request(url);

const reSign = (url: string, change: (g: ExportGrant) => void) => {
  const [payload = '', mac = ''] = (url.split('/').pop() ?? '').split('.');
  const grant = JSON.parse(Buffer.from(payload, 'base64url').toString()) as ExportGrant;
  change(grant);
  return `/api/office-downloads/stats-csv/${Buffer.from(JSON.stringify(grant)).toString('base64url')}.${mac}`;
};

describe('stats download links', () => {
  it('item 3: the link downloads, without launch data, the same CSV as format=csv, as an attachment', async () => {
    const url = await link(ADMIN);
    expect(url).toMatch(/^\/api\/office-downloads\/stats-csv\/[\w-]+\.[\w-]+$/);
    const res = await download(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="stats-campaign-${w.campaignId}-sessions.csv"`,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const direct = await app.request(`/api/admin/stats/campaigns/${w.campaignId}/sessions${q}&format=csv&lang=en`, {
      headers: { Authorization: w.vkAuth(ADMIN) },
    });
    const text = await res.text();
    expect(text).toBe(await direct.text());
    expect(text.split('\r\n')[0]).toContain('Sessions');
  });

  it('item 3: tampered, re-addressed, expired or misused links are refused with a 4xx; rights are checked again', async () => {
    const url = await link(ADMIN);
    // Tampered: another measure, another member, a longer life — the signature no longer holds.
    for (const changed of [
      reSign(url, (g) => {
        g.measure = 'errors';
      }),
      reSign(url, (g) => {
        g.identity.userId = String(OTHER);
      }),
      reSign(url, (g) => {
        g.expiresAt += DAY;
      }),
      `${url.slice(0, -2)}AA`,
      `${url}.x`,
      '/api/office-downloads/stats-csv/garbage',
    ]) {
      const res = await download(changed);
      expect(res.status, changed).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('link_invalid');
    }
    // Another member's link is theirs alone: it names them, and mine cannot be turned into theirs (above).
    const theirs = await link(OTHER);
    expect(theirs).not.toBe(url);
    // The link is not a launch: as Authorization it opens nothing.
    const asLaunch = await app.request(`/api/admin/stats/campaigns/${w.campaignId}/sessions${q}`, {
      headers: { Authorization: `VK ${url.split('/').pop()}` },
    });
    expect(asLaunch.status).toBe(401);
    // Expired after a minute.
    w.clock.advance(EXPORT_LINK_TTL_MS + 1);
    const late = await download(url);
    expect(late.status).toBe(410);
    // Rights checked again at download: a fresh link, then the member loses `stats`.
    const fresh = await link(OTHER);
    await inTransaction(w.deps.db, (tx) =>
      tx
        .update(schema.memberships)
        .set({ sections: ['mailings'] })
        .where(and(eq(schema.memberships.platformUserId, String(OTHER)), eq(schema.memberships.brandId, w.brandId))),
    );
    const revoked = await download(fresh);
    expect(revoked.status).toBe(403);
  });

  it('item 3: a member without stats gets no link', async () => {
    const outsider = 900_406;
    await grantBrandAdmin(w, outsider, ['mailings']);
    const res = await app.request(`/api/admin/stats/campaigns/${w.campaignId}/sessions/download-link${q}`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(outsider) },
    });
    expect(res.status).toBe(403);
  });
});
