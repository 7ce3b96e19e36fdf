import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, schema } from './client.ts';
import { inTransaction } from './transactions.ts';

describe('background WAL checkpoints (openDatabase checkpointInBackground)', () => {
  it('copies committed pages into the database file while the writing connection leaves it to the thread', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ckpt-')), 'app.db');
    const db = openDatabase(path, { checkpointInBackground: true });
    const before = statSync(path).size;
    // ≈ 400 pages: far below the writing connection's backstop threshold, so only the thread can move them.
    for (let i = 0; i < 20; i++) {
      await inTransaction(db, async (tx) => {
        await tx
          .insert(schema.agencies)
          .values(Array.from({ length: 10 }, (_, j) => ({ name: `${i}-${j}-${'x'.repeat(8000)}` })));
      });
    }
    const deadline = Date.now() + 5000;
    while (statSync(path).size < before + 200 * 8000 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(statSync(path).size).toBeGreaterThanOrEqual(before + 200 * 8000);
    expect(await db.$count(schema.agencies)).toBe(200);
    await closeDatabase(db);
    rmSync(dirname(path), { recursive: true, force: true });
  });
});
