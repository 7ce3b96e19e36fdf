/**
 * @module Code imports as jobs the uploader can watch: an id, the phase and counts while it runs, the result or the
 * problems by line when it ends. Kept in the database (`promo_code_imports`), so a progress check or a second upload
 * that reaches another API process sees the same job, and one import per pool runs at a time by a partial unique
 * index, not by one process's memory. A running job's `updatedAt` is its heartbeat: one silent for
 * `STALE_IMPORT_MS` lost its process and no longer holds the pool (decision 118). Every job time is the database's
 * clock (db/database-clock.ts), the heartbeat's and the one it is compared with alike: API hosts whose clocks are
 * skewed neither give up a live job nor wait on a dead one. Each start ends the dead jobs and throws away what they
 * set aside, and keeps a pool's last `KEPT` finished jobs only, so neither table grows for ever.
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gte, inArray, lt, ne, notInArray, type SQL } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import { databaseNow } from '../../db/database-clock.ts';
import type { ImportProgress, ImportResult } from '../../db/schema/code-import.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { csvLineError } from '../csv-line-error.ts';
import type { PoolRow } from './code-pool.ts';
import { CsvImportError, type CsvLineError, IMPORT_CHUNK, type ImportWritten, importUnderJob } from './csv-import.ts';

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
 * second); two minutes of silence by the database's clock means the process is gone (killed, crashed, restarted),
 * with room for a long pause of the event loop.
 */
export const STALE_IMPORT_MS = 120_000;
/** How many of a pool's imports its list shows, latest first. */
const LISTED = 50;
/** A pool's finished jobs kept: those its list shows; an older one is deleted when an import into the pool starts. */
export const KEPT_IMPORTS = LISTED;

const jobs = schema.codeImports;
type JobRow = typeof jobs.$inferSelect;

const isDuplicate = (e: CsvLineError) => e.code === 'repeats_line' || e.code === 'already_in_pool';

const interrupted = () => [csvLineError(0, 'interrupted')];

/** The job as the office reads it at `now` (the database's clock); a running one whose heartbeat stopped is said as the failure it is. */
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

/** Job rows with the database's now beside them, for `asJob`. */
const withClock = { row: jobs, now: databaseNow() } as const;

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

/** A running job silent for `STALE_IMPORT_MS` by the database's clock. */
const silent = (): SQL | undefined => and(eq(jobs.state, 'running'), lt(jobs.updatedAt, databaseNow(-STALE_IMPORT_MS)));

/**
 * Clears up before a job opens, in its transaction: running jobs of any pool whose process stopped beating end
 * failed (`interrupted`) and lose the codes they set aside; codes set aside under no job or an ended one (a process
 * that died between its end and its clean-up) go; the pool's finished jobs past its last `KEPT_IMPORTS` go.
 */
async function clearUp(tx: Tx, poolId: number): Promise<void> {
  const now = databaseNow();
  await tx
    .update(jobs)
    .set({ state: 'failed', errors: interrupted(), errorCount: 1, finishedAt: now, updatedAt: now })
    .where(silent());
  const running = tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.state, 'running'));
  await tx.delete(schema.codeImportRows).where(notInArray(schema.codeImportRows.importId, running));
  const kept = tx
    .select({ seq: jobs.seq })
    .from(jobs)
    .where(and(eq(jobs.poolId, poolId), ne(jobs.state, 'running')))
    .orderBy(desc(jobs.seq))
    .limit(KEPT_IMPORTS);
  await tx.delete(jobs).where(and(eq(jobs.poolId, poolId), ne(jobs.state, 'running'), notInArray(jobs.seq, kept)));
}

async function openJob(db: Db, pool: PoolRow): Promise<JobRow> {
  const now = databaseNow();
  const fields = {
    id: randomUUID(),
    campaignId: pool.campaignId,
    poolId: pool.id,
    state: 'running' as const,
    progress: { phase: 'parsing' as const, lines: 0, linesParsed: 0, codes: 0, checked: 0, written: 0 },
    result: null,
    errors: [],
    errorCount: 0,
    duplicates: 0,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
  };
  try {
    return await inTransaction(db, async (tx) => {
      await clearUp(tx, pool.id);
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
async function endJob(db: Db, id: string, set: Partial<JobRow>): Promise<void> {
  const now = databaseNow();
  await inTransaction(db, (tx) =>
    tx
      .update(jobs)
      .set({ ...set, finishedAt: now, updatedAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.state, 'running'))),
  );
}

/** A direct import's hooks: its progress as it goes, the step size (lines or codes), and what to write with it. */
export interface ImportOptions {
  onProgress?: (p: ImportProgress) => unknown;
  chunk?: number;
  onWritten?: ImportWritten;
}

/**
 * Starts an import and returns its record at once, with the promise of its end (which rejects with the
 * `CsvImportError` of a bad file). 409 while another import of the same pool runs, in any process. Every import is
 * a job: codes are set aside only under a job's row, so a process that dies leaves a job that goes stale, and the
 * next start clears what it set aside.
 */
export async function startCodeImport(
  db: Db,
  pool: PoolRow,
  csv: string,
  onWritten?: (job: CodeImport) => ImportWritten,
  options: ImportOptions = {},
): Promise<{ job: CodeImport; finished: Promise<ImportResult> }> {
  const row = await openJob(db, pool);
  const job = asJob(row, row.updatedAt);
  const beat = async (progress: ImportProgress) => {
    await inTransaction(db, (tx) =>
      tx
        .update(jobs)
        .set({ progress: { ...progress }, updatedAt: databaseNow() })
        .where(and(eq(jobs.id, row.id), eq(jobs.state, 'running'))),
    );
    await options.onProgress?.(progress);
  };
  // The job ends done in the transaction that fills the pool: codes in the pool and a job still running never meet.
  const written: ImportWritten = async (tx, part, result) => {
    const now = databaseNow();
    const [still] = await tx
      .update(jobs)
      .set({ state: 'done', result, finishedAt: now, updatedAt: now })
      .where(and(eq(jobs.id, row.id), eq(jobs.state, 'running')))
      .returning({ id: jobs.id });
    if (!still) throw new ApiError(409, 'import_interrupted', 'This import was given up as stopped; upload again');
    await onWritten?.(job)(tx, part, result);
  };
  const chunk = options.chunk ?? IMPORT_CHUNK;
  const finished = importUnderJob(db, pool, csv, row.id, beat, chunk, written).catch(async (err: unknown) => {
    const errors = err instanceof CsvImportError ? err.lineErrors : [csvLineError(0, 'internal')];
    await endJob(db, row.id, {
      state: 'failed',
      errors: errors.slice(0, 200),
      errorCount: errors.length,
      duplicates: errors.filter(isDuplicate).length,
    }).catch(() => {}); // unwritten, the job ends as stale
    throw err;
  });
  return { job, finished };
}

/**
 * An import awaited to its end, as a job like any other (scripts, tests): its result, or the `CsvImportError` of a
 * bad file; 409 while another import of the pool runs.
 * @example await importCodes(db, pool, 'code\nAAA111\nBBB222\n') // { imported: 2, total: 2, ignoredColumns: [] }
 */
export async function importCodes(
  db: Db,
  pool: PoolRow,
  csv: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { onWritten } = options;
  return (await startCodeImport(db, pool, csv, onWritten && (() => onWritten), options)).finished;
}

/**
 * Before a pool is deleted (a save that leaves out a pool with no codes, campaign-store.ts), in that transaction: its
 * ended jobs, and a running one whose process stopped beating, go with it, and what they set aside; a live import
 * keeps the pool, refused 409 `import_running` (the codes it is about to move need their pool; the foreign key would
 * refuse the delete as a 500).
 */
export async function dropPoolImports(tx: Tx, poolId: number): Promise<void> {
  const [live] = await tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.poolId, poolId), eq(jobs.state, 'running'), gte(jobs.updatedAt, databaseNow(-STALE_IMPORT_MS))));
  if (live) throw new ApiError(409, 'import_running', `Import ${live.id} into this pool is still running`);
  const ofPool = tx.select({ id: jobs.id }).from(jobs).where(eq(jobs.poolId, poolId));
  await tx.delete(schema.codeImportRows).where(inArray(schema.codeImportRows.importId, ofPool));
  await tx.delete(jobs).where(eq(jobs.poolId, poolId));
}

export async function codeImport(deps: Pick<Deps, 'db'>, poolId: number, importId: string): Promise<CodeImport> {
  const [found] = await deps.db
    .select(withClock)
    .from(jobs)
    .where(and(eq(jobs.id, importId), eq(jobs.poolId, poolId)));
  if (!found) throw new ApiError(404, 'import_not_found', `No import ${importId} in this pool`);
  return asJob(found.row, found.now);
}

/** This pool's recent imports, latest first (a running one included). */
export async function poolImports(deps: Pick<Deps, 'db'>, poolId: number): Promise<CodeImport[]> {
  const rows = await deps.db
    .select(withClock)
    .from(jobs)
    .where(eq(jobs.poolId, poolId))
    .orderBy(desc(jobs.seq))
    .limit(LISTED);
  return rows.map((r) => asJob(r.row, r.now));
}
