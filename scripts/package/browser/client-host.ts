/**
 * @module The local stand-in for the hosting and the platform clients: serves each build under `/app/<slot>/`,
 * the VK web client's parent page (`/client/vk.html`) and a recording FAPI for OK (`/ok-api/js/fapi5.js`).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { holdIdleConnections } from './hold-idle-connections.ts';
import { FAKE_FAPI_JS, VK_PARENT_HTML } from './stand-in-pages.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface ClientHost {
  url: string;
  /** Serves `dir` under `/app/<slot>/`. */
  mount(slot: string, dir: string): string;
  close(): Promise<void>;
}

export async function startClientHost(): Promise<ClientHost> {
  const mounts = new Map<string, string>();
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(body);
    };
    if (path === '/client/vk.html') return send(200, TYPES['.html'] ?? '', VK_PARENT_HTML);
    if (path === '/ok-api/js/fapi5.js') return send(200, TYPES['.js'] ?? '', FAKE_FAPI_JS);
    const m = path.match(/^\/app\/([^/]+)\/(.*)$/);
    const root = m ? mounts.get(m[1] ?? '') : undefined;
    if (!m || !root) return send(404, 'text/plain', 'not found');
    const file = normalize(join(root, m[2] || 'index.html'));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile())
      return send(404, 'text/plain', 'not found');
    send(200, TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
  });
  holdIdleConnections(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    mount(slot, dir) {
      mounts.set(slot, normalize(dir));
      return `${url}/app/${slot}/`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
