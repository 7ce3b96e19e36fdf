/**
 * @module The sessions of a range split for aggregation in the database: the stored sessions wholly inside the range
 * are counted by SQL (`where`); the few participants an edge of the range cuts through (a session across its first
 * or last midnight) are taken out of that SQL and handed over as plain sessions (`rest`, folded again by
 * `walkSessions`' rule), so a sum, a distinct count or a histogram is the SQL part plus the JS part, exactly, with no
 * participant in both. Why: reading 170k session rows into JS took seconds per request (docs/decisions/028, 029).
 */
import { and, eq, gte, inArray, lt, notInArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { edgeSessions, type Session, type SessionWalkQuery } from './session-walk.ts';
import { DAY_MS, type DayGrid } from './stats-range.ts';

const stored = schema.telemetrySessions;

export interface SplitSessions {
  /** Stored sessions inside the range of every participant not in `rest`. */
  where: SQL;
  /** Every session in the range (as `walkSessions` gives it) of the participants moved out of `where`. */
  rest: Session[];
}

/** Stored sessions with their first and last event in [from, until), in scope. */
function insideOf(q: SessionWalkQuery): SQL {
  return and(
    inArray(stored.campaignId, q.campaignIds.length > 0 ? q.campaignIds : [-1]),
    gte(stored.startAt, q.from),
    lt(stored.startAt, q.until),
    lt(stored.endAt, q.until),
    q.platform === undefined ? undefined : eq(stored.platform, q.platform),
    q.exclude && q.exclude.size > 0 ? notInArray(stored.participantId, [...q.exclude]) : undefined,
  ) as SQL;
}

/**
 * Splits a range's sessions. `longerThanMs` also moves out the participants with a session at least that long (a
 * session over a whole local day touches days between its first and last, which a per-day SQL count of first and last
 * day misses).
 * @example const { where, rest } = await splitSessions(db, { campaignIds: [1], from, until });
 */
export async function splitSessions(db: Db, q: SessionWalkQuery, longerThanMs?: number): Promise<SplitSessions> {
  const inside = insideOf(q);
  const { pieces, participants } = await edgeSessions(db, q);
  const moved = new Set(participants);
  if (longerThanMs !== undefined) {
    const long = await db
      .selectDistinct({ id: stored.participantId })
      .from(stored)
      .where(and(inside, sql`${stored.endAt} - ${stored.startAt} >= ${sql.raw(String(Math.floor(longerThanMs)))}`));
    for (const { id } of long) moved.add(id);
  }
  if (moved.size === 0) return { where: inside, rest: pieces };
  const ids = [...moved];
  const theirs = await db
    .select({
      participantId: stored.participantId,
      start: stored.startAt,
      end: stored.endAt,
      lastScreen: stored.lastScreen,
      screenViews: stored.screenViews,
      errors: stored.errors,
    })
    .from(stored)
    .where(and(inside, inArray(stored.participantId, ids)));
  return {
    where: and(inside, notInArray(stored.participantId, ids)) as SQL,
    rest: [...theirs.map((s) => ({ ...s, start: Number(s.start), end: Number(s.end) })), ...pieces],
  };
}

/** A session over this long may touch three local days (a DST day is 23 h). */
export const SPANS_DAYS_MS = DAY_MS - 3_600_000;

/**
 * The index in `grid` of the local day a time column falls on, as SQL (for times at or after the grid's start):
 * arithmetic when every day of the grid is 24 h long, else a CASE over the day starts (a DST change in the range).
 * Literals, not parameters: they are numbers computed here, and both databases then type the expression as integer.
 */
export function dayIndexSql(grid: DayGrid, column: SQLWrapper): SQL {
  const starts = grid.starts;
  const first = starts[0] as number;
  const uniform = starts.every((t, i) => i === 0 || t - (starts[i - 1] as number) === DAY_MS);
  if (uniform) return sql`CAST((${column} - ${sql.raw(String(first))}) / ${sql.raw(String(DAY_MS))} AS INTEGER)`;
  // One day of 23 or 25 hours: no boundary to compare with (a CASE without WHEN is a syntax error). Not the literal
  // 0: a GROUP BY reads an integer literal as a column's position.
  if (starts.length <= 2) return sql`CAST(${column} * 0 AS INTEGER)`;
  const whens = starts
    .slice(1, -1)
    .map((t, i) => sql` WHEN ${column} < ${sql.raw(String(t))} THEN ${sql.raw(String(i))}`);
  return sql`(CASE${sql.join(whens)} ELSE ${sql.raw(String(starts.length - 2))} END)`;
}

/** The session length column, in ms. */
export const lengthSql = sql`(${stored.endAt} - ${stored.startAt})`;
