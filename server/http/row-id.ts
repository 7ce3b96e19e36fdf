/**
 * @module The one reading of a row id a client sends. In a JSON body it is a positive integer within PostgreSQL's
 * `integer` (zod's `.int()` alone takes any safe integer: 2^31 passed validation and PostgreSQL refused the query, a
 * 500; found from outside). Written in a URL, path or query: a whole number as server/http/url-number.ts reads
 * it (plain decimal digits), from 1 up to the column's range. `z.coerce.number()` is `Number(text)`, which reads `01`,
 * `+1`, `1.0`, ` 1`, `0x1` and `1e0` all as 1, so one row had many addresses (and any such spelling slipped past
 * checks that read the text another way); an id beyond PostgreSQL's `integer` reached the query and failed there
 * as a 500. Anything else is a 422 with the reason, like an id that is no number at all.
 */
import { z } from '@hono/zod-openapi';
import { wholeNumberParam } from './url-number.ts';

/** The largest row id: every `id` is a PostgreSQL `integer` (server/db/schema-pg), which holds no larger value. */
export const MAX_ROW_ID = 2_147_483_647;

/** The largest VK id this server reads: VK's ids are 64-bit, held as JS numbers (server/db/schema-pg/columns.ts). */
export const MAX_VK_ID = Number.MAX_SAFE_INTEGER;

const idText = (max: number) => wholeNumberParam({ min: 1, max }).openapi({ example: 1 });

/**
 * A row id in a path or query (`/campaigns/{id}`, `?brandId=`).
 *
 * @example z.object({ id: RowIdParam }).parse({ id: '12' }) // { id: 12 }; '012', '1e1' and '2147483648' fail
 */
export const RowIdParam = idText(MAX_ROW_ID);

/**
 * A positive integer id in a JSON body; larger than any row can have is a 422 naming the field.
 * @example z.object({ campaignId: rowId().optional() })
 */
export const rowId = () => z.number().int().positive().max(MAX_ROW_ID);

/**
 * A VK id (a community's group id) in a path or query.
 *
 * @example z.object({ groupId: VkIdParam }).parse({ groupId: '200000777' }) // { groupId: 200000777 }
 */
export const VkIdParam = idText(MAX_VK_ID);

/**
 * The id the route's validator will read from this text, or `undefined` where it will refuse it: for code that must
 * read an id before validation (the office gate) exactly as validation does.
 */
export const readRowId = (text: string | undefined): number | undefined => RowIdParam.safeParse(text).data;

/** Like `readRowId`, for a VK id. */
export const readVkId = (text: string | undefined): number | undefined => VkIdParam.safeParse(text).data;
