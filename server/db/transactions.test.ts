import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase, schema } from './client.ts';
import { changedRows, inTransaction } from './transactions.ts';

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
});
