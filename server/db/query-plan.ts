/**
 * @module The plan the database picks for a query, for benches and tests that must show an index is used
 * (SQLite: `EXPLAIN QUERY PLAN`, one line per step; PostgreSQL will answer with `EXPLAIN`'s lines).
 */
import type { Db } from './client.ts';

/**
 * @example await queryPlan(db, db.select().from(schema.participants).where(…).toSQL()) // ['SEARCH participants USING INDEX …']
 */
export async function queryPlan(db: Db, query: { sql: string; params: unknown[] }): Promise<string[]> {
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}
