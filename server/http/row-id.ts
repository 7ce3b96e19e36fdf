/**
 * @module A row id a client sends in a JSON body: a positive integer no larger than PostgreSQL's `integer`, the type
 * of every id column there. Zod's `.int()` alone takes any safe integer: 2^31 passed validation and PostgreSQL refused
 * the query ("out of range for type integer"), a 500 on one database and a not-found on the other (found from outside).
 */
import { z } from '@hono/zod-openapi';

/** The largest id a row can have: PostgreSQL's `integer` (SQLite's ids stay below it the same way). */
export const MAX_ROW_ID = 2_147_483_647;

/**
 * A positive integer id in a JSON body; larger than any row can have is a 422 naming the field.
 * @example z.object({ campaignId: rowId().optional() })
 */
export const rowId = () => z.number().int().positive().max(MAX_ROW_ID);
