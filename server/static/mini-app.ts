/**
 * @module Serves the built mini app the way a good CDN does: hashed assets with a stored brotli or gzip copy
 * chosen by `Accept-Encoding` and cached for a year; `index.html` revalidated on every visit (ETag,
 * Last-Modified). When the launch in the page URL verifies, the page carries the participant's first-screen data
 * and is never stored by any cache (docs/decisions/018-serving-the-first-screen.md).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context, Hono } from 'hono';
import type { Deps } from '../deps.ts';
import { type BuildFile, etagOf, matchesEtag, readBuild } from './build-files.ts';
import { pickEncoding, type StoredEncoding } from './content-encoding.ts';
import { FIRST_SCREEN_DATA_ID, firstScreenData, type PagePlatform, scriptSafeJson } from './first-screen-data.ts';
import { pageSecurityHeaders } from './page-security.ts';

export const IMMUTABLE = 'public, max-age=31536000, immutable';

export interface MiniAppOptions {
  /** The build folder, e.g. `./dist/vk`. */
  root: string;
  /** Whose launch the build reads from its URL (which `Authorization` the page's data is computed for). */
  platform: PagePlatform;
  /** Origins of the API when it is not the page's own (the CSP's connect-src). */
  apiOrigins?: string[];
  /** Served under this path (e.g. `/web/`, the web entry beside the VK build) instead of the root. */
  prefix?: string;
}

// biome-ignore lint/suspicious/noExplicitAny: any Hono app (the API's type parameters do not matter here).
type AnyHono = Hono<any, any, any>;

/** Mounts the build on `app`; false (with a warning) when the folder has no index.html. */
export function serveMiniApp(
  app: AnyHono,
  deps: Pick<Deps, 'config' | 'db' | 'now'>,
  options: MiniAppOptions,
): boolean {
  const files = readBuild(options.root);
  const page = files.get('/index.html');
  if (!page) {
    console.warn(`${options.root} has no index.html: run \`npm run build\` to serve the mini app`);
    return false;
  }
  const html = page.bodies.identity.toString('utf8');
  const embeds = html.includes('__promoFirstScreen') && html.includes('</title>');
  const pageHeaders = pageSecurityHeaders(html, options.apiOrigins);

  app.use('/*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const prefix = options.prefix;
    // `/web` typed without its slash is the entry too (it was a 404, found from outside); the query goes along.
    if (prefix && c.req.path === prefix.slice(0, -1)) {
      const search = new URL(c.req.url).search;
      return c.redirect(`${prefix}${search}`, 301);
    }
    if (prefix && !c.req.path.startsWith(prefix)) return next();
    const own = prefix ? c.req.path.slice(prefix.length - 1) : c.req.path;
    const path = own === '/' ? '/index.html' : own;
    const file = files.get(path);
    if (!file) return next();
    if (file !== page) return sendFile(c, file, file.hashed ? IMMUTABLE : 'no-cache');
    await pageHeaders(c, async () => {
      const data =
        embeds && c.req.method === 'GET' ? await firstScreenData(app, deps, options.platform, query(c)) : undefined;
      c.res = data ? sendPageWithData(c, html, data) : sendFile(c, page, 'no-cache');
    });
    return c.res;
  });
  return true;
}

/** The raw query as the browser's `location.search` has it (the client signs nothing; it forwards these bytes). */
function query(c: Context): string {
  const url = c.req.url;
  const start = url.indexOf('?');
  return start === -1 ? '' : url.slice(start + 1);
}

function sendFile(c: Context, file: BuildFile, cacheControl: string): Response {
  const available = (['br', 'gzip'] as const).filter((e) => file.bodies[e] !== undefined);
  const encoding = pickEncoding(c.req.header('accept-encoding'), [...available]);
  const body = encoding ? (file.bodies[encoding] as Buffer) : file.bodies.identity;
  const etag = etagOf(file, encoding);
  const headers: Record<string, string> = {
    'Cache-Control': cacheControl,
    ETag: etag,
    'Last-Modified': file.lastModified,
  };
  if (available.length > 0) headers.Vary = 'Accept-Encoding';
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
  headers['Content-Type'] = file.contentType;
  headers['Content-Length'] = String(body.byteLength);
  headers['X-Content-Type-Options'] = 'nosniff';
  if (encoding) headers['Content-Encoding'] = encoding;
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  return c.body(bytes(body), 200, headers);
}

/** This participant's page: built per request, compressed per request (a few KB), stored by no cache. */
function sendPageWithData(c: Context, html: string, data: Record<string, unknown>): Response {
  const block = `<script type="application/json" id="${FIRST_SCREEN_DATA_ID}">${scriptSafeJson(data)}</script>`;
  // Right after the title: above the first-screen script that reads it (which the build places after the entry's
  // tags, scripts/build/first-screen-plugin.ts), and <meta charset> stays early.
  const raw = Buffer.from(html.replace('</title>', () => `</title>\n    ${block}`));
  const encoding: StoredEncoding | undefined = pickEncoding(c.req.header('accept-encoding'), ['br', 'gzip']);
  const body =
    encoding === 'br'
      ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : encoding === 'gzip'
        ? gzipSync(raw, { level: 6 })
        : raw;
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    'Content-Length': String(body.byteLength),
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  return c.body(bytes(body), 200, headers);
}

/** A view of the Buffer's bytes, not a copy. */
function bytes(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) as Uint8Array<ArrayBuffer>;
}
