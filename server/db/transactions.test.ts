import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase, schema } from './client.ts';
import { changedRows, inTransaction, writerOf } from './transactions.ts';

const opened: Db[] = [];
function open(): Db {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'tx-')), 'app.db'));
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db);
});

const agency = (id: number) => ({ id, name: `agency ${id}` });

describe('inTransaction (SQLite)', () => {
  it('refuses a write outside a transaction: every write is atomic and queued', async () => {
    const db = open();
    await expect(Promise.resolve().then(() => db.insert(schema.agencies).values(agency(1)).run())).rejects.toThrow(
      /readonly/,
    );
  });

  it('commits on success and rolls back everything when work throws', async () => {
    const db = open();
    await inTransaction(db, async (tx) => {
      await tx.insert(schema.agencies).values(agency(1));
    });
    await expect(
      inTransaction(db, async (tx) => {
        await tx.insert(schema.agencies).values(agency(2));
        throw new Error('nope');
      }),
    ).rejects.toThrow('nope');
    expect((await db.select().from(schema.agencies)).map((a) => a.id)).toEqual([1]);
  });

  it('interleaved transactions never see or join each other, and readers see only committed rows', async () => {
    const db = open();
    let readDuring: number[] = [];
    const first = inTransaction(db, async (tx) => {
      await tx.insert(schema.agencies).values(agency(1));
      await new Promise((r) => setTimeout(r, 20));
      readDuring = (await db.select().from(schema.agencies)).map((a) => a.id);
      throw new Error('roll back');
    });
    const second = inTransaction(db, async (tx) => {
      await tx.insert(schema.agencies).values(agency(2));
    });
    await expect(first).rejects.toThrow('roll back');
    await second;
    expect(readDuring).toEqual([]);
    expect((await db.select().from(schema.agencies)).map((a) => a.id)).toEqual([2]);
  });

  it('a nested transaction on tx is a savepoint; on the database it is refused instead of waiting for itself', async () => {
    const db = open();
    await inTransaction(db, async (tx) => {
      await tx.insert(schema.agencies).values(agency(1));
      await expect(
        inTransaction(tx, async (inner) => {
          await inner.insert(schema.agencies).values(agency(2));
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
      await expect(inTransaction(db, async () => 1)).rejects.toThrow(/nest it on its `tx`/);
    });
    expect((await db.select().from(schema.agencies)).map((a) => a.id)).toEqual([1]);
  });

  it('counts changed rows', async () => {
    const db = open();
    const changed = await inTransaction(db, async (tx) => {
      await tx.insert(schema.agencies).values([agency(1), agency(2)]);
      return changedRows(await tx.update(schema.agencies).set({ name: 'x' }).where(eq(schema.agencies.id, 2)));
    });
    expect(changed).toBe(1);
  });

  it('item 2: transactions queued together share one COMMIT (group commit): far fewer WAL pages, each still its own', async () => {
    const db = open();
    const writer = (writerOf(db) as Db).$client;
    writer.pragma('wal_checkpoint(TRUNCATE)');
    // 64 claim-sized transactions at once, one of them failing halfway: on SQLite each COMMIT writes the pages it
    // touched to the WAL (here the agencies table's leaf page at least), so one COMMIT each is ≥ 64 frames.
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, (_, i) =>
        inTransaction(db, async (tx) => {
          await tx.insert(schema.agencies).values(agency(i + 1));
          if (i === 10) throw new Error('this one fails');
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))[10]).toBe('failed');
    const ids = (await db.select().from(schema.agencies)).map((a) => a.id);
    expect(ids).toHaveLength(63);
    expect(ids).not.toContain(11);
    const [frames] = writer.pragma('wal_checkpoint(PASSIVE)') as Array<{ log: number }>;
    expect(frames?.log).toBeLessThan(16);
  });

  it('the re-entry check holds after the context was switched off between transactions, and never hits a bystander', async () => {
    const db = open();
    // Each transaction below starts after the one before it ended, when no transaction was running (runInside).
    for (let round = 0; round < 3; round++) {
      await inTransaction(db, async (tx) => {
        await tx.insert(schema.agencies).values(agency(round + 1));
        await new Promise((r) => setTimeout(r, 1));
        await expect(inTransaction(db, async () => 1)).rejects.toThrow(/nest it on its `tx`/);
        await inTransaction(tx, async (inner) => inner.update(schema.agencies).set({ name: 'nested' }));
      });
    }
    // A request outside any transaction, started while one is running, is queued behind it, not refused.
    let release = () => {};
    const held = inTransaction(db, async (tx) => {
      await tx.insert(schema.agencies).values(agency(10));
      await new Promise<void>((r) => {
        release = r;
      });
    });
    await new Promise((r) => setTimeout(r, 5));
    const bystander = inTransaction(db, async (tx) => tx.insert(schema.agencies).values(agency(11)));
    release();
    await Promise.all([held, bystander]);
    expect((await db.select().from(schema.agencies)).map((a) => a.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 10, 11]);
  });
});
