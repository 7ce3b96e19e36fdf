/**
 * The watched page's own test (tests/browser/chromium.ts, page-errors.ts): a page whose fetch is refused with a 422
 * fails a test with the request named (method, path, status, the answer's error code), not only Chromium's «Failed to
 * load resource: the server responded with a status of 422 ()»; a request with no answer and a script error are lines too.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openWatchedPage } from './chromium.ts';

const PAGE = `<!doctype html><title>t</title><script>
  window.done = Promise.all([
    fetch('/api/things/7?lang=ru', { method: 'POST', body: '{}' }),
    fetch('/plain-missing'),
  ]).then(() => fetch('/hangs-up').catch(() => undefined));
</script>`;

let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
    } else if (req.url === '/hangs-up') {
      req.socket.destroy();
    } else if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    } else if (req.url?.startsWith('/api/things/')) {
      const error = { code: 'invalid_input', message: 'bad', issues: [{ path: 'title.ru', message: 'empty' }] };
      res.writeHead(422, { 'content-type': 'application/json' }).end(JSON.stringify({ error }));
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('no');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the watched page names the request behind a console error', () => {
  it('a 422 fails the test with its method, path, status and error code; a 404, no answer and a script error too', async () => {
    const { page, context, errors } = await openWatchedPage(browser, { width: 400, height: 300, colorScheme: 'light' });
    try {
      await page.goto(base);
      await page.evaluate(() => (window as unknown as { done: Promise<unknown> }).done);
      await page.evaluate(() => setTimeout(() => JSON.parse('{'), 0));
      await expect.poll(() => errors.join('\n'), { timeout: 10_000 }).toContain('invalid_input (title.ru)');
      await expect.poll(() => errors.length, { timeout: 10_000 }).toBe(4);
      expect(errors).toEqual([
        expect.stringMatching(
          /^console: Failed to load resource: the server responded with a status of 422 \(.*\) · POST \/api\/things\/7\?lang=ru → 422 invalid_input \(title\.ru\)$/,
        ),
        expect.stringMatching(/status of 404 \(.*\) · GET \/plain-missing → 404$/),
        expect.stringMatching(/^console: Failed to load resource: net::ERR_\w+ · GET \/hangs-up → net::ERR_\w+$/),
        expect.stringMatching(/^pageerror: .*JSON/),
      ]);
      // What a test that expects no error fails with (its diff prints the lines): the request, not only «a status of 422».
      const failure = (() => {
        try {
          expect(errors).toEqual([]);
        } catch (e) {
          return e as { actual?: unknown };
        }
      })();
      expect(String(failure?.actual)).toContain('POST /api/things/7?lang=ru → 422 invalid_input');
    } finally {
      await context.close();
    }
  });
});
