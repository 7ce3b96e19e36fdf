/**
 * @module Code imports as jobs the uploader can watch: an id, the phase and counts while it runs, the result or the
 * problems by line when it ends. One import per pool at a time. Kept in memory per app instance (the last 50), like
 * the rate-limit store: an import's progress is only interesting while someone waits for it.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { csvLineError } from '../csv-line-error.ts';
import type { PoolRow } from './code-pool.ts';
import {
  type ChunkWritten,
  CsvImportError,
  type CsvLineError,
  IMPORT_CHUNK,
  type ImportProgress,
  type ImportResult,
  importPoolCodes,
} from './csv-import.ts';

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

const KEEP = 50;
const registries = new WeakMap<Deps, Map<string, CodeImport>>();

function registryOf(deps: Deps): Map<string, CodeImport> {
  let registry = registries.get(deps);
  if (!registry) {
    registry = new Map();
    registries.set(deps, registry);
  }
  return registry;
}

const isDuplicate = (e: CsvLineError) => e.code === 'repeats_line' || e.code === 'already_in_pool';

/**
 * Starts an import and returns its record at once, with the promise of its end (which rejects with the
 * `CsvImportError` of a bad file). 409 while another import of the same pool runs.
 */
export function startCodeImport(
  deps: Deps,
  db: Db,
  pool: PoolRow,
  csv: string,
  onChunkWritten?: (job: CodeImport) => ChunkWritten,
): { job: CodeImport; finished: Promise<ImportResult> } {
  const registry = registryOf(deps);
  for (const other of registry.values()) {
    if (other.poolId === pool.id && other.state === 'running') {
      throw new ApiError(409, 'import_running', `Import ${other.importId} into this pool is still running`);
    }
  }
  const job: CodeImport = {
    importId: randomUUID(),
    campaignId: pool.campaignId,
    poolId: pool.id,
    state: 'running',
    progress: { phase: 'parsing', lines: 0, linesParsed: 0, codes: 0, checked: 0, written: 0 },
    errors: [],
    errorCount: 0,
    duplicates: 0,
    startedAt: deps.now(),
  };
  registry.set(job.importId, job);
  while (registry.size > KEEP) {
    const oldest = [...registry.values()].find((j) => j.state !== 'running');
    if (!oldest) break;
    registry.delete(oldest.importId);
  }
  const finished = importPoolCodes(
    db,
    pool,
    csv,
    (p) => {
      job.progress = { ...p };
    },
    IMPORT_CHUNK,
    onChunkWritten?.(job),
  ).then(
    (result) => {
      Object.assign(job, { state: 'done', result, finishedAt: deps.now() });
      return result;
    },
    (err: unknown) => {
      Object.assign(job, { state: 'failed', finishedAt: deps.now() });
      if (err instanceof CsvImportError) {
        job.errors = err.lineErrors.slice(0, 200);
        job.errorCount = err.lineErrors.length;
        job.duplicates = err.lineErrors.filter(isDuplicate).length;
      } else {
        job.errors = [csvLineError(0, 'internal')];
        job.errorCount = 1;
      }
      throw err;
    },
  );
  return { job, finished };
}

export function codeImport(deps: Deps, poolId: number, importId: string): CodeImport {
  const job = registryOf(deps).get(importId);
  if (!job || job.poolId !== poolId) throw new ApiError(404, 'import_not_found', `No import ${importId} in this pool`);
  return job;
}

/** This pool's recent imports, latest first (a running one included). */
export function poolImports(deps: Deps, poolId: number): CodeImport[] {
  return [...registryOf(deps).values()].filter((j) => j.poolId === poolId).reverse();
}
