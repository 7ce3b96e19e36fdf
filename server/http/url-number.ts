/**
 * @module The one reading of a whole number written in a URL, path or query: plain decimal digits, no sign, leading
 * zero, point, exponent or space, within the parameter's bounds. `z.coerce.number()` is `Number(text)`, which reads
 * `1e3` as 1000, `0x10` as 16, ` 5` and `+5` as 5, `1.0` as 1 and an empty `limit=` as 0: each quietly meant
 * something (a funnel from `from=1.5e12`, a page of 16 rows, a stuck list from the epoch). Anything else is a 422
 * naming the parameter. Row ids (server/http/row-id.ts) are these numbers too, from 1 up.
 */
import { z } from '@hono/zod-openapi';

/** The only spelling of a whole number: `0`, or digits not starting with 0. */
const PLAIN_DIGITS = /^(0|[1-9][0-9]*)$/;

/** The last moment a JS `Date` holds (8.64e15 ms, the year 275760): a later epoch ms is no moment, and no date. */
export const MAX_EPOCH_MS = 8_640_000_000_000_000;

/**
 * A whole number from `min` to `max` written in a URL; `max` at most `Number.MAX_SAFE_INTEGER`, so the text's digits
 * are its value.
 *
 * @example wholeNumberParam({ min: 1, max: 100 }) // '20' → 20; '1e1', '0x10', ' 5', '' → 422
 */
export const wholeNumberParam = ({ min, max }: { min: number; max: number }) =>
  z
    .string()
    .regex(PLAIN_DIGITS, 'a whole number in plain decimal digits (no sign, leading zero, point, exponent or space)')
    // 309 digits and more are Infinity to `Number`, which z.number() calls no number at all: clamped, just too big.
    .transform((text) => Math.min(Number(text), Number.MAX_VALUE))
    .pipe(z.number().min(min).max(max))
    .openapi({ type: 'integer', minimum: min, maximum: max });

/**
 * A whole number the query may leave out, read as `fallback` then. The document names the fallback itself: a pipe's
 * `.default()` alone is not shown there.
 *
 * @example wholeNumberParamOr({ min: 1, max: 100 }, 50) // absent → 50; '' → 422
 */
export const wholeNumberParamOr = (bounds: { min: number; max: number }, fallback: number) =>
  wholeNumberParam(bounds).default(fallback).openapi({ default: fallback });

/**
 * A moment as epoch milliseconds in a query (`?from=`), from 1970 to the last one a `Date` holds.
 * @example z.object({ from: EpochMsParam.optional() }).parse({ from: '1767225600000' })
 */
export const EpochMsParam = wholeNumberParam({ min: 0, max: MAX_EPOCH_MS }).openapi({
  example: 1_767_225_600_000,
});
