/**
 * @module How long a statistics period may be. Plain, without the server's imports: the office reads it too, so an
 * address or a date picker never asks for a range every measure would refuse (`range_too_long`, stats-range.ts).
 */

/** Longest range, in days with both ends counted: a year and a bit, so a day list stays small. */
export const MAX_RANGE_DAYS = 400;
