/**
 * @module Code imports as jobs the uploader can watch: an id, the phase and counts while it runs, the result or the
 * problems by line when it ends. Kept in the database (`promo_code_imports`), so a progress check or a second upload
 * that reaches another API process sees the same job, and one import per pool runs at a time by a partial unique
 * index, not by one process's memory. A running job's `updatedAt` is its heartbeat: one silent for
 * `STALE_IMPORT_MS` lost its process and no longer holds the pool (decision 118).
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import type { ImportProgress, ImportResult } from '../../db/schema/code-import.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { csvLineError } from '../csv-line-error.ts';
import type { PoolRow } from './code-pool.ts';
import { CsvImportError, type CsvLineError, IMPORT_CHUNK, type ImportWritten, importPoolCodes } from './csv-import.ts';

export interface CodeImport {
  importId: string;
  campaignId: number;
  poolId: number;
  state: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  /** Set when done. */
  result?: ImportResult;
  /** Problems by line when failed (at most 200), and how many of them were duplicates. */
  errors: CsvLineError[];
  errorCount: number;
  duplicates: number;
  startedAt: number;
  finishedAt?: number;
}

/**
 * A running job's process writes its progress at every step (at most 2,000 lines or codes apart, well under a
 * second); two minutes of silence means the process is gone (killed, crashed, restarted), with room for clocks of
 * several hosts a few seconds apart and for a long pause of the event loop.
 */
export const STALE_IMPORT_MS = 120_000;
/** How many of a pool's imports its list shows, latest first. */
const LISTED = 50;

const jobs = schema.codeImports;
type JobRow = typeof jobs.$inferSelect;
type NewJob = typeof jobs.$inferInsert;

const isDuplicate = (e: CsvLineError) => e.code === 'repeats_line' || e.code === 'already_in_pool';

const interrupted = () => [csvLineError(0, 'interrupted')];

/** The job as the office reads it; a running one whose heartbeat stopped is said as the failure it is. */
function asJob(row: JobRow, now: number): CodeImport {
  const stale = row.state === 'running' && row.updatedAt < now - STALE_IMPORT_MS;
  const job: CodeImport = {
    importId: row.id,
    campaignId: row.campaignId,
    poolId: row.poolId,
    state: stale ? 'failed' : row.state,
    progress: row.progress,
    // Written only by this module, from CsvLineError values: the stored code is one of the domain's codes.
    errors: stale ? interrupted() : (row.errors as CsvLineError[]),
    errorCount: stale ? 1 : row.errorCount,
    duplicates: row.duplicates,
    startedAt: row.startedAt,
  };
  if (row.result) job.result = row.result;
  const finishedAt = stale ? row.updatedAt : row.finishedAt;
  if (finishedAt !== null) job.finishedAt = finishedAt;
  return job;
}

/** A second running job of one pool, refused by `promo_code_imports_running_idx`. */
function poolBusy(error: unknown): boolean {
  for (
    let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505' && String(e.message).includes('promo_code_imports_running_idx')) return true;
    if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' && String(e.message).includes('promo_code_imports.pool_id')) return true;
  }
  return false;
}

/** Ends the pool's running job whose process stopped beating, and throws away the codes it set aside. */
async function endStale(tx: Tx, poolId: number, now: number): Promise<void> {
  const stale = await tx
    .update(jobs)
    .set({ state: 'failed', errors: interrupted(), errorCount: 1, finishedAt: now, updatedAt: now })
    .where(and(eq(jobs.poolId, poolId), eq(jobs.state, 'running'), lt(jobs.updatedAt, now - STALE_IMPORT_MS)))
    .returning({ id: jobs.id });
  for (const { id } of stale) await tx.delete(schema.codeImportRows).where(eq(schema.codeImportRows.importId, id));
}

async function openJob(deps: Deps, db: Db, pool: PoolRow): Promise<JobRow> {
  const now = deps.now();
  const fields = {
    id: randomUUID(),
    campaignId: pool.campaignId,
    poolId: pool.id,
    state: 'running',
    progress: { phase: 'parsing', lines: 0, linesParsed: 0, codes: 0, checked: 0, written: 0 },
    result: null,
    errors: [],
    errorCount: 0,
    duplicates: 0,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
  } satisfies NewJob;
  try {
    return await inTransaction(db, async (tx) => {
      await endStale(tx, pool.id, now);
      const [row] = await tx.insert(jobs).values(fields).returning();
      return row as JobRow;
    });
  } catch (error) {
    if (!poolBusy(error)) throw error;
    const [other] = await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.poolId, pool.id), eq(jobs.state, 'running')));
    throw new ApiError(409, 'import_running', `Import ${other?.id ?? ''} into this pool is still running`.trim());
  }
}

/** Writes the job's end unless it was declared stale meanwhile (then its end is the stale one). */
async function endJob(deps: Deps, db: Db, id: string, set: Partial<JobRow>): Promise<void> {
  const now = deps.now();
  await inTransaction(db, (tx) =>
    tx
      .update(jobs)
      .set({ ...set, finishedAt: now, updatedAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.state, 'running'))),
  );
}

/**
 * Starts an import and returns its record at once, with the promise of its end (which rejects with the
 * `CsvImportError` of a bad file). 409 while another import of the same pool runs, in any process.
 */
export async function startCodeImport(
  deps: Deps,
  db: Db,
  pool: PoolRow,
  csv: string,
  onWritten?: (job: CodeImport) => ImportWritten,
): Promise<{ job: CodeImport; finished: Promise<ImportResult> }> {
  const row = await openJob(deps, db, pool);
  const job = asJob(row, deps.now());
  const beat = (progress: ImportProgress) =>
    inTransaction(db, (tx) =>
      tx
        .update(jobs)
        .set({ progress: { ...progress }, updatedAt: deps.now() })
        .where(and(eq(jobs.id, row.id), eq(jobs.state, 'running'))),
    );
  // The job ends done in the transaction that fills the pool: codes in the pool and a job still running never meet.
  const written: ImportWritten = async (tx, part, result) => {
    const [still] = await tx
      .update(jobs)
      .set({ state: 'done', result, finishedAt: deps.now(), updatedAt: deps.now() })
      .where(and(eq(jobs.id, row.id), eq(jobs.state, 'running')))
      .returning({ id: jobs.id });
    if (!still) throw new ApiError(409, 'import_interrupted', 'This import was given up as stopped; upload again');
    await onWritten?.(job)(tx, part, result);
  };
  const finished = importPoolCodes(db, pool, csv, beat, IMPORT_CHUNK, written, row.id).catch(async (err: unknown) => {
    const errors = err instanceof CsvImportError ? err.lineErrors : [csvLineError(0, 'internal')];
    await endJob(deps, db, row.id, {
      state: 'failed',
      errors: errors.slice(0, 200),
      errorCount: errors.length,
      duplicates: errors.filter(isDuplicate).length,
    }).catch(() => {}); // unwritten, the job ends as stale
    throw err;
  });
  return { job, finished };
}

export async function codeImport(deps: Deps, poolId: number, importId: string): Promise<CodeImport> {
  const [row] = await deps.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, importId), eq(jobs.poolId, poolId)));
  if (!row) throw new ApiError(404, 'import_not_found', `No import ${importId} in this pool`);
  return asJob(row, deps.now());
}

/** This pool's recent imports, latest first (a running one included). */
export async function poolImports(deps: Deps, poolId: number): Promise<CodeImport[]> {
  const rows = await deps.db.select().from(jobs).where(eq(jobs.poolId, poolId)).orderBy(desc(jobs.seq)).limit(LISTED);
  return rows.map((r) => asJob(r, deps.now()));
}
