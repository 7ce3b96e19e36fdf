import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase, schema } from './client.ts';
import { bound, statement } from './prepared.ts';
import { changedRows, inTransaction } from './transactions.ts';

const opened: Db[] = [];
function open(): { db: Db; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'prepared-')), 'app.db');
  const db = openDatabase(path);
  opened.push(db);
  return { db, path };
}
afterEach(() => {
  for (const db of opened.splice(0)) closeDatabase(db);
});

const { agencies } = schema;

/** A statement whose builder counts how often it is asked to build (a cache hit builds nothing). */
function counted() {
  const builds = { reads: 0, inserts: 0, renames: 0 };
  return {
    builds,
    agencyById: statement((db) => {
      builds.reads += 1;
      return db
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(eq(agencies.id, sql.placeholder('id')))
        .limit(1);
    }),
    addAgency: statement((db) => {
      builds.inserts += 1;
      return db
        .insert(agencies)
        .values({ id: sql.placeholder('id'), name: sql.placeholder('name') })
        .returning({ id: agencies.id });
    }),
    rename: statement((db) => {
      builds.renames += 1;
      return db
        .update(agencies)
        .set({ name: bound('name') })
        .where(eq(agencies.id, sql.placeholder('id')));
    }),
  };
}

describe('statement seam (server/db/prepared.ts)', () => {
  it('item 1: on SQLite a statement is built and prepared once per connection, then only bound', async () => {
    const { db } = open();
    const q = counted();
    await inTransaction(db, async (tx) => {
      for (let id = 1; id <= 3; id++) await q.addAgency.run(tx, { id, name: `a${id}` });
    });
    await inTransaction(db, async (tx) => q.addAgency.run(tx, { id: 4, name: 'a4' }));
    expect(await q.agencyById.get(db, { id: 2 })).toEqual({ id: 2, name: 'a2' });
    expect(await q.agencyById.get(db, { id: 4 })).toEqual({ id: 4, name: 'a4' });
    expect(await q.agencyById.get(db, { id: 99 })).toBeUndefined();
    // Three transactions' writes on the writing connection: one build; reads on the reading one: one build.
    expect(q.builds.inserts).toBe(1);
    expect(q.builds.reads).toBe(1);
    await inTransaction(db, async (tx) => q.agencyById.get(tx, { id: 1 }));
    expect(q.builds.reads).toBe(2); // the writing connection has its own
    expect(await q.agencyById.all(db, { id: 3 })).toEqual([{ id: 3, name: 'a3' }]);
    expect(q.builds.reads).toBe(2);
  });

  it('item 1: runs inside the transaction on the writing connection: uncommitted to readers, rolled back on a throw', async () => {
    const { db } = open();
    const q = counted();
    await inTransaction(db, async (tx) => q.addAgency.run(tx, { id: 1, name: 'first' }));
    await expect(
      inTransaction(db, async (tx) => {
        expect(changedRows(await q.rename.run(tx, { id: 1, name: 'renamed' }))).toBe(1);
        await q.addAgency.run(tx, { id: 2, name: 'second' });
        // The transaction sees its own writes; the reading connection does not.
        expect(await q.agencyById.get(tx, { id: 2 })).toEqual({ id: 2, name: 'second' });
        expect(await q.agencyById.get(db, { id: 2 })).toBeUndefined();
        expect(await q.agencyById.get(db, { id: 1 })).toEqual({ id: 1, name: 'first' });
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await q.agencyById.get(db, { id: 1 })).toEqual({ id: 1, name: 'first' });
    expect(await q.agencyById.get(db, { id: 2 })).toBeUndefined();
    // The cached statements still serve the next transaction.
    await inTransaction(db, async (tx) => q.addAgency.run(tx, { id: 2, name: 'again' }));
    expect(await q.agencyById.get(db, { id: 2 })).toEqual({ id: 2, name: 'again' });
  });

  it('item 1: a cached statement skips no check: the reading connection still refuses a write, constraints still hold', async () => {
    const { db } = open();
    const q = counted();
    await expect(q.addAgency.run(db, { id: 1, name: 'x' })).rejects.toThrow(/readonly/);
    await inTransaction(db, async (tx) => q.addAgency.run(tx, { id: 1, name: 'x' }));
    await expect(inTransaction(db, async (tx) => q.addAgency.run(tx, { id: 1, name: 'dup' }))).rejects.toThrow(
      /UNIQUE|constraint/i,
    );
    await expect(q.agencyById.get(db, {})).rejects.toThrow(/placeholder/i);
    expect(await q.agencyById.get(db, { id: 1 })).toEqual({ id: 1, name: 'x' });
  });

  it('item 1: any other handle (not a registered SQLite connection) gets the query built for each call', async () => {
    const { db, path } = open();
    const q = counted();
    await inTransaction(db, async (tx) => q.addAgency.run(tx, { id: 1, name: 'x' }));
    const other = new Database(path);
    try {
      const handle = drizzle(other, { schema }) as unknown as Db;
      expect(await q.agencyById.get(handle, { id: 1 })).toEqual({ id: 1, name: 'x' });
      await q.addAgency.run(handle, { id: 2, name: 'y' });
      expect(await q.agencyById.get(handle, { id: 2 })).toEqual({ id: 2, name: 'y' });
      expect(q.builds.reads).toBe(2);
      expect(q.builds.inserts).toBe(2);
    } finally {
      other.close();
    }
  });
});
