/**
 * @module A raw statement with no rows back, on either database: drizzle's SQLite handle runs it with `run`, its
 * PostgreSQL handle with `execute`. The one place outside drizzle's typed builders that knows the two differ.
 */
import type { SQL } from 'drizzle-orm';
import type { Tx } from './transactions.ts';

/** @example await runStatement(tx, sql`INSERT INTO … SELECT …`) */
export async function runStatement(tx: Tx, statement: SQL): Promise<void> {
  const handle = tx as unknown as { run?(q: SQL): unknown; execute?(q: SQL): unknown };
  await (handle.execute ? handle.execute(statement) : handle.run?.(statement));
}
