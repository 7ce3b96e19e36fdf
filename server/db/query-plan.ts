/**
 * @module The plan the database picks for a query, for benches and tests that must show an index is used
 * (SQLite: `EXPLAIN QUERY PLAN`, one line per step; PostgreSQL: `EXPLAIN`'s lines, e.g. `Index Scan using … on …`).
 */
import type pg from 'pg';
import type { Db } from './client.ts';
import { PROCESS_DIALECT } from './dialect.ts';

/**
 * @example await queryPlan(db, db.select().from(schema.participants).where(…).toSQL()) // ['SEARCH participants USING INDEX …']
 */
export async function queryPlan(db: Db, query: { sql: string; params: unknown[] }): Promise<string[]> {
  if (PROCESS_DIALECT === 'postgres') {
    const pool = db.$client as unknown as pg.Pool;
    const result = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query.sql}`, query.params);
    return result.rows.map((r) => r['QUERY PLAN'].trim());
  }
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.params) as Array<{ detail: string }>;
  return rows.map((r) => r.detail);
}

/** The words a plan uses when it reads `index` (for assertions that must hold on both databases). */
export function usesIndex(plan: string[], index: string): boolean {
  const text = plan.join('\n');
  return (
    text.includes(`USING INDEX ${index}`) ||
    text.includes(`USING COVERING INDEX ${index}`) ||
    text.includes(`using ${index}`)
  );
}
