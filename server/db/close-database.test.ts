/**
 * A script that ends with `await closeDatabase(db)` on a SQLite database opened as the processes open it (with the
 * background checkpointer) runs to its end and exits 0: `npm run db:migrate` and the bench's outbox seeding did not.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('item 2: npm run db:migrate on SQLite finishes and exits 0 (the checkpointer is awaited, not abandoned)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'close-db-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_PATH: join(dir, 'app.db'), NODE_ENV: 'test' };
    delete env.DATABASE_URL;
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts'], {
      env,
    });
    expect(stdout).toContain('Migrations applied to');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
