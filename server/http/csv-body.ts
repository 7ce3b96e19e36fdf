/**
 * @module An office CSV upload's JSON form, `{"csv": "…"}` (code pools, prize calendar), beside its `text/csv` form: a
 * JSON body without the file's text is told what is missing and where, not "Invalid json" (the JSON was valid).
 */
import type { Hook } from '@hono/zod-openapi';
import type { Input } from 'hono';
import { type ApiError, errorBody, fieldRefusal } from './errors.ts';
import { fieldIssues } from './field-issues.ts';
import { type AppEnv, validationHook } from './router.ts';

/** The refusal's sentence: what the body should have been, and what is wrong with its `csv`. */
function csvProblem(what: string, problem: string): string {
  return `Send the ${what} as JSON {"csv": "<the file's text>"}: ${problem}`;
}

/** The `csv` is absent: the 422 names it. Where no schema ran (a JSON type the validator does not read). */
export function csvMissing(what: string): ApiError {
  return fieldRefusal('invalid_input', 'csv', csvProblem(what, 'csv is missing'));
}

/**
 * The import route's validation hook: a JSON body whose `csv` is missing, not text or empty is a 422 saying so, its
 * issue at `csv`; anything else as every route answers it (router.ts).
 * @example routes.openapi(importRoute, handler, csvBodyHook('moments'))
 */
// biome-ignore lint/suspicious/noExplicitAny: a refusal the route's typed responses do not list, as the default hook's.
export function csvBodyHook<I extends Input, P extends string>(what: string): Hook<I, AppEnv, P, any> {
  return async (result, c) => {
    if (result.success || result.target !== 'json') return validationHook(result, c);
    const issues = result.error.issues.filter((i) => i.path[0] === 'csv');
    const [first] = issues;
    if (!first) return validationHook(result, c);
    // The validator has read the body already; this is its cached parse.
    const sent = (await c.req.json().catch(() => undefined)) as Record<string, unknown> | undefined;
    const given = sent !== null && typeof sent === 'object' && Object.hasOwn(sent, 'csv');
    const problem = !given
      ? 'csv is missing'
      : first.code === 'invalid_type'
        ? "csv must be the file's text, a string"
        : first.code === 'too_small'
          ? 'csv is empty'
          : `csv: ${first.message}`;
    return c.json(errorBody('invalid_input', csvProblem(what, problem), issues.flatMap(fieldIssues)), 422);
  };
}
