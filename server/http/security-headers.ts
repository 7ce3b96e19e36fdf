/**
 * Security headers of every API answer (JSON and the CSV exports): never rendered as a page, never framed, never
 * sniffed, no Referer. Set before the handler runs: headers added after it (as `hono/secure-headers` does) turn
 * @hono/node-server's cheap response into a full one, which costs the hot routes (see the CORS note in app.ts).
 * The mini app's page gets `secureHeaders` with its own CSP (server/static/page-security.ts).
 */
import type { MiddlewareHandler } from 'hono';

export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};

export const apiSecurityHeaders: MiddlewareHandler = (c, next) => {
  for (const name in API_SECURITY_HEADERS) c.header(name, API_SECURITY_HEADERS[name]);
  return next();
};
