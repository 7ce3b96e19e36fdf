/**
 * Issue 11, item 10: after an `npm start`-like start (scripts/start.ts in a child process, its checkpoint thread
 * running, umask 022), the data folder and every database file are owner-only.
 */
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../server/db/client.ts';
import { startServerScript } from '../support/start-server.ts';

const root = mkdtempSync(join(tmpdir(), 'data-files-'));
const dataDir = join(root, 'data');
let child: ChildProcess | undefined;

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

describe('data files', () => {
  it('item 10: the data folder is 0700; app.db, its -wal and -shm, and local-secrets.json are 0600', {
    timeout: 60_000,
  }, async () => {
    const server = await startServerScript({ DATABASE_PATH: join(dataDir, 'app.db') }, { umask: '022' });
    child = server.child;
    const port = server.port;
    // A write through the HTTP thread's connection, so the WAL holds something of this run.
    const res = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(res.status).toBe(200);
    expect({
      dir: mode(dataDir),
      db: mode(join(dataDir, 'app.db')),
      wal: mode(join(dataDir, 'app.db-wal')),
      shm: mode(join(dataDir, 'app.db-shm')),
      secrets: mode(join(dataDir, 'local-secrets.json')),
    }).toEqual({ dir: '700', db: '600', wal: '600', shm: '600', secrets: '600' });
  });

  it('item 10: a database left 0644 by an older version is made 0600 when opened', () => {
    const old = join(root, 'old.db');
    writeFileSync(old, '');
    chmodSync(old, 0o644);
    closeDatabase(openDatabase(old));
    expect(mode(old)).toBe('600');
  });
});
