/**
 * Issue 11, item 18: `npm run dev` on ports other than 8080/5173 proxies the API to the port it really listens on
 * and prints where each thing is.
 */
import { describe, expect, it } from 'vitest';
import { freePort, type StartedServer, startServerLikeReadme } from '../support/start-server.ts';

describe('npm run dev', () => {
  it('item 18: with another PORT the Vite proxy reaches the API (no Bad Gateway) and the printed ports are right', {
    timeout: 120_000,
  }, async () => {
    const vitePort = await freePort();
    let server: StartedServer | undefined;
    try {
      server = await startServerLikeReadme({ script: 'dev', env: { VITE_PORT: String(vitePort) }, timeoutMs: 90_000 });
      const apiPort = new URL(server.baseUrl).port;
      expect(apiPort).not.toBe('8080');
      expect(server.output()).toContain(`Server listening on http://localhost:${apiPort}`);
      expect(new URL(server.participantUrl).port).toBe(String(vitePort));
      let health: Response | undefined;
      for (let i = 0; i < 100 && !health; i++) {
        health = await fetch(`http://127.0.0.1:${vitePort}/api/health`).catch(() => undefined);
        if (!health) await new Promise((r) => setTimeout(r, 300));
      }
      expect(health?.status).toBe(200);
      expect(await health?.json()).toEqual({ status: 'ok', db: 'ok' });
    } finally {
      await server?.stop();
    }
  });
});
