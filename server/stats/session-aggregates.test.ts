/**
 * Issue 16 (p5), item 1: the session measures are counted by the database (session-aggregates.ts) and agree exactly
 * with the same numbers computed in JS from every session of the range (`walkSessions`, the reference the dashboard
 * used to read whole) — for ranges whose edges cut sessions, platform filters, a session longer than a day, and a
 * time zone whose clocks go back inside the range.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import type { TelemetryKind } from '../db/schema/telemetry.ts';
import { kthOfUnion } from './session-aggregates.ts';
import { median, percentile, type Session, walkSessions } from './session-walk.ts';
import { dayGrid, resolveRange } from './stats-range.ts';
import { appendTelemetry, type TelemetryRow } from './telemetry-sessions.ts';
import { DAY, HOUR, joined, MIN } from './testing/telemetry-history.ts';

const ADMIN = 900_303;
// 2026-10-23 00:00 in London (BST, UTC+1); clocks go back on 2026-10-25.
const OCT_23 = Date.UTC(2026, 9, 22, 23);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('kthOfUnion', () => {
  it('item 1: the k-th of SQL ranks and JS values, read from a window of ranks, is the k-th of the sorted union (ties too)', () => {
    const random = rng(5);
    for (let round = 0; round < 300; round += 1) {
      const a = Array.from({ length: Math.floor(random() * 30) }, () => Math.floor(random() * 12)).sort(
        (x, y) => x - y,
      );
      const b = Array.from({ length: Math.floor(random() * 6) }, () => Math.floor(random() * 12)).sort((x, y) => x - y);
      const all = [...a, ...b].sort((x, y) => x - y);
      for (let k = 1; k <= all.length; k += 1) {
        const window = new Map<number, number>();
        for (let r = Math.max(1, k - b.length); r <= Math.min(a.length, k); r += 1) window.set(r, a[r - 1] as number);
        expect(kthOfUnion(window, a.length, b, k), `${a} | ${b} | k=${k}`).toBe(all[k - 1]);
      }
    }
  });
});

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld({}, OCT_23 + 60 * DAY);
  await grantBrandAdmin(w, ADMIN, ['stats']);
});
afterEach(async () => {
  await w.shutdown();
});

describe('session measures in SQL', () => {
  it('item 1: sessions, drop-off, errors, activity and summary counted in SQL equal the walk of every session', async () => {
    const random = rng(11);
    const kinds: TelemetryKind[] = ['session_start', 'heartbeat', 'screen_view', 'client_error'];
    for (let p = 0; p < 14; p += 1) {
      const platform = p % 4 === 0 ? 'ok' : 'vk';
      const id = await joined(w, OCT_23 + Math.floor(random() * 3 * DAY), { platform });
      const rows: TelemetryRow[] = [];
      let at = OCT_23 + Math.floor(random() * 2 * DAY);
      // One participant keeps the app open for 30 hours (a heartbeat every 20 minutes): three local days.
      const count = p === 3 ? 90 : 40;
      for (let k = 0; k < count; k += 1) {
        at +=
          p === 3 ? 20 * MIN : ([MIN, 4 * MIN, 29 * MIN, 31 * MIN, 3 * HOUR, 0][Math.floor(random() * 6)] as number);
        const kind = kinds[Math.floor(random() * kinds.length)] as TelemetryKind;
        rows.push({
          campaignId: w.campaignId,
          participantId: id,
          platform,
          kind,
          at,
          screen: `s${Math.floor(random() * 4)}`,
          build: 't',
          message: kind === 'client_error' ? 'boom' : null,
        });
      }
      await w.write((tx) => appendTelemetry(tx, rows));
    }
    const app = createApp(w.deps);
    const get = async (m: string, q: string) => {
      const res = await app.request(`/api/admin/stats/campaigns/${w.campaignId}/${m}${q}`, {
        headers: { Authorization: w.vkAuth(ADMIN) },
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    let compared = 0;
    for (const [from, to] of [
      ['2026-10-23', '2026-10-27'],
      ['2026-10-24', '2026-10-25'],
      ['2026-10-25', '2026-10-26'],
      // One day 25 h long (London's clocks go back): its CASE had no WHEN and every measure answered 500.
      ['2026-10-25', '2026-10-25'],
    ]) {
      for (const timeZone of ['Europe/London', 'Europe/Moscow']) {
        for (const platform of [undefined, 'ok'] as const) {
          const q = `?from=${from}&to=${to}&timeZone=${timeZone}${platform ? `&platform=${platform}` : ''}`;
          const range = resolveRange({ from, to }, timeZone, w.deps.now());
          const grid = dayGrid(range);
          const sessions: Session[] = await walkSessions(w.deps.db, {
            campaignIds: [w.campaignId],
            from: range.fromMs,
            until: range.toMs,
            platform,
          });
          const perUser = new Map<number, number>();
          for (const s of sessions) perUser.set(s.participantId, (perUser.get(s.participantId) ?? 0) + 1);
          const counts = [...perUser.values()].sort((a, b) => a - b);
          const lengths = sessions.map((s) => s.end - s.start).sort((a, b) => a - b);
          const byDay = grid.days.map(() => [] as Session[]);
          for (const s of sessions) byDay[grid.dayOf(s.start)]?.push(s);
          const active = grid.days.map(() => new Set<number>());
          for (const s of sessions) {
            for (let d = grid.dayOf(s.start); d <= grid.dayOf(s.end); d += 1) active[d]?.add(s.participantId);
          }

          const got = await get('sessions', q);
          expect([got.sessions, got.users], q).toEqual([sessions.length, perUser.size]);
          expect(got.sessionsPerUser.median, q).toBe(median(counts));
          expect(got.lengthMs, q).toEqual({
            mean: lengths.length ? Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length) : null,
            median: median(lengths),
            p90: percentile(lengths, 90),
          });
          expect(
            got.days.map((d: { sessions: number; medianLengthMs: number | null }) => [d.sessions, d.medianLengthMs]),
            q,
          ).toEqual(byDay.map((list) => [list.length, median(list.map((s) => s.end - s.start).sort((a, b) => a - b))]));

          const ended = new Map<string, number>();
          for (const s of sessions) ended.set(s.lastScreen || '(none)', (ended.get(s.lastScreen || '(none)') ?? 0) + 1);
          const drop = await get('drop-off-screens', q);
          expect(
            Object.fromEntries(
              drop.screens.map((x: { screen: string; sessionsEnded: number }) => [x.screen, x.sessionsEnded]),
            ),
            q,
          ).toEqual(Object.fromEntries(ended));

          const errors = await get('errors', q);
          expect([errors.sessions, errors.sessionsWithErrors, errors.errors], q).toEqual([
            sessions.length,
            sessions.filter((s) => s.errors > 0).length,
            sessions.reduce((a, s) => a + s.errors, 0),
          ]);
          expect(
            errors.days.map((d: { sessions: number; errors: number }) => [d.sessions, d.errors]),
            q,
          ).toEqual(byDay.map((list) => [list.length, list.reduce((a, s) => a + s.errors, 0)]));

          const activity = await get('activity', q);
          expect(
            activity.days.map((d: { activeUsers: number }) => d.activeUsers),
            q,
          ).toEqual(active.map((s) => s.size));
          expect(activity.totals.activeUsers, q).toBe(perUser.size);
          compared += sessions.length;
        }
      }
    }
    // The history really has sessions in these ranges, some cut by an edge.
    expect(compared).toBeGreaterThan(100);
    // 12 ranges × 4 measures against the walk: longer than the default 30 s on a loaded 2-core machine (PostgreSQL).
  }, 180_000);
});
