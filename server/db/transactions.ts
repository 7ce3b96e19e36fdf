/**
 * @module Transactions: the one way domain code writes, on either database.
 * `inTransaction(db, async (tx) => …)` runs `work` atomically and resolves only after COMMIT: all of it is written, or
 * (when `work` throws) none of it. Inside, read and write through `tx` only; reads through `db` see the state before
 * the transaction. A nested `inTransaction(tx, …)` is a savepoint: its own failure rolls back only its part.
 *
 * On SQLite (client.ts) the transaction runs on the process's writing connection, one at a time (a queue, so a
 * transaction never waits for SQLite's lock while holding the event loop), started with BEGIN IMMEDIATE so it never
 * meets SQLITE_BUSY halfway when another process (the bot) has written since its first read. Transactions that queued
 * up while one ran share one BEGIN … COMMIT, each in a savepoint of its own (group commit, decision 021): each still
 * runs once, alone on the connection, and is rolled back alone when it throws; each resolves only after the shared
 * COMMIT, so nothing acknowledged is lost. Why: on SQLite a COMMIT writes every page the transaction touched to the
 * WAL and, on the reading connection, throws away its page cache; shared by a batch, both are paid once per batch.
 * On PostgreSQL (postgres.ts) it is drizzle's `db.transaction` on a connection of the pool, SERIALIZABLE, and a
 * nested one is drizzle's savepoint; reads through `db` use other connections of the pool (read-only sessions when
 * opened with `openDb`). SERIALIZABLE gives the domain what SQLite's single writer gives it: a transaction that reads
 * "no participant yet" and inserts one behaves as if it ran alone. When PostgreSQL finds two that could not have run
 * one after the other, it fails one with a serialization failure, and `work` runs again from the start (it holds no
 * network I/O, so re-running it is safe), `SERIALIZATION_ATTEMPTS` times and for `SERIALIZATION_RETRY_MS` at least.
 * Transactions that issue rewards pass `{ explicitLocks: true }`: on PostgreSQL they run READ COMMITTED, guarded by the
 * row locks they take (row-locks.ts), since SERIALIZABLE's page-level predicate locks failed neighbouring claims that
 * never touched the same rows (decision 029).
 * Keep network calls out of `work`: the transaction holds the write lock (SQLite) or its row locks until it ends.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from './client.ts';
import { TransactionGate } from './transaction-gate.ts';

/** The handle a transaction's work reads and writes through. */
export type Tx = Db;

interface Writer {
  readonly tx: Tx;
  /** Transactions waiting for the connection, in order of arrival. */
  waiting: Queued[];
  /** A batch is running; it takes up the waiting ones when it ends. */
  busy: boolean;
  savepoints: number;
}

/** A transaction waiting its turn on the writing connection. */
interface Queued {
  run(): Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * Most transactions one COMMIT carries. Bounds how long the first of a batch waits for its answer and how long
 * another process waits for the write lock; 64 is the claim bench's concurrency, where a batch no longer grows.
 */
export const MAX_BATCH = 64;

/** A transaction in progress: on which database, its handle, and the one it is nested in. */
interface Open {
  readonly root: object;
  readonly tx: Tx;
  /** SQLite: the writing connection the transaction runs on. */
  readonly writer?: Writer;
  readonly outer?: Open;
}

/** drizzle's node-postgres handles, as far as transactions need them. */
interface PgTransactional {
  transaction<T>(
    work: (tx: PgTransactional) => Promise<T>,
    config?: { isolationLevel: 'serializable' | 'read committed'; accessMode: 'read write' },
  ): Promise<T>;
}

/** How a transaction is kept apart from the ones running beside it. */
export interface TransactionOptions {
  /**
   * `work` takes its own row locks (row-locks.ts: the participant first, then the stock of the rewards it may issue,
   * codes and moments with SKIP LOCKED) before every read it acts on, so it does not need PostgreSQL's serializable
   * checks: on PostgreSQL it runs READ COMMITTED, where a conflicting transaction waits for the lock instead of
   * failing at COMMIT and running again (decision 029). SQLite's single writer already orders everything; nothing
   * changes there. Every transaction that issues rewards runs this way, so stock and caps are counted under one
   * kind of guard (decision 027 explains why a mix is unsafe).
   */
  explicitLocks?: boolean;
}

/** How often a PostgreSQL transaction is tried when it keeps meeting serialization failures or deadlocks… */
export const SERIALIZATION_ATTEMPTS = 12;
/**
 * …at least, and for as long as this since its first try: on a busy database (several API processes claiming from one
 * pool) a count alone ran out while the others were still committing, and the request answered 500 (decision 022).
 */
export const SERIALIZATION_RETRY_MS = 10_000;

let retries = 0;
/** PostgreSQL transactions run again after a serialization failure or deadlock, since the process started. */
export function serializationRetries(): number {
  return retries;
}

const writers = new WeakMap<Db, Writer>();
/** Databases opened on PostgreSQL (postgres.ts): drizzle's own transactions run there. */
const postgresDatabases = new WeakSet<object>();
/** The transaction the current async context is inside, if any (innermost). */
const current = new AsyncLocalStorage<Open>();
/** Transactions (and savepoints) whose work is running in this process: the context is tracked while any is. */
let running = 0;

/**
 * Runs `work` with `open` as the current transaction. Node 20's AsyncLocalStorage, once used, keeps async hooks on for
 * the whole process, so every promise of every request pays for a context nobody reads (measured: 10–15 µs of the
 * 40 µs CPU of a `GET /api/me` that writes nothing). Only code inside a transaction's work asks (`inTransaction`'s
 * re-entry check), so tracking is switched off when the last running transaction ends; `run` switches it on again.
 * Nothing is lost by that: with no transaction running, no async context is inside one.
 */
async function runInside<T>(open: Open, work: () => Promise<T>): Promise<T> {
  running += 1;
  try {
    return await current.run(open, work);
  } finally {
    running -= 1;
    if (running === 0) current.disable();
  }
}

/** Called by `openDatabase`: `db` (reading handle) writes through `tx` (the writing connection). */
export function registerWriter(db: Db, tx: Tx): void {
  writers.set(db, { tx, waiting: [], busy: false, savepoints: 0 });
  sqliteConnections.add(db).add(tx);
}

/** Called by `openPostgres`: `db` (drizzle over a pool) runs `inTransaction` with drizzle's transactions. */
export function registerPostgres(db: object): void {
  postgresDatabases.add(db);
}

/** The writing handle behind a reading one (for closing it). */
export function writerOf(db: Db): Tx | undefined {
  return writers.get(db)?.tx;
}

/**
 * Runs `work` in a transaction on `db` (or in a savepoint when `db` is the `tx` of a transaction in progress).
 * @example const grant = await inTransaction(deps.db, async (tx) => issueReward(tx, participant, reward));
 */
export async function inTransaction<T>(
  db: Db | Tx,
  work: (tx: Tx) => Promise<T> | T,
  options: TransactionOptions = {},
): Promise<T> {
  const inside = current.getStore();
  const writer = writers.get(db);
  const postgres = postgresDatabases.has(db);
  if (writer || postgres) {
    if (inside?.root === db) {
      throw new Error('inTransaction: already inside a transaction on this database; nest it on its `tx`');
    }
    if (writer)
      return queued(writer, () => runInside({ root: db, tx: writer.tx, writer }, async () => work(writer.tx)));
    return postgresTransaction(
      db as unknown as PgTransactional,
      (tx) => runInside({ root: db, tx: tx as unknown as Tx }, async () => work(tx as unknown as Tx)),
      options.explicitLocks ? 'read committed' : 'serializable',
    );
  }
  const open = openTransactionOf(inside, db);
  if (open?.writer) return savepoint(open.writer, work);
  if (open) {
    return (db as unknown as PgTransactional).transaction((tx) =>
      runInside({ root: open.root, tx: tx as unknown as Tx, outer: inside }, async () => work(tx as unknown as Tx)),
    );
  }
  throw new Error('inTransaction: not a database from openDb, nor the `tx` of a transaction still in progress');
}

/** The transaction in progress (this one or one it is nested in) whose handle is `tx`. */
function openTransactionOf(inside: Open | undefined, tx: Db | Tx): Open | undefined {
  for (let open = inside; open; open = open.outer) if (open.tx === tx) return open;
  return undefined;
}

/** This process's PostgreSQL write transactions: side by side at first, alone after a serialization failure. */
const gate = new TransactionGate();

async function postgresTransaction<T>(
  db: PgTransactional,
  work: (tx: PgTransactional) => Promise<T>,
  isolationLevel: 'serializable' | 'read committed',
): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await gate.run(attempt > 1, () => db.transaction(work, { isolationLevel, accessMode: 'read write' }));
    } catch (error) {
      const spent = attempt >= SERIALIZATION_ATTEMPTS && Date.now() - started >= SERIALIZATION_RETRY_MS;
      if (spent || !mustRetry(error)) throw error;
      retries += 1;
      // A short random pause, growing with the attempts, so the transactions that collided do not collide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 2 ** Math.min(attempt + 1, 8)));
    }
  }
}

/** 40001 serialization_failure, 40P01 deadlock_detected (drizzle wraps the driver's error in `cause`). */
function mustRetry(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '40001' || e.code === '40P01') return true;
  }
  return false;
}

function queued<T>(writer: Writer, run: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    writer.waiting.push({ run, resolve: resolve as (value: unknown) => void, reject });
    if (writer.busy) return;
    writer.busy = true;
    // The batch starts after the event loop has handled every request already read from the sockets (the check
    // phase follows the poll phase), so the transactions those requests start share its COMMIT. Started at once,
    // a transaction with no I/O inside ran to its COMMIT before the next request was even parsed: under the claim
    // bench's 64 connections every batch held one claim, and each claim paid a COMMIT of its own (decision 035).
    setImmediate(() => void drain(writer));
  });
}

/** Runs the waiting transactions, in batches of up to `MAX_BATCH` under one BEGIN IMMEDIATE … COMMIT each. */
async function drain(writer: Writer): Promise<void> {
  writer.busy = true;
  try {
    while (writer.waiting.length > 0) await batch(writer, writer.waiting.splice(0, MAX_BATCH));
  } finally {
    writer.busy = false;
  }
}

/**
 * One batch: each transaction in a savepoint (its failure undoes its own writes only), then one COMMIT, and only then
 * their answers. If SQLite ended the whole transaction on its own (e.g. SQLITE_FULL) or the COMMIT failed, the work
 * done so far is gone: those transactions fail with that error, and the rest of the batch starts a new one.
 */
async function batch(writer: Writer, jobs: Queued[]): Promise<void> {
  const sqlite = writer.tx.$client;
  let done: Array<{ job: Queued; value: unknown }> = [];
  const failDone = (error: unknown) => {
    for (const d of done) d.job.reject(error);
    done = [];
  };
  for (const job of jobs) {
    try {
      if (!sqlite.inTransaction) sqlite.exec('BEGIN IMMEDIATE');
    } catch (error) {
      job.reject(error);
      continue;
    }
    sqlite.exec('SAVEPOINT batched');
    try {
      const value = await job.run();
      sqlite.exec('RELEASE batched');
      done.push({ job, value });
    } catch (error) {
      if (sqlite.inTransaction) {
        // SQLite may already have rolled back on its own; a second ROLLBACK would throw over `error`.
        sqlite.exec('ROLLBACK TO batched');
        sqlite.exec('RELEASE batched');
      } else failDone(error);
      job.reject(error);
    }
  }
  if (!sqlite.inTransaction) return failDone(new Error('inTransaction: the transaction ended before COMMIT'));
  try {
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    return failDone(error);
  }
  for (const d of done) d.job.resolve(d.value);
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
