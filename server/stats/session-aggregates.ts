/**
 * @module The numbers of a range's sessions computed by the database over `telemetry_sessions` (session-split.ts) plus
 * the few sessions handed over as JS: totals, the sessions-per-user histogram, counts per local day, and exact length
 * quantiles. A quantile of the union of SQL's values and JS's is read from a narrow window of SQL's ranks
 * (`ROW_NUMBER()`), never from every value. Portable SQL: window functions and CASE work the same on SQLite and
 * PostgreSQL.
 */
import { count, countDistinct, type SQL, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { dayIndexSql, lengthSql, type SplitSessions } from './session-split.ts';
import type { Session } from './session-walk.ts';
import type { DayGrid } from './stats-range.ts';

const stored = schema.telemetrySessions;
const num = (v: unknown) => Number(v ?? 0);

export interface SessionTotals {
  sessions: number;
  users: number;
  lengthSum: number;
  screenViews: number;
  withErrors: number;
  errors: number;
}

/** Totals over the split: SQL's rows and JS's sessions have no participant in common, so distinct users add up. */
export async function sessionTotals(db: Db, split: SplitSessions): Promise<SessionTotals> {
  const [row] = await db
    .select({
      sessions: count(),
      users: countDistinct(stored.participantId),
      lengthSum: sql<number>`coalesce(sum(${lengthSql}), 0)`,
      screenViews: sql<number>`coalesce(sum(${stored.screenViews}), 0)`,
      withErrors: sql<number>`coalesce(sum(CASE WHEN ${stored.errors} > 0 THEN 1 ELSE 0 END), 0)`,
      errors: sql<number>`coalesce(sum(${stored.errors}), 0)`,
    })
    .from(stored)
    .where(split.where);
  const t: SessionTotals = {
    sessions: num(row?.sessions),
    users: num(row?.users),
    lengthSum: num(row?.lengthSum),
    screenViews: num(row?.screenViews),
    withErrors: num(row?.withErrors),
    errors: num(row?.errors),
  };
  t.sessions += split.rest.length;
  t.users += new Set(split.rest.map((s) => s.participantId)).size;
  for (const s of split.rest) {
    t.lengthSum += s.end - s.start;
    t.screenViews += s.screenViews;
    t.errors += s.errors;
    if (s.errors > 0) t.withErrors += 1;
  }
  return t;
}

/** How many participants had each number of sessions (number of sessions → participants). */
export async function sessionsPerUser(db: Db, split: SplitSessions): Promise<Map<number, number>> {
  const perUser = db
    .select({ n: sql<number>`count(*)`.as('n') })
    .from(stored)
    .where(split.where)
    .groupBy(stored.participantId)
    .as('per_user');
  const rows = await db.select({ n: perUser.n, users: sql<number>`count(*)` }).from(perUser).groupBy(sql`${perUser.n}`);
  const histogram = new Map<number, number>();
  for (const r of rows) histogram.set(num(r.n), num(r.users));
  const rest = new Map<number, number>();
  for (const s of split.rest) rest.set(s.participantId, (rest.get(s.participantId) ?? 0) + 1);
  for (const n of rest.values()) histogram.set(n, (histogram.get(n) ?? 0) + 1);
  return histogram;
}

/** The k-th (1-based) smallest of a histogram's values. */
export function kthOfHistogram(histogram: ReadonlyMap<number, number>, k: number): number {
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value) ?? 0;
    if (seen >= k) return value;
  }
  throw new Error(`kthOfHistogram: rank ${k} of ${seen}`);
}

/** Per local day of `grid` (the day each session started): a number from SQL's rows plus JS's sessions. */
export async function perStartDay(
  db: Db,
  split: SplitSessions,
  grid: DayGrid,
  columns: { sessions?: true; withErrors?: true; errors?: true },
): Promise<Array<{ sessions: number; withErrors: number; errors: number }>> {
  const day = dayIndexSql(grid, stored.startAt);
  const rows = await db
    .select({
      day: sql<number>`${day}`,
      sessions: count(),
      withErrors: columns.withErrors
        ? sql<number>`sum(CASE WHEN ${stored.errors} > 0 THEN 1 ELSE 0 END)`
        : sql<number>`0`,
      errors: columns.errors ? sql<number>`sum(${stored.errors})` : sql<number>`0`,
    })
    .from(stored)
    .where(split.where)
    .groupBy(day);
  const out = grid.days.map(() => ({ sessions: 0, withErrors: 0, errors: 0 }));
  for (const r of rows) {
    const d = out[num(r.day)];
    if (!d) continue;
    d.sessions += num(r.sessions);
    d.withErrors += num(r.withErrors);
    d.errors += num(r.errors);
  }
  for (const s of split.rest) {
    const d = out[grid.dayOf(s.start)];
    if (!d) continue;
    d.sessions += 1;
    d.errors += s.errors;
    if (s.errors > 0) d.withErrors += 1;
  }
  return out;
}

/**
 * The k-th (1-based) smallest of the union of A (n values in SQL, of which `window` holds ranks lo..hi with
 * lo = max(1, k − |b|), hi = min(n, k)) and b (sorted). The union's k-th takes at least k − |b| of A's values, so the
 * values of A ranked below lo all come before it, with every b below A_lo: the rest is a merge of the window and b.
 */
export function kthOfUnion(window: ReadonlyMap<number, number>, n: number, b: readonly number[], k: number): number {
  const lo = Math.max(1, k - b.length);
  const hi = Math.min(n, k);
  const w: number[] = [];
  for (let r = lo; r <= hi; r += 1) {
    const v = window.get(r);
    if (v === undefined) throw new Error(`kthOfUnion: rank ${r} of ${n} not read`);
    w.push(v);
  }
  if (n === 0 || lo === 1) return [...w, ...b].sort((x, y) => x - y)[k - 1] as number;
  const first = w[0] as number;
  const below = b.filter((v) => v < first).length;
  return [...w, ...b.filter((v) => v >= first)].sort((x, y) => x - y)[k - lo - below] as number;
}

export interface Quantiles {
  median: number | null;
  p90: number | null;
}

/** Median (mean of the middle two) and p90 (nearest rank) of the union, as session-walk's `median`/`percentile`. */
function quantilesOf(window: ReadonlyMap<number, number>, n: number, b: readonly number[]): Quantiles {
  const total = n + b.length;
  if (total === 0) return { median: null, p90: null };
  const kth = (k: number) => kthOfUnion(window, n, b, k);
  const mid = total >> 1;
  const median = total % 2 ? kth(mid + 1) : (kth(mid) + kth(mid + 1)) / 2;
  return { median, p90: kth(Math.max(1, Math.ceil((90 / 100) * total))) };
}

/**
 * Session length quantiles: over the whole range, and with `grid`, per local start day. SQL returns only the ranks
 * near each median and p90 (padded by the number of JS sessions), so the answer is exact without reading every row.
 */
export async function lengthQuantiles(
  db: Db,
  split: SplitSessions,
  grid?: DayGrid,
): Promise<{ all: Quantiles; days: Quantiles[] }> {
  const restLengths = (rest: Session[]) => rest.map((s) => s.end - s.start).sort((a, b) => a - b);
  const read = async (part: SQL | undefined, pad: number) => {
    const over = part ? sql`PARTITION BY ${part} ` : sql``;
    const ranked = db
      .select({
        part: (part ? sql<number>`${part}` : sql<number>`0`).as('part'),
        len: sql<number>`${lengthSql}`.as('len'),
        rn: sql<number>`ROW_NUMBER() OVER (${over}ORDER BY ${lengthSql})`.as('rn'),
        n: sql<number>`COUNT(*) OVER (${over})`.as('n'),
      })
      .from(stored)
      .where(split.where)
      .as('ranked');
    const w = sql.raw(String(pad + 2));
    const rows = await db
      .select({ part: ranked.part, len: ranked.len, rn: ranked.rn, n: ranked.n })
      .from(ranked)
      .where(
        sql`(${ranked.rn} BETWEEN ${ranked.n} / 2 - ${w} AND ${ranked.n} / 2 + ${w}) OR (${ranked.rn} BETWEEN (9 * ${ranked.n}) / 10 - ${w} AND (9 * ${ranked.n}) / 10 + ${w})`,
      );
    const byPart = new Map<number, { n: number; window: Map<number, number> }>();
    for (const r of rows) {
      const key = num(r.part);
      const p = byPart.get(key) ?? { n: num(r.n), window: new Map<number, number>() };
      p.window.set(num(r.rn), num(r.len));
      byPart.set(key, p);
    }
    return byPart;
  };
  const lengths = restLengths(split.rest);
  const whole = (await read(undefined, lengths.length)).get(0) ?? { n: 0, window: new Map() };
  const all = quantilesOf(whole.window, whole.n, lengths);
  if (!grid) return { all, days: [] };
  const restByDay = grid.days.map(() => [] as Session[]);
  for (const s of split.rest) restByDay[grid.dayOf(s.start)]?.push(s);
  const pad = Math.max(0, ...restByDay.map((r) => r.length));
  const parts = await read(dayIndexSql(grid, stored.startAt), pad);
  const days = grid.days.map((_, i) => {
    const p = parts.get(i) ?? { n: 0, window: new Map<number, number>() };
    return quantilesOf(p.window, p.n, restLengths(restByDay[i] ?? []));
  });
  return { all, days };
}
