/**
 * @module One error type and one JSON shape for every failure: `{"error": {"code", "message", "issues"?}}`.
 * Handlers throw `ApiError`; `onError` renders it; anything unexpected is logged and becomes a 500
 * without internals.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { LaunchError } from '../auth/launch-errors.ts';
import { isDatabaseUnavailable } from '../db/database-unavailable.ts';

export interface ErrorIssue {
  path: string;
  message: string;
  /** A stable code the client words itself (CSV line problems), with its params. */
  code?: string;
  params?: Record<string, string | number>;
}

/** Values a client words a refusal with (a scheduled campaign's `startsAt`), as an issue's `params` are. */
export type ErrorParams = Record<string, string | number>;

export interface ErrorBody {
  error: { code: string; message: string; issues?: ErrorIssue[]; params?: ErrorParams };
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: ErrorIssue[],
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A 429: over a rate or attempt limit; `onError` adds `Retry-After`. */
export class RateLimitedError extends ApiError {
  constructor(
    readonly retryAfterSeconds: number,
    code = 'rate_limited',
    message = `Too many requests; retry in ${retryAfterSeconds} s`,
  ) {
    super(429, code, message);
    this.name = 'RateLimitedError';
  }
}

/** What a size limit counts: the request's bytes, or the characters of a file inside it (a CSV, a feed). */
const SIZE_LIMIT_CODES = { bytes: 'byte_limit', characters: 'char_limit' } as const;

/** The limit a too-large body broke, as a field problem a client words itself ("at most 8 MB"). */
export function sizeLimitIssue(unit: keyof typeof SIZE_LIMIT_CODES, max: number): ErrorIssue {
  return { path: 'body', code: SIZE_LIMIT_CODES[unit], params: { max }, message: `at most ${max} ${unit}` };
}

/** A 413 that names its limit. */
export function payloadTooLarge(unit: keyof typeof SIZE_LIMIT_CODES, max: number, message: string): ApiError {
  return new ApiError(413, 'payload_too_large', message, [sizeLimitIssue(unit, max)]);
}

/**
 * A 422 about one input field a handler checked beyond its schema (a stage the campaign does not have, a range whose
 * ends cross): `issues` name the field as a validation refusal does, so a client can point at it; `code` says why.
 * @example throw fieldRefusal('unknown_stage', 'stage', 'Stage "paid" is not one of opened, task_done')
 */
export function fieldRefusal(code: string, path: string, message: string): ApiError {
  return new ApiError(422, code, message, [{ path, message }]);
}

export function errorBody(code: string, message: string, issues?: ErrorIssue[], params?: ErrorParams): ErrorBody {
  return { error: { code, message, ...(issues ? { issues } : {}), ...(params ? { params } : {}) } };
}

export function onError(err: Error, c: Context): Response {
  if (err instanceof RateLimitedError) c.header('Retry-After', String(err.retryAfterSeconds));
  if (err instanceof ApiError) return c.json(errorBody(err.code, err.message, err.issues, err.params), err.status);
  if (err instanceof LaunchError) return c.json(errorBody(err.code, err.message), 401);
  // Hono's own HTTPException (e.g. a body that is not JSON) carries a status; keep it a 4xx.
  const status = (err as { status?: number }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return c.json(errorBody('bad_request', err.message || 'Bad request'), status as ContentfulStatusCode);
  }
  if (isDatabaseUnavailable(err)) {
    console.warn(`database unavailable: ${err.message}`);
    c.header('Retry-After', '1');
    return c.json(errorBody('unavailable', 'The database is unavailable for a moment; retry shortly'), 503);
  }
  console.error('unhandled error', err);
  return c.json(errorBody('internal', 'Internal error'), 500);
}

/** How much of the path a 404 repeats: enough to recognise the request, never a huge path reflected whole. */
const ECHOED_PATH_CHARS = 200;

/** The path's first 200 characters and "…" when longer, cut between characters, not inside one. */
function echoedPath(path: string): string {
  if (path.length <= ECHOED_PATH_CHARS) return path;
  const halfCharacter = /[\uD800-\uDBFF]/.test(path.charAt(ECHOED_PATH_CHARS - 1));
  return `${path.slice(0, halfCharacter ? ECHOED_PATH_CHARS - 1 : ECHOED_PATH_CHARS)}…`;
}

export function notFound(c: Context): Response {
  return c.json(errorBody('not_found', `No route for ${c.req.method} ${echoedPath(c.req.path)}`), 404);
}
