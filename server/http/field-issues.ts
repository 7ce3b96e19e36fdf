/**
 * @module A zod issue as the API sends it: the field's path and zod's English message, and for a value outside its
 * bounds the bound itself, so a client can say "at most 10 000" in its own language instead of "check the fields".
 * `too_big` / `too_small` with `limit`, `origin` (number, string or array — what the limit counts) and `inclusive`
 * (1: the limit itself is allowed; 0: `.positive()`-style strict bounds).
 */
import type { z } from 'zod';
import type { ErrorIssue } from './errors.ts';

/** What a bound counts, as the client words it; dates and files keep zod's message only. */
const ORIGINS: Record<string, 'number' | 'string' | 'array'> = {
  number: 'number',
  int: 'number',
  bigint: 'number',
  string: 'string',
  array: 'array',
  set: 'array',
};

/**
 * A zod issue as the API's issues: one per key a strict shape does not have (`unrecognized_keys`, settings-rules.ts
 * `fields`), each at its own path as `unknown_key` with the key, so the office says which setting it does not know
 * beside it; any other issue as `fieldIssue` words it.
 * @example fieldIssues(z.strictObject({}).safeParse({ x: 1 }).error.issues[0])
 *   // [{ path: 'x', message: 'Unrecognized key: "x"', code: 'unknown_key', params: { key: 'x' } }]
 */
export function fieldIssues(issue: z.core.$ZodIssue): ErrorIssue[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: [...issue.path, key].join('.'),
      message: `Unrecognized key: "${key}"`,
      code: 'unknown_key',
      params: { key },
    }));
  return [fieldIssue(issue)];
}

/**
 * @example fieldIssue(z.number().max(10).safeParse(11).error.issues[0])
 *   // { path: '', message: 'Too big: …', code: 'too_big', params: { limit: 10, origin: 'number', inclusive: 1 } }
 */
export function fieldIssue(issue: z.core.$ZodIssue): ErrorIssue {
  const base = { path: issue.path.join('.'), message: issue.message };
  // A web address the schema refused (z.url with its protocols: task links, covers, logos), worded by the client.
  if (issue.code === 'invalid_format' && issue.format === 'url') return { ...base, code: 'not_a_web_address' };
  // A day the calendar does not have (2026-02-30) or not written as YYYY-MM-DD: the statistics period's ends.
  if (issue.code === 'invalid_format' && issue.format === 'date') return { ...base, code: 'not_a_date' };
  // A refinement that names its own code (text-fields.ts: `blank_text`, text with nothing visible in it).
  // Its other params, where it names them, as the client words them.
  if (issue.code === 'custom' && typeof issue.params?.code === 'string') {
    const { code, ...rest } = issue.params;
    const params = Object.fromEntries(
      Object.entries(rest).filter((e): e is [string, string | number] => ['string', 'number'].includes(typeof e[1])),
    );
    return Object.keys(params).length > 0 ? { ...base, code, params } : { ...base, code };
  }
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return base;
  const origin = ORIGINS[issue.origin];
  // An exact length ("exactly 6 digits") is a different sentence; it keeps zod's message.
  if (!origin || issue.exact) return base;
  const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  return { ...base, code: issue.code, params: { limit, origin, inclusive: issue.inclusive === false ? 0 : 1 } };
}
