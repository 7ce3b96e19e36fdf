/**
 * @module How the SQLite schema's column kinds are spelled on PostgreSQL, so both return the same JS values
 * (docs/decisions/020). Times are unix milliseconds in an SQLite INTEGER (a JS number, not a `Date`): PostgreSQL's
 * `integer` is 32-bit (2^31 ms is 25 days after 1970), so they are `bigint` read back as numbers
 * (`mode: 'number'`; unix ms stay far below 2^53). VK ids are 64-bit in VK's API, so `bigint` too.
 */
import { sql } from 'drizzle-orm';
import { bigint } from 'drizzle-orm/pg-core';

/** Unix milliseconds, read as a JS number like SQLite's INTEGER. */
export const unixMs = (name: string) => bigint(name, { mode: 'number' });

/** A VK id (user, community, app, message): 64-bit on VK's side, a JS number here. */
export const vkId = (name: string) => bigint(name, { mode: 'number' });

/**
 * The current time in unix milliseconds, as a column default. SQLite's default is `unixepoch('subsec') * 1000`, the
 * time of the statement; `statement_timestamp()` is the same instant on PostgreSQL (`now()` would be the transaction's).
 */
export const nowMs = sql`(extract(epoch from statement_timestamp()) * 1000)::bigint`;
