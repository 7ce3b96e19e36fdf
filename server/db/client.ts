/**
 * @module The one place a SQLite database is opened. WAL for concurrent readers, `synchronous=NORMAL`:
 * a commit is in the WAL file before we answer 2xx, so it survives `kill -9` of the process
 * (see docs/decisions/002-sqlite-durability.md for why not FULL), migrations applied on open.
 *
 * Two connections per process. Domain code gets the reading one (`Db`), on which SQLite refuses writes
 * (`query_only`); every write goes through `inTransaction` (transactions.ts), which runs on the writing connection one
 * transaction at a time. Why: with an async domain, a transaction stays open across `await`s, and on a single shared
 * connection any other request's statement issued meanwhile would silently join (and roll back with) that
 * transaction. Reads on their own connection see only committed data (WAL snapshot), never a half-done transaction.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { BACKSTOP_CHECKPOINT_PAGES, type Checkpointer, startCheckpointer } from './checkpointer.ts';
import { assertProcessDialect, PROCESS_DIALECT } from './dialect.ts';
import * as sqliteSchema from './schema/index.ts';
import * as postgresSchema from './schema-pg/index.ts';
import { registerWriter, writerOf } from './transactions.ts';

/**
 * The domain's handle. Typed as SQLite's drizzle; on PostgreSQL it is drizzle's node-postgres database, which has the
 * same awaited query builders the domain uses (async-common rules: no `.get()/.all()/.run()`, no `$client` outside
 * server/db), so one domain code path serves both.
 */
export type Db = BetterSQLite3Database<typeof sqliteSchema> & { $client: Database.Database };

/**
 * The tables of this process's database (dialect.ts), chosen once at start: SQLite's, or the PostgreSQL mirror with
 * the same names and row types (schema-equivalence.test.ts). Typed as SQLite's for the reason above.
 */
export const schema = (PROCESS_DIALECT === 'postgres'
  ? postgresSchema
  : sqliteSchema) as unknown as typeof sqliteSchema;

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /**
   * Copy the WAL back into the database file on a thread of its own instead of inside whichever request's COMMIT
   * crosses SQLite's 1,000-page threshold (checkpointer.ts, decision 021). The server and bot processes open with it;
   * tests and tools that open many short-lived databases do not need a thread each.
   */
  checkpointInBackground?: boolean;
}

const checkpointers = new WeakMap<Db, Checkpointer>();

/**
 * Opens (creating if needed) the database file and brings its schema up to date. Returns the reading handle; write
 * with `inTransaction(db, async (tx) => …)`.
 * @example const db = openDatabase('./data/app.db')
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  assertProcessDialect('sqlite', 'openDatabase');
  if (path === ':memory:') throw new Error('openDatabase: use a file (two connections must see the same database)');
  keepPrivate(path);
  const writer = connect(path);
  // With the background pass on, this connection's own COMMIT only checkpoints as a backstop (checkpointer.ts).
  if (options.checkpointInBackground) writer.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  // A batch gives each transaction a savepoint (transactions.ts); SQLite keeps the pages a savepoint may have to undo
  // in a statement journal, which past 64 KB it moved to a temp file: one file created, written page by page and
  // deleted per batch, most of a claim's write calls under load (decision 035). In memory it holds at most the pages
  // of one savepoint (RELEASE empties it), ≈ 60 KB for a claim. Only this connection: the reading one runs the
  // office's large sorts, which may still spill to disk.
  writer.pragma('temp_store = MEMORY');
  const writerDb = drizzle(writer, { schema: sqliteSchema }) as Db;
  migrate(writerDb, { migrationsFolder: MIGRATIONS_FOLDER });
  const reader = connect(path);
  reader.pragma('query_only = ON');
  const db = drizzle(reader, { schema: sqliteSchema }) as Db;
  registerWriter(db, writerDb);
  if (options.checkpointInBackground) checkpointers.set(db, startCheckpointer(path));
  return db;
}

/**
 * Closes a database from `openDb`: both connections on SQLite; on PostgreSQL, after running queries, every
 * connection of the pool.
 */
export async function closeDatabase(db: Db): Promise<void> {
  const client: unknown = db.$client;
  if (isPool(client)) return client.end();
  const writer = writerOf(db);
  const checkpointer = checkpointers.get(db);
  checkpointers.delete(db);
  db.$client.close();
  writer?.$client.close();
  await checkpointer?.stop();
}

function connect(path: string): Database.Database {
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Not larger: when a B-tree split reorders pages, SQLite parks one under the lock-byte page's number (262,145), and
  // the COMMIT after it walks the whole cache to drop pages past the end of the file. With 64 MB (≈ 16,000 pages)
  // that walk was 12 % of the claim writer's CPU; at 8 MB it is an eighth of that (decision 010).
  sqlite.pragma('cache_size = -8000');
  // No memory map: a connection that reads through one pays ≈ 250 µs on its first read after another connection
  // commits (the map is redone), i.e. on almost every read of the reading connection under write load; with plain
  // reads it is ≈ 10 µs (decision 021).
  sqlite.pragma('mmap_size = 0');
  return sqlite;
}

/**
 * The database holds ticket texts (phones, e-mails) and unused codes: owner-only, like `local-secrets.json`. A folder we
 * create is 0700; the file is created 0600 before SQLite opens it (SQLite gives its -wal and -shm files the database
 * file's mode), and files left by an older version are tightened. A folder that already existed is left as it is.
 */
function keepPrivate(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    if (!existsSync(file)) continue;
    try {
      chmodSync(file, 0o600);
    } catch (err) {
      // Someone else's file that we may write to: not ours to change, but say so.
      console.warn(`${file}: could not make it owner-only (${(err as Error).message})`);
    }
  }
}

function isPool(client: unknown): client is { end(): Promise<void>; totalCount: number } {
  return typeof (client as { totalCount?: unknown }).totalCount === 'number';
}
