/**
 * @module Text one of the two databases cannot store is refused where input is validated (router.ts), or, in what VK
 * sends on a user's behalf, replaced (`storableCopy`):
 * - NUL (`\u0000`): JSON allows it escaped and SQLite stores it, but PostgreSQL's text columns cannot hold it;
 * - an unpaired surrogate (`\ud800` alone, half of a character): JSON allows it escaped, SQLite and PostgreSQL's text
 *   columns silently store U+FFFD in its place, and PostgreSQL's `jsonb` (the audit log's details) refuses it.
 * The same request was a 500 on one database and a stored value on the other. No field of this product has a use for
 * either: a real character never needs them.
 */
import type { ErrorIssue } from './errors.ts';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE = new RegExp(`\u0000|${UNPAIRED_SURROGATE.source}`, 'g');

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Text must not contain NUL (\\u0000)';
  if (UNPAIRED_SURROGATE.test(text)) return 'Text must not contain half of a character (an unpaired surrogate)';
  return undefined;
}

/**
 * The first string inside `value` (a validated body, query or params) a database cannot store, as an issue at its path.
 * Walked with a list, not by recursion: a free-form field (a quiz's answers) may hold JSON nested tens of thousands
 * deep in a few kilobytes, and running out of stack was a 500.
 */
export function unstorableTextIssue(value: unknown): ErrorIssue | undefined {
  interface Step {
    value: unknown;
    key?: string | number;
    parent?: Step;
  }
  const pathOf = (step: Step) => {
    const path: (string | number)[] = [];
    for (let s: Step | undefined = step; s?.parent; s = s.parent) path.push(s.key as string | number);
    return path.reverse().join('.');
  };
  const todo: Step[] = [{ value }];
  for (let step = todo.pop(); step; step = todo.pop()) {
    const v = step.value;
    if (typeof v === 'string') {
      const message = textProblem(v);
      if (message) return { path: pathOf(step), message };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    // Children pushed last first, so the first one in the document is found first.
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i] as [string, unknown];
      todo.push({ value: inner, key: Array.isArray(v) ? Number(key) : key, parent: step });
    }
  }
  return undefined;
}

/**
 * `value` with every NUL and half of a character in its strings replaced by U+FFFD, as a UTF-8 decoder shows a broken
 * character: for what a platform sends on a user's behalf (VK's updates), where refusing would lose the user's
 * message and the platform would retry it for nothing.
 */
export function storableCopy<T>(value: T): T {
  if (typeof value === 'string') return value.replace(UNSTORABLE, '\uFFFD') as T;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(storableCopy) as T;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, storableCopy(inner)])) as T;
}
