/**
 * A port already taken is said in one line by `scripts/start.ts` (exit 1), not as an unhandled 'error' event's stack
 * trace (found from outside: a second `npm start` beside a running one).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'port-in-use-'));
const holder = createServer();
afterAll(() => {
  holder.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('starting on a port in use', () => {
  it('exits 1 with one line naming the port', { timeout: 60_000 }, async () => {
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const address = holder.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_PATH: join(dir, 'app.db'),
      },
      timeout: 50_000,
    });
    const failed = (await run.then(
      () => undefined,
      (err: unknown) => err,
    )) as { code: number; stderr: string } | undefined;
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain(`server: could not start: port ${port} on 127.0.0.1 is in use`);
    expect(failed?.stderr).not.toContain("Unhandled 'error' event");
    expect(failed?.stderr).not.toMatch(/\n\s+at /);
  });
});
