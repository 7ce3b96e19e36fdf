/**
 * @module The one place a PostgreSQL database is opened: a node-postgres pool, drizzle over it with the pg schema, and
 * the committed migrations (server/db/migrations-pg) applied at start. Several API and bot processes may start at once
 * against one database: they take turns migrating under a PostgreSQL advisory lock, so each finds the schema either
 * untouched or complete (docs/decisions/020).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { markDatabaseError } from './database-unavailable.ts';
import * as schema from './schema-pg/index.ts';
import { registerPostgres } from './transactions.ts';

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };

export const PG_MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'migrations-pg');

/** Any fixed 64-bit number: the key of the session-level lock that serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 7_413_020_013;

export interface PostgresDatabase {
  db: PgDb;
  pool: pg.Pool;
  /** Waits for running queries, then closes every connection of the pool. */
  close(): Promise<void>;
}

export interface PostgresOptions {
  /** Connections in this process's pool (node-postgres' default 10). */
  maxConnections?: number;
  /**
   * Sessions are read-only outside `inTransaction` (which begins READ WRITE), as SQLite's reading connection is: a
   * write that skipped the transaction fails instead of committing on its own. `openDb` sets it.
   */
  writesOnlyInTransactions?: boolean;
}

/** The pool's session setting for `writesOnlyInTransactions` (also for pools built by tests). */
export const READ_ONLY_SESSIONS = '-c default_transaction_read_only=on';

/**
 * Connects, brings the schema up to date and returns drizzle over a pool.
 * @example const { db, close } = await openPostgres('postgres://app:app@127.0.0.1:5432/promo')
 */
export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<PostgresDatabase> {
  readNumbersAsSqliteDoes();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    ...(options.writesOnlyInTransactions ? { options: READ_ONLY_SESSIONS } : {}),
  });
  survivesLostConnections(pool);
  try {
    await migrateUnderLock(pool);
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = postgresOn(pool);
  return { db, pool, close: () => pool.end() };
}

const guarded = new WeakSet<pg.Pool>();

/**
 * A connection the server closed (restart, failover, pg_terminate_backend) emits 'error'; with no listener Node throws
 * it and the process ends (every API and bot process at once: found from outside). The pool listens to idle
 * connections only, so each connection gets its own listener too, for the time it is checked out (between two
 * statements of a transaction): there the statement in flight, or the next one, fails and rejects its transaction,
 * and the pool drops that connection on release. Once per pool, whoever built it (openPostgres, tests).
 */
function survivesLostConnections(pool: pg.Pool): void {
  if (guarded.has(pool)) return;
  guarded.add(pool);
  pool.on('error', (err) => console.warn(`PostgreSQL pool: idle connection lost (${err.message})`));
  pool.on('connect', (client) =>
    client.on('error', (err) => console.warn(`PostgreSQL: connection lost in use (${err.message})`)),
  );
  marksConnectFailures(pool);
}

type ConnectCallback = (
  err: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * The pool's failure to open a connection (the server down or restarting) reaches a transaction bare, not wrapped by
 * drizzle as a statement's is: marked here, it is told from the same network error of an HTTP call
 * (database-unavailable.ts). Both forms of `connect`: the pool's own `query` uses the callback one.
 */
function marksConnectFailures(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (cb?: ConnectCallback) => Promise<pg.PoolClient> | undefined;
  pool.connect = ((cb?: ConnectCallback) => {
    if (cb) return connect((err, client, done) => cb(err && markDatabaseError(err), client, done));
    return (connect() as Promise<pg.PoolClient>).catch((err: unknown) => {
      throw markDatabaseError(err);
    });
  }) as pg.Pool['connect'];
}

/**
 * drizzle over a pool whose database is already migrated (a test database copied from a migrated template), ready for
 * `inTransaction`.
 */
export function postgresOn(pool: pg.Pool): PgDb {
  readNumbersAsSqliteDoes();
  survivesLostConnections(pool);
  const db = drizzle(pool, { schema }) as PgDb;
  registerPostgres(db);
  return db;
}

/**
 * Applies the migrations on one connection that holds the advisory lock: drizzle's migrator creates its schema and
 * table with IF NOT EXISTS and reads the last applied migration before its transaction, which two processes starting
 * together would race on. `pg_advisory_lock` is held by the session, so it is released if this process dies too.
 */
async function migrateUnderLock(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    // The migrator's own transactions write; RESET gives the pooled session back its default (maybe read-only).
    await client.query('SET default_transaction_read_only = off');
    try {
      await migrate(drizzle(client), { migrationsFolder: PG_MIGRATIONS_FOLDER });
    } finally {
      await client.query('RESET default_transaction_read_only');
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

/**
 * SQLite gives `count(*)`, `sum(...)` and every INTEGER as a JS number; node-postgres gives `bigint` and `numeric`
 * results as strings (they may exceed 2^53). Our bigints are unix milliseconds, VK ids and counts, all far below 2^53,
 * so they are read as numbers, and domain code that sums or counts gets the same value on both databases. drizzle's
 * node-postgres session reads parsers from the module-wide registry, so this is set there, not per pool.
 */
function readNumbersAsSqliteDoes(): void {
  pg.types.setTypeParser(pg.types.builtins.INT8, Number);
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, Number);
}

/**
 * Moves every identity sequence past the largest id in its table. Rows inserted with explicit ids (demo seed,
 * fixtures, a copy from SQLite) do not advance PostgreSQL's sequence as they advance SQLite's AUTOINCREMENT, so
 * call this after such inserts or the next insert without an id would collide with them.
 * @example await syncIdentitySequences(db)
 */
export async function syncIdentitySequences(db: PgDb): Promise<void> {
  const identities = await db.execute<{ table_name: string; column_name: string }>(
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  for (const { table_name: table, column_name: column } of identities.rows) {
    await db.execute(
      sql`SELECT setval(pg_get_serial_sequence(${`"${table}"`}, ${column}),
                        coalesce((SELECT max(${sql.identifier(column)}) FROM ${sql.identifier(table)}), 0) + 1, false)`,
    );
  }
}
