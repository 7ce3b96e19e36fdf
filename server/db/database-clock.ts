/**
 * @module The database's own clock, in milliseconds since 1970 as the tables keep time (`unix_ms`). For a time that
 * processes on several hosts write and compare (a job's heartbeat against a staleness limit): each host's clock may be
 * skewed from the others', the one database's is the same for all of them. SQLite's `julianday('now')` and
 * PostgreSQL's `clock_timestamp()` (the moment of the statement, not of its transaction's start).
 */
import { type SQL, sql } from 'drizzle-orm';
import { PROCESS_DIALECT } from './dialect.ts';

/**
 * The database's now, as a value of a statement (`.set({ updatedAt: databaseNow() })`, a comparison, a select).
 * @example await db.update(jobs).set({ updatedAt: databaseNow() }).where(lt(jobs.updatedAt, databaseNow(-120_000)))
 */
export function databaseNow(offsetMs = 0): SQL<number> {
  const now =
    PROCESS_DIALECT === 'postgres'
      ? sql`(floor(extract(epoch from clock_timestamp()) * 1000)::bigint)`
      : sql`cast((julianday('now') - 2440587.5) * 86400000 as integer)`;
  const offset = Math.trunc(offsetMs);
  return (offset === 0 ? sql`${now}` : sql`(${now} + ${sql.raw(String(offset))})`).mapWith(Number) as SQL<number>;
}
