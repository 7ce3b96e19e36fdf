/**
 * @module Telling "the database is gone for a moment" (a PostgreSQL restart, failover or terminated connection) from a
 * fault in our code: the first is answered 503 with Retry-After (server/http/errors.ts), not a 500, so clients and
 * monitoring see a service that will be back rather than a bug.
 */

/** SQLSTATE classes and codes of a lost or refused connection: 08 connection exception, 57P01–57P03 shutdown. */
const UNAVAILABLE_CODES = /^(08...|57P0[123])$/;
const UNAVAILABLE_MESSAGES =
  /Connection terminated|ECONNREFUSED|ECONNRESET|the database system is (starting|shutting) /;

/** Whether the error (or one it wraps: drizzle's query errors carry the driver's as `cause`) is a lost database. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
    if (UNAVAILABLE_MESSAGES.test(e.message)) return true;
  }
  return false;
}
