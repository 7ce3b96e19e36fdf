/**
 * The console errors and uncaught exceptions of a page, each a line a failing test can print. Chromium's own line for
 * a failed load says only «Failed to load resource: the server responded with a status of 422 ()», so such a line is
 * completed with the request it was about: method, path, status and the JSON answer's `error.code` (and the first
 * issue's path), e.g. «… status of 422 () · POST /api/admin/campaigns/7/preview → 422 invalid_input (tasks.0.config.url)».
 * Under load a lone 422 could not be placed without it.
 */
import type { Page, Request, Response } from 'playwright-core';

/** One failed request: an answer of 400 or more, or no answer at all (`status` then is the network error). */
interface FailedRequest {
  url: string;
  method: string;
  status: string;
  /** The JSON answer's `error.code` (and first issue's path), once its body is read. */
  code?: string;
  /** The console line it completes (its index in `errors` and Chromium's words), once matched. */
  line?: { index: number; text: string };
}

const FAILED_LOAD = 'Failed to load resource';

/** `/path?query` of a URL, the query cut short (a launch URL carries a long signed one). */
function pathOf(url: string): string {
  try {
    const u = new URL(url);
    const query = u.search.length > 60 ? `${u.search.slice(0, 60)}…` : u.search;
    return `${u.pathname}${query}`;
  } catch {
    return url;
  }
}

const describe = (r: FailedRequest) => ` · ${r.method} ${pathOf(r.url)} → ${r.status}${r.code ? ` ${r.code}` : ''}`;

async function errorCodeOf(response: Response): Promise<string | undefined> {
  if (!(response.headers()['content-type'] ?? '').includes('json')) return undefined;
  const body = (await response.json().catch(() => undefined)) as
    | { error?: string | { code?: unknown; issues?: { path?: unknown }[] } }
    | undefined;
  const error = body?.error;
  if (typeof error === 'string') return error;
  if (typeof error?.code !== 'string') return undefined;
  const path = error.issues?.[0]?.path;
  return typeof path === 'string' && path !== '' ? `${error.code} (${path})` : error.code;
}

/**
 * Starts collecting `page`'s errors into the returned array (it keeps growing; a failed request's line gains its
 * body's code a moment after the line itself).
 * @example const errors = watchPageErrors(page); …; expect(errors).toEqual([]);
 */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  const failed: FailedRequest[] = [];
  /** Console lines about a failed load that came before its request's event. */
  const waiting: { url: string; line: NonNullable<FailedRequest['line']> }[] = [];

  const write = (r: FailedRequest) => {
    if (r.line) errors[r.line.index] = `${r.line.text}${describe(r)}`;
  };
  const add = (r: FailedRequest) => {
    failed.push(r);
    const i = waiting.findIndex((w) => w.url === r.url);
    if (i >= 0) {
      r.line = waiting[i]?.line;
      waiting.splice(i, 1);
      write(r);
    }
  };
  page.on('response', (response: Response) => {
    if (response.status() < 400) return;
    const r: FailedRequest = {
      url: response.url(),
      method: response.request().method(),
      status: `${response.status()}`,
    };
    add(r);
    void errorCodeOf(response).then((code) => {
      r.code = code;
      write(r);
    });
  });
  page.on('requestfailed', (request: Request) => {
    add({ url: request.url(), method: request.method(), status: request.failure()?.errorText ?? 'failed' });
  });
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = `console: ${msg.text()}`;
    const line = { index: errors.push(text) - 1, text };
    const url = msg.location().url;
    if (!msg.text().startsWith(FAILED_LOAD) || !url) return;
    const r = failed.find((f) => f.url === url && f.line === undefined);
    if (r) {
      r.line = line;
      write(r);
    } else {
      waiting.push({ url, line });
    }
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}
