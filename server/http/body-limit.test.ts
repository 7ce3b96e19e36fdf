/**
 * `limitBody` over the real adapter (@hono/node-server on a loopback port, requests from node:http): bodies over the
 * limit get a 413 whether framed by Content-Length or chunked, bodies within it reach the handler whole, and a body
 * with a Content-Length is read straight from the socket (the adapter never built its WHATWG Request, which is what
 * Hono's own `bodyLimit` made it do).
 */
import { request as httpRequest } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limitBody } from './body-limit.ts';

const LIMIT = 1000;

/**
 * Whether the handler sees a full WHATWG Request: @hono/node-server built one behind its own light request (its
 * `requestCache` slot), or a middleware replaced the light one (which carries Node's request in `incomingKey`).
 */
const builtFullRequest = (raw: Request) => {
  const slot = (name: string) => Object.getOwnPropertySymbols(raw).find((s) => s.description === name);
  const cache = slot('requestCache');
  return (
    slot('incomingKey') === undefined ||
    (cache !== undefined && (raw as unknown as Record<symbol, unknown>)[cache] !== undefined)
  );
};

function appWith(limit: ReturnType<typeof limitBody>) {
  const app = new Hono();
  // For every method, as the app mounts its limits: a GET meets it too.
  app.use('/echo', limit);
  app.post('/echo', async (c) => {
    const body = await c.req.json<{ text: string }>();
    return c.json({ length: body.text.length, fullRequest: builtFullRequest(c.req.raw) });
  });
  return app;
}

function listen(app: Hono): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
  });
}

function post(port: number, text: string, chunked: boolean): Promise<{ status: number; body: string }> {
  const payload = JSON.stringify({ text });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/echo',
        method: 'POST',
        headers: chunked
          ? { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }
          : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    if (chunked) {
      // Two chunks, so the size is known only once the second has arrived.
      req.write(payload.slice(0, 10));
      req.end(payload.slice(10));
    } else req.end(payload);
  });
}

let ours: { server: ServerType; port: number };
let honos: { server: ServerType; port: number };
beforeAll(async () => {
  const tooLarge = (c: Parameters<Parameters<typeof limitBody>[1]>[0]) => c.text('too large', 413);
  ours = await listen(appWith(limitBody(LIMIT, tooLarge)));
  honos = await listen(appWith(bodyLimit({ maxSize: LIMIT, onError: tooLarge })));
});
afterAll(() => {
  ours?.server.close();
  honos?.server.close();
});

describe('issue 16: request body limits keep the adapter fast path', () => {
  it('a body over the limit is refused with 413, by its Content-Length or once its chunks pass the limit', async () => {
    const big = 'x'.repeat(LIMIT);
    expect((await post(ours.port, big, false)).status).toBe(413);
    expect(await post(ours.port, big, true)).toEqual({ status: 413, body: 'too large' });
  });

  it('a body within the limit reaches the handler whole, framed either way', async () => {
    for (const chunked of [false, true]) {
      const res = await post(ours.port, 'y'.repeat(900), chunked);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body).length).toBe(900);
    }
  });

  it('a GET is judged by its Content-Length too; one with neither framing header passes', async () => {
    const get = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port: ours.port, path: '/echo', method: 'GET', headers },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end(headers['content-length'] ? 'x'.repeat(Number(headers['content-length'])) : undefined);
      });
    expect(await get({ 'content-length': String(LIMIT + 1) })).toBe(413);
    // No GET route: the limit let it through to the router's 404.
    expect(await get({})).toBe(404);
  });

  it('an HTTP/1 POST framed by neither header has no body: it passes without the adapter building a Request', async () => {
    const app = new Hono();
    app.use(
      '/claim',
      limitBody(LIMIT, (c) => c.text('too large', 413)),
    );
    app.post('/claim', (c) => c.json({ fullRequest: builtFullRequest(c.req.raw) }));
    const bare = await listen(app);
    try {
      // Written by hand: node:http's client adds `Content-Length: 0` to a POST ended without data; curl and load
      // generators send neither header.
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(bare.port, '127.0.0.1', () =>
          socket.write('POST /claim HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n'),
        );
        let raw = '';
        socket.on('data', (d) => {
          raw += d;
        });
        socket.on('end', () => resolve(raw));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(answer.endsWith(JSON.stringify({ fullRequest: false }))).toBe(true);
    } finally {
      bare.server.close();
    }
    // In-process (no socket, no HTTP version), the same request still goes through the streaming check.
    const inProcess = await app.request('/claim', { method: 'POST', body: 'x'.repeat(LIMIT + 1) });
    expect(inProcess.status).toBe(413);
  });

  it("a body with a Content-Length is read straight from the socket; Hono's bodyLimit made the adapter build a Request", async () => {
    expect(JSON.parse((await post(ours.port, 'z', false)).body).fullRequest).toBe(false);
    expect(JSON.parse((await post(honos.port, 'z', false)).body).fullRequest).toBe(true);
  });
});
