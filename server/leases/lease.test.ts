import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../tests/support/test-deps.ts';
import { type Db, schema } from '../db/client.ts';
import { Lease } from './lease.ts';

// Test worlds: a SQLite file, or a PostgreSQL database under TEST_DIALECT=postgres.
const opened: TestWorld[] = [];
function open(): Db {
  const testWorld = createTestWorld();
  opened.push(testWorld);
  return testWorld.deps.db;
}
afterEach(() => {
  for (const testWorld of opened.splice(0)) testWorld.close();
});

/** One true time; each lease reads it through its own clock, offset as a machine with a skewed clock would. */
function world() {
  let t = 0;
  const db = open();
  const lease = (offset: number, leaseMs = 3000) =>
    new Lease({ db, name: 'sender:test', leaseMs, marginMs: 500, clock: () => t + offset });
  return { db, lease, advance: (ms: number) => (t += ms) };
}

const row = async (db: Db) => (await db.select().from(schema.leases).where(eq(schema.leases.name, 'sender:test')))[0];

describe('leases', () => {
  it('item 1: the first taker holds it (fence 1); another waits while the holder renews', async () => {
    const w = world();
    const a = w.lease(0);
    const b = w.lease(0);
    expect(await a.step()).toEqual({ fence: 1, previousFence: 0 });
    expect(await b.step()).toBeUndefined();
    // Renewed every second for ten leases: b never takes over, a never lapses.
    for (let i = 0; i < 30; i += 1) {
      w.advance(1000);
      expect(await a.step()).toEqual({ fence: 1, previousFence: 0 });
      expect(await b.step()).toBeUndefined();
    }
    expect((await row(w.db))?.holder).toBe(a.holder);
  });

  it('item 1: a holder that stops renewing is taken over one lease after its beat was last seen, with a larger fence', async () => {
    const w = world();
    const a = w.lease(0);
    const b = w.lease(0);
    await a.step();
    await b.step(); // b sees a's beat now
    w.advance(2499);
    expect(a.current()).toBeDefined(); // lease 3000 − margin 500
    w.advance(1);
    expect(a.current()).toBeUndefined(); // a stops acting on its own clock…
    w.advance(499);
    expect(await b.step()).toBeUndefined(); // …before b may take over (2999 ms after b saw the beat)
    w.advance(1);
    expect(await b.step()).toEqual({ fence: 2, previousFence: 1 });
    // The old holder comes back: it does not hold it, and its renewal cannot overwrite the new tenure.
    expect(await a.step()).toBeUndefined();
    expect(await row(w.db)).toMatchObject({ holder: b.holder, fence: 2 });
  });

  it('item 1: skewed clocks do not matter: the holder has stopped before the observer may take over', async () => {
    // a's clock is hours ahead of b's, then the other way round: only durations on each clock count.
    const offsets: Array<[number, number]> = [
      [0, 5 * 3600_000],
      [5 * 3600_000, 0],
    ];
    for (const [offA, offB] of offsets) {
      const w = world();
      const a = w.lease(offA);
      const b = w.lease(offB);
      await a.step();
      let bTook = false;
      for (let i = 0; i < 80; i += 1) {
        w.advance(100);
        if (await b.step()) bTook = true;
        // Never both: once b may act, a's own clock has already ended its tenure.
        expect(Boolean(a.current()) && Boolean(b.current())).toBe(false);
      }
      expect(bTook).toBe(true);
    }
  });

  it('item 1: a released lease is taken at once; the holder of the previous tenure can tell nobody came between', async () => {
    const w = world();
    const a = w.lease(0);
    const b = w.lease(0);
    await a.step();
    await b.step();
    await a.release();
    expect(a.current()).toBeUndefined();
    expect(await b.step()).toEqual({ fence: 2, previousFence: 1 });
    await b.release();
    // a takes it back: previousFence 2 is not a's fence 1, so a knows another holder was in between.
    expect(await a.step()).toEqual({ fence: 3, previousFence: 2 });
  });

  it('item 1: start() keeps renewing and reports changes; stop() releases so the other takes over at once', async () => {
    const db = open();
    const changes: Array<number | undefined> = [];
    const a = new Lease({ db, name: 'long_poll:1', leaseMs: 300, onChange: (t) => changes.push(t?.fence) });
    const b = new Lease({ db, name: 'long_poll:1', leaseMs: 300 });
    a.start();
    await new Promise((r) => setTimeout(r, 700)); // more than two leases: a renewed it meanwhile
    expect(a.current()?.fence).toBe(1);
    expect(await b.step()).toBeUndefined();
    await a.stop();
    expect(changes).toEqual([1, undefined]);
    expect(await b.step()).toEqual({ fence: 2, previousFence: 1 });
  });
});
