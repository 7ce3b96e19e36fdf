/**
 * The server `npm start` runs (scripts/start.ts in a child process) keeps an idle keep-alive connection open for
 * HTTP_KEEP_ALIVE_MS (65 s by default), above the 60 s idle timeout load balancers commonly keep on their connections
 * to the backends: the balancer closes first, so it never sends a request on a connection this process is closing
 * (Node's default, 5 s, races it: a 502 for a user). A short setting is honoured, which shows the value reaches Node.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holdConnectionIdle } from '../support/idle-connection.ts';
import { startServerScript } from '../support/start-server.ts';

const root = mkdtempSync(join(tmpdir(), 'keep-alive-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

async function startServer(name: string, env: Record<string, string>): Promise<string> {
  const server = await startServerScript({ DATABASE_PATH: join(root, name, 'app.db'), ...env });
  children.push(server.child);
  return server.url;
}

describe('keep-alive of the API server', () => {
  it('by default an idle connection outlives Node’s 5 s and answers again; HTTP_KEEP_ALIVE_MS=1000 closes it', {
    timeout: 90_000,
  }, async () => {
    const [standard, short] = await Promise.all([
      startServer('standard', {}),
      startServer('short', { HTTP_KEEP_ALIVE_MS: '1000' }),
    ]);
    const [kept, closed] = await Promise.all([
      // Past Node's default: the server would end the socket about a second after its 5 s.
      holdConnectionIdle(standard, '/api/health', 7_500),
      holdConnectionIdle(short, '/api/health', 3_000),
    ]);
    expect(kept).toEqual({
      first: 'HTTP/1.1 200 OK',
      keepAlive: 'timeout=65',
      endedWhileIdle: false,
      second: 'HTTP/1.1 200 OK',
    });
    expect(closed).toMatchObject({ first: 'HTTP/1.1 200 OK', keepAlive: 'timeout=1', endedWhileIdle: true });
  });
});
