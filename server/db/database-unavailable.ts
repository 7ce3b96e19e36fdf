/**
 * @module Telling "the database is gone for a moment" (a PostgreSQL restart, failover, terminated or unreachable
 * connection; SQLite locked by another writer past the busy timeout) from a fault in our code: the first is answered 503 with Retry-After (server/http/errors.ts), not a 500, so clients and
 * monitoring see a service that will be back rather than a bug. Only the database driver's own errors count: a network
 * error (ECONNREFUSED, ECONNRESET) is the database's when drizzle wrapped it (a statement) or the pool gave it (opening
 * a connection, postgres.ts); the same error from an HTTP call (VK, a CRM webhook) stays a 500.
 */
import Database from 'better-sqlite3';
import { DrizzleQueryError } from 'drizzle-orm';

/** SQLSTATE classes and codes of a lost or refused connection: 08 connection exception, 57P01–57P03 shutdown. */
const UNAVAILABLE_SQLSTATES = /^(08...|57P0[123])$/;
/** A socket to the database server refused, cut, timed out or with no route to it (a failover, a network split). */
const LOST_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
/**
 * SQLite's "another connection holds the write lock" after the busy timeout, and its extended forms (a WAL snapshot
 * gone stale, recovery by another process): the same transaction retried later succeeds.
 */
const SQLITE_BUSY = /^SQLITE_BUSY(_[A-Z]+)?$/;
/** node-postgres' own words for a connection it lost, and the server's while it starts or stops. */
const DRIVER_MESSAGES = /Connection terminated|the database system is (starting|shutting) /;

const givenByThePool = new WeakSet<object>();

/**
 * Marks an error the pool gave while opening a connection (drizzle does not wrap that one: it is not a statement's),
 * so it is known as the database's. Returns it, to be thrown on.
 */
export function markDatabaseError<E>(err: E): E {
  if (typeof err === 'object' && err !== null) givenByThePool.add(err);
  return err;
}

/** Whether the error (or one it wraps: drizzle's query errors carry the driver's as `cause`) is a lost database. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let fromTheDatabase = false;
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    fromTheDatabase ||= e instanceof DrizzleQueryError || givenByThePool.has(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_SQLSTATES.test(code)) return true;
    // better-sqlite3's own class: only SQLite itself gives it (BEGIN IMMEDIATE bare, a statement wrapped by drizzle).
    if (e instanceof Database.SqliteError && SQLITE_BUSY.test(e.code)) return true;
    if (!fromTheDatabase) continue;
    if (typeof code === 'string' && LOST_SOCKET_CODES.has(code)) return true;
    if (DRIVER_MESSAGES.test(e.message)) return true;
  }
  return false;
}
