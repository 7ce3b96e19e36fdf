import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Checkpointer, startCheckpointer } from './checkpointer.ts';
import { openDatabase } from './client.ts';

describe('background WAL checkpointer', () => {
  let checkpointer: Checkpointer | undefined;
  afterEach(async () => {
    await checkpointer?.stop();
    checkpointer = undefined;
  });

  it('copies committed pages into the database file while the writing connection never checkpoints itself', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'ckpt-')), 'app.db');
    // A threshold the test never reaches: any growth of the main file comes from the checkpointer's thread.
    const db = openDatabase(path, { checkpointPages: 1_000_000 });
    db.$client.pragma('wal_checkpoint(TRUNCATE)');
    db.$client.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    const before = statSync(path).size;
    checkpointer = startCheckpointer(path, 5);
    const insert = db.$client.prepare('INSERT INTO blobs (body) VALUES (?)');
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(8000));
    const deadline = Date.now() + 5000;
    while (statSync(path).size < before + 200 * 8000 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    expect(statSync(path).size).toBeGreaterThanOrEqual(before + 200 * 8000);
    // Nothing is lost either way: every row is readable from a fresh connection.
    const reader = openDatabase(path);
    expect(reader.$client.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 200 });
    reader.$client.close();
    db.$client.close();
  });
});
