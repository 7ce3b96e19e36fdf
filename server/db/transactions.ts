/**
 * @module Transactions: the one way domain code writes, on either database.
 * `inTransaction(db, async (tx) => …)` runs `work` atomically and resolves only after COMMIT: all of it is written, or
 * (when `work` throws) none of it. Inside, read and write through `tx` only; reads through `db` see the state before
 * the transaction. A nested `inTransaction(tx, …)` is a savepoint: its own failure rolls back only its part.
 *
 * On SQLite (client.ts) the transaction runs on the process's writing connection, one at a time (a queue, so a
 * transaction never waits for SQLite's lock while holding the event loop), started with BEGIN IMMEDIATE so it never
 * meets SQLITE_BUSY halfway when another process (the bot) has written since its first read.
 * Keep network calls out of `work`: the transaction holds the write lock until it ends.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client.ts';

/** The handle a transaction's work reads and writes through. */
export type Tx = Db;

interface Writer {
  readonly tx: Tx;
  /** Settles when the transaction ahead in the queue has ended. */
  tail: Promise<unknown>;
  savepoints: number;
}

const writers = new WeakMap<Db, Writer>();
/** The writer whose transaction the current async context is inside, if any. */
const current = new AsyncLocalStorage<Writer>();

/** Called by `openDatabase`: `db` (reading handle) writes through `tx` (the writing connection). */
export function registerWriter(db: Db, tx: Tx): void {
  writers.set(db, { tx, tail: Promise.resolve(), savepoints: 0 });
  sqliteConnections.add(db).add(tx);
}

/** The writing handle behind a reading one (for closing it). */
export function writerOf(db: Db): Tx | undefined {
  return writers.get(db)?.tx;
}

/**
 * Runs `work` in a transaction on `db` (or in a savepoint when `db` is the `tx` of a transaction in progress).
 * @example const grant = await inTransaction(deps.db, async (tx) => issueReward(tx, participant, reward));
 */
export async function inTransaction<T>(db: Db | Tx, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  const inside = current.getStore();
  const writer = writers.get(db);
  if (writer) {
    if (inside === writer) {
      throw new Error('inTransaction: already inside a transaction on this database; nest it on its `tx`');
    }
    return queued(writer, () => current.run(writer, () => transaction(writer, work)));
  }
  if (inside && inside.tx === db) return savepoint(inside, work);
  throw new Error('inTransaction: not a database from openDatabase, nor the `tx` of a transaction still in progress');
}

function queued<T>(writer: Writer, task: () => Promise<T>): Promise<T> {
  const result = writer.tail.then(task);
  writer.tail = result.catch(() => undefined);
  return result;
}

async function transaction<T>(writer: Writer, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  const sqlite = writer.tx.$client;
  sqlite.exec('BEGIN IMMEDIATE');
  try {
    const result = await work(writer.tx);
    sqlite.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may already have rolled back on its own (e.g. SQLITE_FULL); a second ROLLBACK would throw over `error`.
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}

async function savepoint<T>(writer: Writer, work: (tx: Tx) => Promise<T> | T): Promise<T> {
  const sqlite = writer.tx.$client;
  const name = `nested_${++writer.savepoints}`;
  sqlite.exec(`SAVEPOINT ${name}`);
  try {
    const result = await work(writer.tx);
    sqlite.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    if (sqlite.inTransaction) {
      sqlite.exec(`ROLLBACK TO ${name}`);
      sqlite.exec(`RELEASE ${name}`);
    }
    throw error;
  }
}

/**
 * Rows an INSERT/UPDATE/DELETE without `.returning()` touched, from either driver's result
 * (better-sqlite3: `changes`; node-postgres: `rowCount`).
 */
export function changedRows(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return Number(r.changes ?? r.rowCount ?? 0);
}

/** The two connections of every SQLite database `openDatabase` opened (its reading `db` and its writing `tx`). */
const sqliteConnections = new WeakSet<object>();

/**
 * Whether `handle` is one of those connections: a stable object for the life of the database, so a statement prepared
 * on it may be kept and reused (prepared.ts). A PostgreSQL handle is not.
 */
export function isSqliteConnection(handle: object): boolean {
  return sqliteConnections.has(handle);
}
