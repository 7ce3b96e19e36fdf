/**
 * @module The last step of a code import: the codes set aside by line move into the pool in one statement of one
 * transaction, after looking again for codes another upload put there since the check (decision 118). Either the
 * whole file is in the pool, or none of it, with the lines that clashed named.
 */
import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import { runStatement } from '../../db/run-statement.ts';
import type { ImportResult } from '../../db/schema/code-import.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import { csvLineError } from '../csv-line-error.ts';
import type { PoolRow } from './code-pool.ts';
import { CsvImportError, type ImportWritten } from './csv-import.ts';

const rows = schema.codeImportRows;

/** The set-aside codes already in the pool, by line (the first 200). */
async function clashes(db: Db | Tx, poolId: number, importId: string) {
  const found = await db
    .select({ line: rows.line, code: rows.code })
    .from(rows)
    .innerJoin(schema.poolCodes, and(eq(schema.poolCodes.poolId, poolId), eq(schema.poolCodes.code, rows.code)))
    .where(eq(rows.importId, importId))
    .orderBy(asc(rows.line))
    .limit(200);
  return found.map(({ line, code }) => csvLineError(line, 'already_in_pool', { value: code }));
}

/**
 * INSERT … SELECT: one statement, so the move costs the database's time alone, not a round trip per row. Written in
 * SQL because drizzle's `insert().select()` wants every column of the pool's table (its id is the database's).
 */
function moveStatement(poolId: number, importId: string): SQL {
  return sql`INSERT INTO ${schema.poolCodes} (${sql.identifier('pool_id')}, ${sql.identifier('code')}) SELECT ${sql.raw(String(Math.trunc(poolId)))}, ${rows.code} FROM ${rows} WHERE ${rows.importId} = ${importId} ORDER BY ${rows.line}`;
}

/** A write refused by the pool's unique (pool, code) index: another upload's codes committed meanwhile. */
function codeTakenMeanwhile(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505') return true;
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(e.message).includes('promo_pool_codes')) return true;
  }
  return false;
}

/**
 * Moves an import's set-aside codes into the pool, or throws the `CsvImportError` of the lines whose codes are there
 * already. On PostgreSQL a clash committed by another transaction after this one's look surfaces as a serialization
 * failure (the transaction runs again and finds it) or as the unique index's refusal (looked for again here).
 */
export async function moveIntoPool(
  db: Db,
  pool: PoolRow,
  importId: string,
  written: { codes: number; firstLine: number; lastLine: number },
  ignoredColumns: string[],
  onWritten?: ImportWritten,
): Promise<ImportResult> {
  try {
    return await inTransaction(db, async (tx) => {
      const clashed = await clashes(tx, pool.id, importId);
      if (clashed.length > 0) throw new CsvImportError(clashed);
      await runStatement(tx, moveStatement(pool.id, importId));
      const [total] = await tx
        .select({ n: count() })
        .from(schema.poolCodes)
        .where(eq(schema.poolCodes.poolId, pool.id));
      const result = { imported: written.codes, total: total?.n ?? written.codes, ignoredColumns };
      await onWritten?.(tx, written, result);
      await tx.delete(rows).where(eq(rows.importId, importId));
      return result;
    });
  } catch (error) {
    if (!codeTakenMeanwhile(error)) throw error;
    const clashed = await clashes(db, pool.id, importId);
    throw clashed.length > 0 ? new CsvImportError(clashed) : error;
  }
}
