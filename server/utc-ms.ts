/**
 * @module A moment as the API takes it: UTC milliseconds, before 2100. Any integer up to 2^53 passes `int()`, but
 * past 8.64e15 ms no `Date` can hold it and formatting it throws, so an unbounded date field saved fine and then made
 * every screen that shows it a 500 (a campaign's end, a draw's moment, a broadcast's schedule). One bound for all.
 */
import { z } from '@hono/zod-openapi';

export const LATEST_UTC_MS = Date.UTC(2100, 0, 1);

export const UtcMs = z
  .number()
  .int()
  .min(0)
  .max(LATEST_UTC_MS, 'A date before 2100')
  .openapi({ description: 'UTC milliseconds, before 2100' });
