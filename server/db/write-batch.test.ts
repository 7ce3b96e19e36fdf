/** Group commit on a real SQLite file: one commit for a batch, each unit atomic, a failing unit lost alone. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { commitTogether, writesOf } from './write-batch.ts';

function scratch() {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'write-batch-')), 'app.db'));
  db.$client.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.$client.prepare('INSERT INTO notes (text) VALUES (?)');
  const texts = () =>
    (db.$client.prepare('SELECT text FROM notes ORDER BY id').all() as { text: string }[]).map((r) => r.text);
  return { db, insert, texts };
}

describe('commitTogether', () => {
  it('commits every unit of a batch in one transaction', () => {
    const { db, insert, texts } = scratch();
    const outcomes = commitTogether(db, [() => insert.run('a').changes, () => insert.run('b').changes]);
    expect(outcomes).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 1 },
    ]);
    expect(texts()).toEqual(['a', 'b']);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('rolls back only the unit that threw, after its own partial writes, and keeps the rest', () => {
    const { db, insert, texts } = scratch();
    let runs = 0;
    const outcomes = commitTogether(db, [
      () => {
        runs++;
        return insert.run('kept-1').changes;
      },
      () => {
        insert.run('half-written');
        throw new Error('unit failed');
      },
      () => insert.run('kept-2').changes,
    ]);
    expect(outcomes[0]).toEqual({ ok: true, value: 1 });
    expect(outcomes[1]).toMatchObject({ ok: false, error: new Error('unit failed') });
    expect(outcomes[2]).toEqual({ ok: true, value: 1 });
    expect(texts()).toEqual(['kept-1', 'kept-2']);
    // The first attempt (no savepoints) was rolled back whole and the batch run again unit by unit.
    expect(runs).toBe(2);
  });
});

describe('WriteBatcher', () => {
  it('answers each caller after the shared commit, with its own result or error', async () => {
    const { db, insert, texts } = scratch();
    const batcher = writesOf(db);
    const results = await Promise.allSettled([
      batcher.run(() => insert.run('x').lastInsertRowid),
      batcher.run(() => {
        insert.run('never');
        throw new Error('refused');
      }),
      batcher.run(() => insert.run('y').lastInsertRowid),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(texts()).toEqual(['x', 'y']);
  });
});
