/** @module PostgreSQL mirror of ../schema/code-import.ts: code imports and the codes they set aside. */
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  CODE_IMPORT_STATES,
  type ImportProgress,
  type ImportResult,
  type StoredLineError,
} from '../schema/code-import.ts';
import { unixMs } from './columns.ts';
import { codePools } from './promo.ts';

export { CODE_IMPORT_STATES };

export const codeImports = pgTable(
  'promo_code_imports',
  {
    seq: integer('seq').primaryKey().generatedByDefaultAsIdentity(),
    id: text('id').notNull(),
    campaignId: integer('campaign_id').notNull(),
    poolId: integer('pool_id')
      .notNull()
      .references(() => codePools.id),
    state: text('state', { enum: CODE_IMPORT_STATES }).notNull(),
    progress: jsonb('progress').$type<ImportProgress>().notNull(),
    result: jsonb('result').$type<ImportResult>(),
    errors: jsonb('errors').$type<StoredLineError[]>().notNull(),
    errorCount: integer('error_count').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    startedAt: unixMs('started_at').notNull(),
    updatedAt: unixMs('updated_at').notNull(),
    finishedAt: unixMs('finished_at'),
  },
  (t) => [
    uniqueIndex('promo_code_imports_id_idx').on(t.id),
    uniqueIndex('promo_code_imports_running_idx').on(t.poolId).where(sql`${t.state} = 'running'`),
    index('promo_code_imports_pool_idx').on(t.poolId, t.seq),
  ],
);

export const codeImportRows = pgTable(
  'promo_code_import_rows',
  {
    importId: text('import_id').notNull(),
    line: integer('line').notNull(),
    code: text('code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);
