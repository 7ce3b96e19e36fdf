/**
 * Hot queries built once per database and run as prepared statements with placeholders. Building a drizzle query
 * costs more than running it (measured on the claim path: about three quarters of its CPU), so the queries every
 * participant request runs are declared as module-level builders and reused through `prepared()`.
 * A prepared statement runs on the same better-sqlite3 connection, so it takes part in whatever transaction the
 * caller has open; that is why a transaction handle is accepted and mapped back to its root database.
 */
import type { Db } from './client.ts';

/** A database handle or a transaction opened on one. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

const roots = new WeakMap<object, Db>();
const caches = new WeakMap<Db, Map<unknown, unknown>>();

/** Called by `openDatabase` so transaction handles can be traced back to their database. */
export function registerDatabase(db: Db): void {
  roots.set(db.$client, db);
}

/** True for a database handle, false for a transaction opened on one. */
export function isDatabaseRoot(db: DbOrTx): db is Db {
  return '$client' in db && db.$client !== undefined;
}

function rootOf(db: DbOrTx): Db {
  if (isDatabaseRoot(db)) return db;
  // drizzle's transaction object keeps the better-sqlite3 connection on its session.
  const client = (db as unknown as { session?: { client?: object } }).session?.client;
  const root = client ? roots.get(client) : undefined;
  if (!root) throw new Error('prepared(): database was not opened through openDatabase');
  return root;
}

/**
 * Returns the prepared form of `build(db)`, building it on first use for this database.
 * @example
 * const byId = (db: Db) => db.select().from(t).where(eq(t.id, sql.placeholder('id'))).prepare();
 * prepared(tx, byId).get({ id: 7 });
 */
export function prepared<T>(db: DbOrTx, build: (db: Db) => T): T {
  const root = rootOf(db);
  let cache = caches.get(root);
  if (!cache) {
    cache = new Map();
    caches.set(root, cache);
  }
  let query = cache.get(build) as T | undefined;
  if (query === undefined) {
    query = build(root);
    cache.set(build, query);
  }
  return query;
}

/**
 * Runs `work` atomically: in a new transaction, or directly when the connection is already inside one (the
 * caller's transaction or savepoint then decides; a nested savepoint would only add statements and objects).
 */
export function atomically<T>(db: DbOrTx, work: (tx: DbOrTx) => T): T {
  if (rootOf(db).$client.inTransaction) return work(db);
  return db.transaction((tx) => work(tx));
}
