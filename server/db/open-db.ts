/**
 * @module `openDb(config)`: the one function the processes (server, bot, db:migrate) open their database with.
 * `DATABASE_URL` → PostgreSQL (pool, migrations under an advisory lock); absent → SQLite at `DATABASE_PATH`.
 */
import { closeDatabase, type Db, openDatabase } from './client.ts';
import { assertProcessDialect, dialectOf } from './dialect.ts';
import { openPostgres } from './postgres.ts';

export interface DatabaseConfig {
  DATABASE_URL?: string;
  DATABASE_PATH: string;
}

/**
 * Opens and migrates the configured database. Throws when the config names a database of the other kind than the one
 * this process chose its tables for (dialect.ts), instead of writing through the wrong tables.
 * @example const db = await openDb(config); … await closeDatabase(db);
 */
export async function openDb(config: DatabaseConfig): Promise<Db> {
  const dialect = dialectOf(config.DATABASE_URL);
  assertProcessDialect(dialect, 'openDb');
  if (config.DATABASE_URL && dialect === 'postgres') {
    const { db } = await openPostgres(config.DATABASE_URL, { writesOnlyInTransactions: true });
    return db as unknown as Db;
  }
  return openDatabase(config.DATABASE_PATH, { checkpointInBackground: true });
}

/** Where the database is, for logs: the PostgreSQL URL without its password, or the SQLite file. */
export function describeDatabase(config: DatabaseConfig): string {
  if (!config.DATABASE_URL) return config.DATABASE_PATH;
  const url = new URL(config.DATABASE_URL);
  if (url.password) url.password = '***';
  return url.toString();
}

export { closeDatabase };
