/**
 * @module Code imports kept in the database, so that every API process on it sees them (decision 118): the job a
 * brand's upload runs, and the codes it has read, set aside until the whole file is in.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { codePools } from './promo.ts';

/** How an import ended well (server/promo/rewards/csv-import.ts writes it; the office reads it). */
export interface ImportResult {
  imported: number;
  total: number;
  /** The header's cells past the code column, as written (at most 50): not imported, as a pool keeps codes only. */
  ignoredColumns: string[];
}

/** Where an import is, for the uploader: lines parsed, codes checked against the pool, codes written. */
export interface ImportProgress {
  phase: 'parsing' | 'checking' | 'writing';
  lines: number;
  linesParsed: number;
  codes: number;
  checked: number;
  written: number;
}

/**
 * A problem by line as stored: the domain writes its `CsvLineError` (server/promo/csv-line-error.ts), whose `code` is
 * one of its own codes; the database layer names no domain type, so here the code is any string.
 */
export interface StoredLineError {
  line: number;
  code: string;
  params: Record<string, string | number>;
  message: string;
}

export const CODE_IMPORT_STATES = ['running', 'done', 'failed'] as const;

/**
 * One upload of a pool's codes. `updated_at` is its heartbeat: the running process writes its progress at every
 * step, on the database's clock, so a running job whose heartbeat is older than `STALE_IMPORT_MS` (code-imports.ts) by
 * that clock lost its process. At most
 * one running job per pool, by the partial unique index.
 */
export const codeImports = sqliteTable(
  'promo_code_imports',
  {
    /** Order of starting, which a shared clock cannot break ties of. */
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    id: text('id').notNull(),
    campaignId: integer('campaign_id').notNull(),
    poolId: integer('pool_id')
      .notNull()
      .references(() => codePools.id),
    state: text('state', { enum: CODE_IMPORT_STATES }).notNull(),
    progress: text('progress', { mode: 'json' }).$type<ImportProgress>().notNull(),
    result: text('result', { mode: 'json' }).$type<ImportResult>(),
    /** Problems by line when failed (at most 200). */
    errors: text('errors', { mode: 'json' }).$type<StoredLineError[]>().notNull(),
    errorCount: integer('error_count').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    startedAt: integer('started_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    uniqueIndex('promo_code_imports_id_idx').on(t.id),
    uniqueIndex('promo_code_imports_running_idx').on(t.poolId).where(sql`${t.state} = 'running'`),
    index('promo_code_imports_pool_idx').on(t.poolId, t.seq),
  ],
);

/**
 * The codes of a running import, by the line each came from: written here a chunk at a time, then moved into the
 * pool in one statement of one transaction, so a pool never holds part of a file (decision 118).
 */
export const codeImportRows = sqliteTable(
  'promo_code_import_rows',
  {
    /** The import's id: every import is a job (code-imports.ts); no foreign key, so ending a job never waits on these. */
    importId: text('import_id').notNull(),
    line: integer('line').notNull(),
    code: text('code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);
