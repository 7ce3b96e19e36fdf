/**
 * @module Request body limits that keep @hono/node-server's direct body read. Hono's own `bodyLimit` reads
 * `c.req.raw`, which makes the adapter build a full WHATWG Request (about 100 µs) and then hand the body over through
 * web streams instead of reading it straight from the socket: 0.2–0.3 ms of CPU per request, measured on telemetry
 * batches (docs/decisions/034). A request with a `Content-Length` cannot send more than it declares (Node's parser
 * enforces the framing), so it is judged by that header alone. An HTTP/1 request framed by neither header has no body
 * at all (RFC 9112 §6.3: its length is zero, whatever the method; Node's parser reads nothing more for it), e.g. a
 * body-less POST such as a claim from curl or a load generator. A chunked body, whose size is known only once read,
 * and a body framed by neither header elsewhere (HTTP/2, or a request built in-process) go through Hono's streaming
 * check.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** Answers 413 (through `onError`) for a body over `maxSize` bytes. */
export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const chunked = bodyLimit({ maxSize, onError });
  // Not `async`: on every API request, a function that only passes the request on should not add a promise of its own.
  return (c, next) => {
    if (c.req.header('transfer-encoding') !== undefined) return chunked(c, next);
    const length = c.req.header('content-length');
    if (length !== undefined) return Number(length) > maxSize ? Promise.resolve(onError(c)) : next();
    // Framed by neither header: a GET or HEAD has no body to count (and checking would build the Request again).
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || overHttp1(c)) return next();
    return chunked(c, next);
  };
}

/** Whether the request came over HTTP/1.x through @hono/node-server (which puts Node's request in `c.env.incoming`). */
function overHttp1(c: Context): boolean {
  const env = c.env as { incoming?: { httpVersionMajor?: unknown } } | undefined;
  return env?.incoming?.httpVersionMajor === 1;
}
