/**
 * Issue 12: the built mini app served as a good CDN serves it. One real `vite build --mode vk` (with the build's
 * precompression) into a temp folder, mounted with `serveMiniApp` on the API app, then every hashed asset asked
 * for in brotli, gzip and identity; the page with and without a verified launch in its URL.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { seedDemo } from '../../server/seed/demo-seed.ts';
import { IMMUTABLE, serveMiniApp } from '../../server/static/mini-app.ts';
import { createTestWorld, type TestWorld } from '../support/test-deps.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
let outDir: string;
let world: TestWorld;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'served-build-'));
  await build({ configFile: join(repoRoot, 'vite.config.ts'), mode: 'vk', logLevel: 'warn', build: { outDir } });
  world = createTestWorld();
  await seedDemo(world.deps.db, world.config, world.clock.now);
  app = createApp(world.deps);
  expect(serveMiniApp(app, world.deps, { root: outDir, platform: 'vk' })).toBe(true);
}, 120_000);
afterAll(async () => {
  world?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
const hashedAssets = () => readdirSync(join(outDir, 'assets')).filter((f) => /-[\w-]{8}\.(?:js|css)$/.test(f));

describe('item 12: static files', () => {
  it('item 12: every hashed asset in brotli, gzip and identity, byte-identical, cached for a year, Vary set', async () => {
    const assets = hashedAssets();
    expect(assets.length).toBeGreaterThan(10);
    for (const name of assets) {
      const original = readFileSync(join(outDir, 'assets', name));
      const path = `/assets/${name}`;
      const br = await get(path, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      const gz = await get(path, { 'Accept-Encoding': 'gzip, deflate' });
      const plain = await get(path);
      for (const res of [br, gz, plain]) {
        expect(res.status, path).toBe(200);
        expect(res.headers.get('cache-control'), path).toBe(IMMUTABLE);
        expect(res.headers.get('content-type'), path).toMatch(name.endsWith('.js') ? /javascript/ : /text\/css/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
      const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());
      if (original.byteLength > 1024) {
        expect(br.headers.get('content-encoding'), path).toBe('br');
        expect(gz.headers.get('content-encoding'), path).toBe('gzip');
        expect(br.headers.get('vary')).toBe('Accept-Encoding');
        expect(gz.headers.get('vary')).toBe('Accept-Encoding');
        expect(brotliDecompressSync(await bytes(br)).equals(original), path).toBe(true);
        expect(gunzipSync(await bytes(gz)).equals(original), path).toBe(true);
        expect(new Set([br, gz, plain].map((r) => r.headers.get('etag'))).size).toBe(3);
      }
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect((await bytes(plain)).equals(original), path).toBe(true);
    }
  });

  it('item 12: a refused encoding (q=0) is not sent; a matching ETag gets 304', async () => {
    const [name] = hashedAssets().filter((f) => f.startsWith('index-') && f.endsWith('.js'));
    const path = `/assets/${name}`;
    const noBr = await get(path, { 'Accept-Encoding': 'br;q=0, gzip;q=0.8' });
    expect(noBr.headers.get('content-encoding')).toBe('gzip');
    const etag = noBr.headers.get('etag') as string;
    const again = await get(path, { 'Accept-Encoding': 'br;q=0, gzip;q=0.8', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe(IMMUTABLE);
  });

  it('item 12: index.html without a launch: no-cache, ETag and Last-Modified, compressed, 304 on revalidation', async () => {
    const html = readFileSync(join(outDir, 'index.html'));
    for (const path of ['/', '/index.html']) {
      const res = await get(path, { 'Accept-Encoding': 'gzip, br' });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-encoding')).toBe('br');
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('last-modified')).toBeTruthy();
      expect(brotliDecompressSync(Buffer.from(await res.arrayBuffer())).equals(html)).toBe(true);
      const etag = res.headers.get('etag') as string;
      expect((await get(path, { 'Accept-Encoding': 'gzip, br', 'If-None-Match': etag })).status).toBe(304);
    }
  });

  it('item 2: the first screen asks for its code in one script and its style in one stylesheet', async () => {
    // On HTTP/1.1 a browser opens six connections to a host: the entry and eight small shared chunks queued
    // behind each other on a slow network. The bundler's runtime (a few hundred bytes) may stay beside it.
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1] as string);
    const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    expect(preloads.length).toBeLessThanOrEqual(1);
    for (const preload of preloads) expect(readFileSync(join(outDir, preload)).byteLength).toBeLessThan(2048);
  });

  it('item 12: the entry is asked for before the inline first-screen script runs, which runs before the stylesheet', () => {
    // The parser reaches the entry's tags before it runs the inline script (its requests and launch parsing held the
    // entry's download or cache read back); a classic script after a stylesheet would wait for the stylesheet.
    const html = readFileSync(join(outDir, 'index.html'), 'utf8');
    const inline = html.indexOf('<script>(function startFirstScreenRequests');
    expect(inline).toBeGreaterThan(html.indexOf('</title>'));
    expect(html.indexOf('<script type="module"')).toBeLessThan(inline);
    for (const m of html.matchAll(/<link rel="modulepreload"/g)) expect(m.index).toBeLessThan(inline);
    expect(html.indexOf('<link rel="stylesheet"')).toBeGreaterThan(inline);
  });

  it('item 12: unknown paths and paths outside the build are not served', async () => {
    expect((await get('/assets/nope-12345678.js')).status).toBe(404);
    expect((await get('/../package.json')).status).toBe(404);
    expect((await get('/assets/..%2f..%2fpackage.json')).status).toBe(404);
  });

  it('a build under a prefix (the web entry) answers its bare name by a redirect to the prefix, query kept', async () => {
    const web = createApp(world.deps);
    expect(serveMiniApp(web, world.deps, { root: outDir, platform: 'vk', prefix: '/web/' })).toBe(true);
    const bare = await web.request('/web?lang=en');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/web/?lang=en');
    expect((await web.request('/web/')).status).toBe(200);
    expect((await web.request('/webx')).status).toBe(404);
  });
});

/** The page for a launch query, decompressed, with its embedded data (undefined when it has none). */
async function page(query: string) {
  const res = await get(`/?${query}`, { 'Accept-Encoding': 'gzip, br' });
  const encoding = res.headers.get('content-encoding');
  const raw = Buffer.from(await res.arrayBuffer());
  const html = (encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw).toString();
  const block = html.match(/<script type="application\/json" id="promo-first-screen">([\s\S]*?)<\/script>/)?.[1];
  return { res, html, data: block === undefined ? undefined : (JSON.parse(block) as Record<string, unknown>) };
}
const launchQuery = (auth: string) => auth.replace(/^VK /, '');

describe('item 12: first-screen data in the page', () => {
  it('item 12: a verified launch gets its own campaign list and office answer embedded, never stored', async () => {
    const auth = world.vkAuth(4242);
    const { res, data, html } = await page(launchQuery(auth));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('etag')).toBeNull();
    const campaigns = await (await get('/api/campaigns', { Authorization: auth })).json();
    const office = await (await get('/api/admin/office', { Authorization: auth })).json();
    expect(data).toEqual({ '/api/campaigns': campaigns, '/api/admin/office': office });
    expect((campaigns as { campaigns: unknown[] }).campaigns.length).toBeGreaterThan(0);
    // The data block precedes the inline script that reads it; <meta charset> stays first.
    expect(html.indexOf('promo-first-screen')).toBeLessThan(html.indexOf('__promoFirstScreen'));
    expect(html.indexOf('<meta charset')).toBeLessThan(100);
    // Another launch gets its own answers: launched from a community with no campaigns, an empty list.
    const elsewhere = world.vkAuth(4343, { vk_group_id: 999 });
    const other = await page(launchQuery(elsewhere));
    const otherCampaigns = await (await get('/api/campaigns', { Authorization: elsewhere })).json();
    expect(otherCampaigns).toEqual({ campaigns: [] });
    expect(other.data?.['/api/campaigns']).toEqual(otherCampaigns);
  });

  it('item 12: a forged, expired or foreign launch in the URL gets the plain page with no data', async () => {
    const plain = readFileSync(join(outDir, 'index.html'), 'utf8');
    const forged = launchQuery(world.vkAuth(4242)).replace('vk_user_id=4242', 'vk_user_id=1');
    const expiredQuery = launchQuery(world.vkAuth(4242));
    world.clock.advance((world.config.LAUNCH_PARAMS_TTL + 60) * 1000);
    try {
      for (const query of [forged, expiredQuery, 'vk_user_id=1&vk_app_id=1&sign=x', 'hello=<script>']) {
        const { res, html, data } = await page(query);
        expect(res.status, query).toBe(200);
        expect(data, query).toBeUndefined();
        expect(html, query).toBe(plain);
        expect(res.headers.get('cache-control'), query).toBe('no-cache');
      }
    } finally {
      world.clock.advance(-(world.config.LAUNCH_PARAMS_TTL + 60) * 1000);
    }
  });

  it('item 12: embedded text cannot close the script element', async () => {
    const { scriptSafeJson } = await import('../../server/static/first-screen-data.ts');
    const json = scriptSafeJson({ title: '</script><script>alert(1)</script>&\u2028' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ title: '</script><script>alert(1)</script>&\u2028' });
  });
});

describe('item 11.10: security headers of the page', () => {
  it('item 11.10: CSP with the VK, OK and Telegram web clients as frame ancestors and the inline script by hash', async () => {
    for (const res of [await get('/'), (await page(launchQuery(world.vkAuth(4242)))).res]) {
      const csp = res.headers.get('content-security-policy') ?? '';
      const ancestors = csp.match(/frame-ancestors ([^;]+)/)?.[1]?.split(' ') ?? [];
      expect(ancestors).toEqual(
        expect.arrayContaining(["'self'", 'https://vk.com', 'https://*.vk.com', 'https://vk.ru', 'https://ok.ru']),
      );
      expect(ancestors).toContain('https://web.telegram.org');
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBeNull();
    }
  });
});
