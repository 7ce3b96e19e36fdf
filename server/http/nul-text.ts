/**
 * @module Text with the NUL character (`\u0000`) is refused where input is validated (router.ts). JSON allows it
 * escaped, SQLite stores it, but PostgreSQL's text columns cannot hold it: the same request was a 500 on one database
 * and a stored value on the other. No field of this product has a use for it.
 */
import type { ErrorIssue } from './errors.ts';

/** The first string inside `value` (a validated body, query or params) that holds NUL, as an issue at its path. */
export function nulTextIssue(value: unknown, path: (string | number)[] = []): ErrorIssue | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? { path: path.join('.'), message: 'Text must not contain NUL (\\u0000)' }
      : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulTextIssue(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}
