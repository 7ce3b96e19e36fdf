/**
 * Issue 16 (p5), item 1: the sessions stored at ingest give exactly what walking every event gives — for batches that
 * arrive in order, late, out of order or between stored sessions, for any range (edges cutting through sessions, any
 * time zone's midnight) and the platform filter — and `rebuildSessions` stores the same sessions as the ingest.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import type { TelemetryKind } from '../db/schema/telemetry.ts';
import { type Session, SessionFold, walkSessions } from './session-walk.ts';
import { appendTelemetry, rebuildSessions, type TelemetryRow } from './telemetry-sessions.ts';
import { DAY, HOUR, joined, MIN } from './testing/telemetry-history.ts';

const ADMIN = 900_202;
// 2026-06-01 00:00 in Moscow.
const JUNE_1_MSK = Date.UTC(2026, 4, 31, 21);
const KINDS: TelemetryKind[] = ['session_start', 'heartbeat', 'screen_view', 'client_error'];

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld({}, JUNE_1_MSK + 40 * DAY);
  await grantBrandAdmin(w, ADMIN, ['stats']);
});
afterEach(async () => {
  await w.shutdown();
});

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const row = (participantId: number, platform: 'vk' | 'ok', at: number, kind: TelemetryKind, screen: string) => ({
  campaignId: w.campaignId,
  participantId,
  platform,
  kind,
  at,
  screen,
  build: 't',
  message: kind === 'client_error' ? 'boom' : null,
});

/** What the dashboard computed before the rollup: every event in [from, until) folded in (at, id) order. */
async function walkEvents(from: number, until: number, platform?: 'vk' | 'ok'): Promise<Session[]> {
  const t = schema.telemetryEvents;
  const rows = await w.deps.db
    .select()
    .from(t)
    .where(and(eq(t.campaignId, w.campaignId), platform ? eq(t.platform, platform) : undefined))
    .orderBy(asc(t.at), asc(t.id));
  const fold = new SessionFold();
  for (const r of rows) if (r.at >= from && r.at < until) fold.add(r.participantId, r.at, r.kind, r.screen);
  return fold.sessions();
}

const key = (s: Session) => [s.participantId, s.start, s.end, s.lastScreen, s.screenViews, s.errors].join('|');
const sorted = (list: Session[]) => list.map(key).sort();

async function storedSessions() {
  const s = schema.telemetrySessions;
  const rows = await w.deps.db.select().from(s).where(eq(s.campaignId, w.campaignId));
  return rows.map((r) => [r.participantId, r.startAt, r.endAt, r.lastScreen, r.screenViews, r.errors].join('|')).sort();
}

describe('stored sessions', () => {
  it('item 1: batches in any order (late, out of order, between sessions) store the sessions a walk of every event finds, for every range and platform', async () => {
    const random = rng(27);
    const t0 = JUNE_1_MSK + 20 * HOUR;
    const batches: TelemetryRow[][] = [];
    for (let p = 0; p < 6; p += 1) {
      const platform = p % 3 === 0 ? 'ok' : 'vk';
      const id = await joined(w, t0, { platform });
      // Clusters of events around midnights (Moscow and UTC) with gaps around 30 minutes, exactly 30 included.
      const events: TelemetryRow[] = [];
      let at = t0 + Math.floor(random() * 6 * HOUR);
      for (let k = 0; k < 60; k += 1) {
        const step = [MIN, 5 * MIN, 29 * MIN, 30 * MIN, 31 * MIN, 2 * HOUR, 0][Math.floor(random() * 7)] as number;
        at += step;
        const kind = KINDS[Math.floor(random() * KINDS.length)] as TelemetryKind;
        events.push(row(id, platform, at, kind, `s${Math.floor(random() * 4)}`));
      }
      // Cut into batches of 1–8 events, each batch itself shuffled a little (ages need not be sorted).
      for (let i = 0; i < events.length; ) {
        const n = 1 + Math.floor(random() * 8);
        const batch = events.slice(i, i + n);
        if (random() < 0.3) batch.reverse();
        batches.push(batch);
        i += n;
      }
    }
    // Mostly in order, but a third of the batches arrive late: after some of the batches that follow them.
    for (let i = batches.length - 1; i > 0; i -= 1) {
      if (random() < 0.33) {
        const j = Math.max(0, i - 1 - Math.floor(random() * 4));
        [batches[i], batches[j]] = [batches[j] as TelemetryRow[], batches[i] as TelemetryRow[]];
      }
    }
    for (const batch of batches) await w.write((tx) => appendTelemetry(tx, batch));

    const everything = await walkEvents(0, Number.MAX_SAFE_INTEGER);
    expect(await storedSessions()).toEqual(sorted(everything));
    expect(everything.length).toBeGreaterThan(20);

    // Ranges whose edges fall inside sessions: Moscow and UTC midnights, and odd minutes.
    const edges = [
      JUNE_1_MSK + DAY,
      JUNE_1_MSK + DAY + 3 * HOUR,
      JUNE_1_MSK + 2 * DAY,
      JUNE_1_MSK + DAY + 17 * MIN,
      t0 + 7 * HOUR + 1,
    ];
    for (const from of [JUNE_1_MSK, ...edges]) {
      for (const until of [...edges, JUNE_1_MSK + 10 * DAY]) {
        if (until <= from) continue;
        for (const platform of [undefined, 'ok', 'vk'] as const) {
          const got = await walkSessions(w.deps.db, { campaignIds: [w.campaignId], from, until, platform });
          expect(sorted(got), `${from}..${until} ${platform}`).toEqual(sorted(await walkEvents(from, until, platform)));
        }
      }
    }

    // Folding the whole campaign again stores the very same sessions.
    const before = await storedSessions();
    await w.write((tx) => rebuildSessions(tx, w.campaignId));
    expect(await storedSessions()).toEqual(before);
  });

  it('item 1: a late batch that fills the gap between two sessions joins them, and the dashboard counts one', async () => {
    const t0 = JUNE_1_MSK + 10 * HOUR;
    const a = await joined(w, t0);
    const send = (events: [minute: number, kind: TelemetryKind, screen?: string][]) =>
      w.write((tx) =>
        appendTelemetry(
          tx,
          events.map(([m, kind, screen]) => row(a, 'vk', t0 + m * MIN, kind, screen ?? '')),
        ),
      );
    await send([
      [0, 'session_start'],
      [5, 'screen_view', 'home'],
    ]);
    await send([[50, 'screen_view', 'prizes']]);
    const get = async (m: string) => {
      const res = await createApp(w.deps).request(
        `/api/admin/stats/campaigns/${w.campaignId}/${m}?from=2026-06-01&to=2026-06-01`,
        { headers: { Authorization: w.vkAuth(ADMIN) } },
      );
      expect(res.status).toBe(200);
      return res.json();
    };
    expect((await get('sessions')).sessions).toBe(2);
    // The flush from minute 25 arrives last: 5 → 25 → 50 is one session now.
    await send([[25, 'client_error', 'home']]);
    const s = await get('sessions');
    expect(s.sessions).toBe(1);
    expect(s.lengthMs.median).toBe(50 * MIN);
    expect((await get('drop-off-screens')).screens).toEqual([{ screen: 'prizes', sessionsEnded: 1, share: 1 }]);
    const e = await get('errors');
    expect([e.sessions, e.sessionsWithErrors, e.errors]).toEqual([1, 1, 1]);
    expect(await storedSessions()).toEqual([`${a}|${t0}|${t0 + 50 * MIN}|prizes|2|1`]);
  });

  it('item 1: activity and retention from stored sessions count a session across midnight on both days, in the asked time zone', async () => {
    // Joined on June 1 (Moscow); a session 23:50 June 2 → 00:20 June 3 Moscow (20:50–21:20 UTC June 2).
    const joinedAt = JUNE_1_MSK + 12 * HOUR;
    const a = await joined(w, joinedAt);
    const late = JUNE_1_MSK + DAY + 23 * HOUR + 50 * MIN;
    await w.write((tx) =>
      appendTelemetry(tx, [
        row(a, 'vk', joinedAt, 'session_start', ''),
        ...[0, 5, 15, 30].map((m) => row(a, 'vk', late + m * MIN, 'heartbeat', '')),
      ]),
    );
    const get = async (m: string, q: string) => {
      const res = await createApp(w.deps).request(`/api/admin/stats/campaigns/${w.campaignId}/${m}${q}`, {
        headers: { Authorization: w.vkAuth(ADMIN) },
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    const msk = await get('activity', '?from=2026-06-01&to=2026-06-04');
    expect(msk.days.map((d: { activeUsers: number }) => d.activeUsers)).toEqual([1, 1, 1, 0]);
    // In UTC the whole session is on June 2.
    const utc = await get('activity', '?from=2026-06-01&to=2026-06-04&timeZone=UTC');
    expect(utc.days.map((d: { activeUsers: number }) => d.activeUsers)).toEqual([1, 1, 0, 0]);
    // A range that ends at Moscow's midnight sees only the part before it: one session of 5 minutes on June 2 (23:50–23:55).
    const cut = await get('sessions', '?from=2026-06-02&to=2026-06-02');
    expect([cut.sessions, cut.lengthMs.median]).toEqual([1, 5 * MIN]);
    const r = await get('retention', '?from=2026-06-01&to=2026-06-01');
    expect(r.cohorts[0].d1).toEqual({ users: 1, rate: 1 });
  });
});
