/**
 * The checks' local servers (the API and the stand-in host) keep an idle keep-alive connection open past Node's
 * 5 s default, so Playwright's `route.fetch`, which reuses sockets without retrying, never writes to one the server
 * is closing (`read ECONNRESET`, a CI failure in stop 28). Fails with Node's default: the server ends the socket.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdConnectionIdle } from '../../../tests/support/idle-connection.ts';
import { loadClientConfig } from '../client-config.ts';
import { startApiWorld } from './api-world.ts';
import { startClientHost } from './client-host.ts';

// Past Node's default: 5 s, and the server ends the socket about a second after that (seen: 6.02 s).
const IDLE_MS = 7_500;
const demoClient = () => loadClientConfig(join(resolve(import.meta.dirname, '..'), 'clients/demo.json'));

describe('the moderation checks’ local servers', () => {
  it('the stand-in host keeps an idle connection open and answers on it again', async () => {
    const host = await startClientHost();
    try {
      const r = await holdConnectionIdle(host.url, '/client/vk.html', IDLE_MS);
      expect(r).toMatchObject({ first: 'HTTP/1.1 200 OK', endedWhileIdle: false, second: 'HTTP/1.1 200 OK' });
    } finally {
      await host.close();
    }
  }, 20_000);

  it('the API keeps an idle connection open and answers on it again', async () => {
    const api = await startApiWorld(demoClient());
    try {
      const r = await holdConnectionIdle(api.url, '/api/health', IDLE_MS);
      expect(r).toMatchObject({ first: 'HTTP/1.1 200 OK', endedWhileIdle: false, second: 'HTTP/1.1 200 OK' });
    } finally {
      await api.close();
    }
  }, 20_000);
});
