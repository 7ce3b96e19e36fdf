/**
 * Every office CSV by a signed one-minute link, for VK's downloader (`VKWebAppDownloadFile`), which sends no launch
 * data. Per kind — leads, the draw's winners, who is stuck where, and the statistics measure that had it first — a
 * link issued to a member downloads, with no Authorization, the very bytes (and file name) the office's own CSV
 * route answers that member; an altered link, one moved to another kind's address, an expired one, and one whose
 * member lost the section after it was signed are refused with a 4xx and a reason in the one error shape. Red before:
 * the leads, draw and stuck link routes did not exist (404), and neither did /api/office-downloads.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin } from '../../tests/bot/messaging-world.ts';
import { TEST_VK_APP_ID, TEST_VK_SECRET } from '../../tests/support/test-deps.ts';
import { createApp } from '../app.ts';
import { bridgeSign } from '../auth/vk-bridge-sign.ts';
import { createCalculatorWorld, OFFICE_USER } from '../calculator/testing/calculator-world.ts';
import { schema } from '../db/client.ts';
import { createDrawWorld, ADMIN as PRIZES_MEMBER } from '../promo/draw/testing/draw-world.ts';
import {
  OFFICE_DOWNLOAD_PURPOSES,
  OFFICE_DOWNLOAD_TTL_MS,
  type OfficeDownloadPurpose,
} from './office-download-grant.ts';

/** One kind of office CSV in a world of its own, seen from outside. */
interface Kind {
  purpose: OfficeDownloadPurpose;
  /** An HTTP call with the member's launch data; `request` is the same app with none (VK's downloader). */
  call(method: string, path: string, body?: unknown): Response | Promise<Response>;
  request(path: string): Response | Promise<Response>;
  clock: { advance(ms: number): void };
  /** The office's own CSV route, and the route that signs a link to the same file. */
  csvPath: string;
  linkPath: string;
  linkBody?: unknown;
  /** Takes the section the CSV needs away from the member, keeping them in the brand. */
  revoke(): Promise<void>;
  close(): Promise<void>;
}

const STATS_MEMBER = 900_777;

const KINDS: Record<OfficeDownloadPurpose, () => Promise<Kind>> = {
  'leads-csv': async () => {
    const w = await createCalculatorWorld();
    await w.saveCalculator();
    await w.join(601);
    const lead = await w.call('POST', `/api/campaigns/${w.campaignId}/calculator/lead`, 601, {
      inputs: { area: 54, price: 12.5, gas: true, months: 7 },
      name: '=HYPERLINK("http://evil")',
      phone: {
        value: '79111234567',
        sign: bridgeSign({
          appId: TEST_VK_APP_ID,
          secret: TEST_VK_SECRET,
          userId: 601,
          field: 'phone_number',
          value: '79111234567',
        }),
      },
      consent: true,
      consentVersion: '2026-11-01',
    });
    expect(lead.status).toBe(200);
    return {
      purpose: 'leads-csv',
      call: (method, path, body) => w.call(method, path, OFFICE_USER, body),
      request: (path) => w.app.request(path),
      clock: w.clock,
      csvPath: `/api/admin/campaigns/${w.campaignId}/leads.csv`,
      linkPath: `/api/admin/campaigns/${w.campaignId}/leads.csv/download-link`,
      revoke: () =>
        w.write(async (tx) => {
          await tx
            .update(schema.memberships)
            .set({ sections: ['campaigns'] })
            .where(eq(schema.memberships.platformUserId, String(OFFICE_USER)));
        }),
      close: async () => w.close(),
    };
  },
  'draw-winners-csv': async () => {
    const w = await createDrawWorld({ winners: 2, reserves: 1 });
    for (let i = 1; i <= 5; i += 1) await w.entrant(100 + i);
    await w.goLive();
    w.clock.set(w.drawAt);
    expect((await w.admin('POST', `/api/admin/campaigns/${w.campaignId}/draw`)).status).toBe(200);
    return {
      purpose: 'draw-winners-csv',
      call: (method, path, body) => w.call(method, path, PRIZES_MEMBER, body),
      request: (path) => w.app.request(path),
      clock: w.clock,
      csvPath: `/api/admin/campaigns/${w.campaignId}/draw/winners.csv`,
      linkPath: `/api/admin/campaigns/${w.campaignId}/draw/winners.csv/download-link`,
      revoke: () =>
        w.write(async (tx) => {
          await tx
            .update(schema.memberships)
            .set({ sections: ['campaigns'] })
            .where(eq(schema.memberships.platformUserId, String(PRIZES_MEMBER)));
        }),
      close: async () => w.close(),
    };
  },
  'stuck-csv': async () => {
    const w = await createMessagingWorld();
    await grantBrandAdmin(w, STATS_MEMBER, ['stats']);
    await w.addParticipants({ count: 3, firstUserId: 70_000, reachedAt: w.clock.now - 48 * 3_600_000 });
    const app = createApp(w.deps);
    return {
      purpose: 'stuck-csv',
      call: (method, path, body) =>
        app.request(path, {
          method,
          headers: { Authorization: w.vkAuth(STATS_MEMBER), 'Content-Type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      request: (path) => app.request(path),
      clock: w.clock,
      csvPath: `/api/admin/funnel/campaigns/${w.campaignId}/stuck?stage=opened&minHours=24&limit=50000&format=csv`,
      linkPath: `/api/admin/funnel/campaigns/${w.campaignId}/stuck/download-link`,
      linkBody: { stage: 'opened', minHours: 24, limit: 50_000 },
      revoke: () =>
        w.write(async (tx) => {
          await tx
            .update(schema.memberships)
            .set({ sections: ['mailings'] })
            .where(
              and(
                eq(schema.memberships.platformUserId, String(STATS_MEMBER)),
                eq(schema.memberships.brandId, w.brandId),
              ),
            );
        }),
      close: () => w.shutdown(),
    };
  },
  'stats-csv': async () => {
    const w = await createMessagingWorld();
    await grantBrandAdmin(w, STATS_MEMBER, ['stats']);
    await w.addParticipants({ count: 2, firstUserId: 71_000, reachedAt: w.clock.now - 3_600_000 });
    const app = createApp(w.deps);
    return {
      purpose: 'stats-csv',
      // The stats link takes the measure's query, no body.
      call: (method, path) => app.request(path, { method, headers: { Authorization: w.vkAuth(STATS_MEMBER) } }),
      request: (path) => app.request(path),
      clock: w.clock,
      csvPath: `/api/admin/stats/campaigns/${w.campaignId}/funnel?format=csv`,
      linkPath: `/api/admin/stats/campaigns/${w.campaignId}/funnel/download-link`,
      revoke: () =>
        w.write(async (tx) => {
          await tx
            .update(schema.memberships)
            .set({ sections: ['mailings'] })
            .where(eq(schema.memberships.platformUserId, String(STATS_MEMBER)));
        }),
      close: () => w.shutdown(),
    };
  },
};

let open: Kind | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function linkOf(k: Kind): Promise<string> {
  const res = await k.call('POST', k.linkPath, k.linkBody);
  expect(res.status, await res.clone().text()).toBe(200);
  const { url, expiresAt } = (await res.json()) as { url: string; expiresAt: number };
  expect(expiresAt).toBeGreaterThan(0);
  expect(url).toMatch(new RegExp(`^/api/office-downloads/${k.purpose}/[\\w-]+\\.[\\w-]+$`));
  return url;
}

async function refusal(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, code: body.error.code, message: body.error.message };
}

/** The token's grant with one field changed, its signature kept. */
function altered(url: string, change: (grant: Record<string, unknown>) => void): string {
  const [prefix, token = ''] = [url.slice(0, url.lastIndexOf('/')), url.slice(url.lastIndexOf('/') + 1)];
  const [payload = '', mac = ''] = token.split('.');
  const grant = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  change(grant);
  return `${prefix}/${Buffer.from(JSON.stringify(grant)).toString('base64url')}.${mac}`;
}

describe('office CSVs by a signed link', () => {
  for (const purpose of OFFICE_DOWNLOAD_PURPOSES) {
    it(`${purpose}: the link downloads without launch data the bytes the office route answers`, async () => {
      const k = await KINDS[purpose]();
      open = k;
      const url = await linkOf(k);
      const res = await k.request(url);
      expect(res.status, await res.clone().text()).toBe(200);
      const direct = await k.call('GET', k.csvPath);
      expect(direct.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(bytes.equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);
      // Not an empty file: a header and at least one row, after the BOM.
      expect(bytes.toString('utf8').split('\r\n').filter(Boolean).length).toBeGreaterThan(1);
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toBe(direct.headers.get('content-disposition'));
      expect(res.headers.get('cache-control')).toBe('no-store');
    });

    it(`${purpose}: altered, another kind's, expired or revoked links are refused with a 4xx and a reason`, async () => {
      const k = await KINDS[purpose]();
      open = k;
      const url = await linkOf(k);
      const token = url.slice(url.lastIndexOf('/') + 1);
      // Altered: another member, a longer life, another campaign — the signature no longer holds.
      for (const bad of [
        altered(url, (g) => {
          (g.identity as { userId: string }).userId = '1';
        }),
        altered(url, (g) => {
          g.expiresAt = (g.expiresAt as number) + 86_400_000;
        }),
        altered(url, (g) => {
          g.brandId = (g.brandId as number) + 1;
        }),
        `${url.slice(0, -2)}AA`,
        `${url}.x`,
        `/api/office-downloads/${purpose}/garbage`,
      ]) {
        expect(await refusal(await k.request(bad)), bad).toMatchObject({ status: 403, code: 'link_invalid' });
      }
      // Another kind's address: the key is that purpose's, so the signature does not hold there either.
      for (const other of OFFICE_DOWNLOAD_PURPOSES.filter((p) => p !== purpose)) {
        const moved = await k.request(`/api/office-downloads/${other}/${token}`);
        expect(await refusal(moved), other).toMatchObject({ status: 403, code: 'link_invalid' });
      }
      // No such kind at all: named as the field it is.
      const unknown = await refusal(await k.request(`/api/office-downloads/everything/${token}`));
      expect(unknown.status).toBe(422);
      // The link is not a launch.
      const asLaunch = await k.request(k.csvPath);
      expect(asLaunch.status).toBe(401);
      // Expired after a minute.
      k.clock.advance(OFFICE_DOWNLOAD_TTL_MS + 1);
      expect(await refusal(await k.request(url))).toMatchObject({ status: 410, code: 'link_expired' });
      // Rights are checked again at download: a fresh link, then the member loses the section.
      const fresh = await linkOf(k);
      expect((await k.request(fresh)).status).toBe(200);
      await k.revoke();
      const revoked = await refusal(await k.request(fresh));
      expect(revoked.status).toBe(403);
      expect(revoked.code).toBe('forbidden');
      expect(revoked.message).not.toBe('');
      // And no new link for them.
      expect((await k.call('POST', k.linkPath, k.linkBody)).status).toBe(403);
    });
  }
});
