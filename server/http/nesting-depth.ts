/**
 * @module How deep a request's JSON may nest. No body, query or update this product reads nests deeper than a dozen
 * levels, but a free-form field (a document's config, a quiz's answers) takes whatever JSON it is given, and JSON
 * nested tens of thousands deep fits in a few kilobytes: stored with `JSON.stringify`, which recurses, it was a 500
 * (found from outside). Refused where input is validated (router.ts, callback.routes.ts) with the path where it went
 * too deep, walked with a list so the check itself never runs out of stack (decision 092).
 */
import type { ErrorIssue } from './errors.ts';

/** Containers inside containers a request may hold; ten times what any of this product's shapes needs. */
export const MAX_NESTING = 32;

/**
 * An issue at the first place `value` nests deeper than `MAX_NESTING` objects or arrays, else undefined.
 * @example tooDeepIssue({ a: [[[…]]] }) // { path: 'a.0.0…', message: 'Nested deeper than 32 levels' }
 */
export function tooDeepIssue(value: unknown): ErrorIssue | undefined {
  const todo: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  for (let step = todo.pop(); step; step = todo.pop()) {
    const v = step.value;
    if (v === null || typeof v !== 'object') continue;
    if (step.path.length >= MAX_NESTING) {
      return { path: step.path.join('.'), message: `Nested deeper than ${MAX_NESTING} levels` };
    }
    for (const [key, inner] of Object.entries(v)) {
      todo.push({ value: inner, path: [...step.path, Array.isArray(v) ? Number(key) : key] });
    }
  }
  return undefined;
}
