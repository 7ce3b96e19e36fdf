/**
 * A data migration's test bench: a database of the process's dialect migrated up to just before the migration,
 * filled with rows written as the schema stood then, migrated to the end, and read. One home for the dual-dialect
 * harness every data-migration test needs (server/db/*-migration.test.ts).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle as sqliteDrizzle } from 'drizzle-orm/better-sqlite3';
import { migrate as sqliteMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres';
import { migrate as pgMigrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { MIGRATIONS_FOLDER } from '../../server/db/client.ts';
import { PROCESS_DIALECT } from '../../server/db/dialect.ts';
import { PG_MIGRATIONS_FOLDER } from '../../server/db/postgres.ts';
import { createTestDatabase } from './postgres.ts';

/** A copy of `folder` in `scratch` whose journal ends before the migration whose tag starts with `prefix`. */
function folderBefore(scratch: string, folder: string, prefix: string): string {
  const before = mkdtempSync(join(scratch, 'before-'));
  cpSync(folder, before, { recursive: true });
  const path = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag.startsWith(prefix));
  if (at <= 0) throw new Error(`no migration ${prefix} after the first in ${folder}`);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(path, JSON.stringify(journal));
  return before;
}

/**
 * Runs `writes` on a database migrated up to the migration (`sqlite` / `postgres`: its tag's number, e.g. '0031_'),
 * migrates to the end, and answers the rows of each of `reads`, in order.
 * @example const [members] = await rowsAcrossMigration({ sqlite: '0031_', postgres: '0024_' }, seed, ['select …']);
 */
export async function rowsAcrossMigration(
  migration: { sqlite: string; postgres: string },
  writes: readonly string[],
  reads: readonly string[],
): Promise<Record<string, unknown>[][]> {
  const scratch = mkdtempSync(join(tmpdir(), 'across-migration-'));
  try {
    if (PROCESS_DIALECT === 'postgres') {
      const testDb = await createTestDatabase('migration');
      const pool = new pg.Pool({ connectionString: testDb.url, max: 1 });
      try {
        const before = folderBefore(scratch, PG_MIGRATIONS_FOLDER, migration.postgres);
        await pgMigrate(pgDrizzle(pool), { migrationsFolder: before });
        for (const s of writes) await pool.query(s);
        await pgMigrate(pgDrizzle(pool), { migrationsFolder: PG_MIGRATIONS_FOLDER });
        const found: Record<string, unknown>[][] = [];
        for (const r of reads) found.push((await pool.query(r)).rows);
        return found;
      } finally {
        await pool.end();
        await testDb.drop();
      }
    }
    const sqlite = new Database(join(scratch, 'app.db'));
    try {
      sqliteMigrate(sqliteDrizzle(sqlite), {
        migrationsFolder: folderBefore(scratch, MIGRATIONS_FOLDER, migration.sqlite),
      });
      for (const s of writes) sqlite.exec(s);
      sqliteMigrate(sqliteDrizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
      return reads.map((r) => sqlite.prepare(r).all() as Record<string, unknown>[]);
    } finally {
      sqlite.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
