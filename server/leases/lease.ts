/**
 * @module Leases: one process at a time does a named job (send with a VK token, consume a community's Long Poll),
 * across every process that shares the database; when the holder dies another takes over, when it stops it hands
 * over at once.
 *
 * Clocks. No time is compared across processes or machines, and the database's clock is not used either: the row
 * keeps a `beat` that changes at every take, renewal and release. The holder counts its tenure from the moment it
 * *began* the transaction that took or renewed the lease, on its own monotonic clock; an observer counts from the
 * moment it *read* a beat, on its own monotonic clock, and takes the lease only when that same beat is still there
 * `lease_ms` later. The read came after the holder's write, which came after the holder's start, so the holder's
 * tenure always ends before the observer may take over, whatever the machines' wall clocks say (only a clock running
 * at another *rate* could matter; `marginMs` covers that and the time between the holder's check and its call).
 * The price: a process that starts while a dead holder's row is there waits one whole lease before taking over.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';

const { leases } = schema;

/** A tenure: the lease held under one fencing token. */
export interface Tenure {
  /** Grows with every change of holder; a later tenure always has a larger fence. */
  fence: number;
  /** The fence before this take (0 for a new lease): `fence === previousFence + 1` and it was ours means nobody else held it in between. */
  previousFence: number;
}

export interface LeaseOptions {
  db: Db;
  /** The job, e.g. `long_poll:123` (at most a few dozen characters; hash secrets before using them in a name). */
  name: string;
  leaseMs: number;
  /** Stop acting this long before the tenure ends (default a quarter of the lease, at most 2 s). */
  marginMs?: number;
  /** A monotonic milliseconds clock (default `performance.now`): a wall-clock jump must not end or stretch a tenure. */
  clock?: () => number;
  /** Wall clock for `renewed_at`, which only people read. */
  wallClock?: () => number;
  /** Called when this process starts or stops holding the lease (for jobs that run while held, like Long Poll). */
  onChange?: (tenure: Tenure | undefined) => void;
}

/** The holder id of a lease object: host, pid and a random part (two objects in one process are two holders). */
export function newHolderId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export class Lease {
  readonly holder = newHolderId();
  readonly name: string;
  readonly leaseMs: number;
  private readonly marginMs: number;
  private readonly clock: () => number;
  private readonly wallClock: () => number;
  private tenure: Tenure | undefined;
  private validUntil = Number.NEGATIVE_INFINITY;
  /** The last beat seen of another holder, and when (this clock) it was first seen. */
  private observed: { beat: number; since: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private stepping: Promise<void> | undefined;

  constructor(private readonly o: LeaseOptions) {
    if (!Number.isFinite(o.leaseMs) || o.leaseMs <= 0)
      throw new RangeError(`Lease: leaseMs must be > 0, got ${o.leaseMs}`);
    this.name = o.name;
    this.leaseMs = o.leaseMs;
    this.marginMs = o.marginMs ?? Math.min(2000, o.leaseMs / 4);
    this.clock = o.clock ?? (() => performance.now());
    this.wallClock = o.wallClock ?? Date.now;
  }

  /** The current tenure when this process may act now (checked by the local clock, with the margin). */
  current(): Tenure | undefined {
    if (this.tenure && this.clock() < this.validUntil) return this.tenure;
    return undefined;
  }

  /** One attempt to take or renew the lease; resolves to the tenure held after it (if any). */
  async step(): Promise<Tenure | undefined> {
    this.stepping ??= this.attempt().finally(() => {
      this.stepping = undefined;
    });
    await this.stepping;
    return this.current();
  }

  /** Keeps trying to take the lease and renews it while held (a third of the lease apart), until `stop()`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    const tick = async () => {
      try {
        await this.step();
      } catch (err) {
        console.error(`lease ${this.name}: renewal failed`, err);
      }
      this.notify();
      if (!this.running) return;
      // Observers look more often than the holder renews, so a takeover comes soon after the lease runs out.
      const every = this.tenure ? this.leaseMs / 3 : Math.min(this.leaseMs / 6, 1000);
      this.timer = setTimeout(() => void tick(), every);
      this.timer.unref();
    };
    void tick();
  }

  /** Stops the keeper and releases the lease, so another process may take it at once. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.stepping;
    await this.release();
  }

  /** Gives the lease up (a no-op unless held); another process may take it at once. */
  async release(): Promise<void> {
    const tenure = this.tenure;
    this.tenure = undefined;
    this.validUntil = Number.NEGATIVE_INFINITY;
    this.notify();
    if (!tenure) return;
    await inTransaction(this.o.db, (tx) =>
      tx
        .update(leases)
        .set({ holder: null, beat: sql`${leases.beat} + 1` })
        .where(and(eq(leases.name, this.name), eq(leases.holder, this.holder), eq(leases.fence, tenure.fence))),
    );
  }

  private notified: number | undefined;
  private notify(): void {
    const fence = this.current()?.fence;
    if (fence === this.notified) return;
    this.notified = fence;
    this.o.onChange?.(this.current());
  }

  private async attempt(): Promise<void> {
    const startedAt = this.clock();
    const values = { leaseMs: this.leaseMs, renewedAt: this.wallClock() };
    const taken = await inTransaction(this.o.db, async (tx): Promise<Tenure | 'renewed' | undefined> => {
      const [row] = await tx.select().from(leases).where(eq(leases.name, this.name)).limit(1);
      const readAt = this.clock();
      if (!row) {
        const [created] = await tx
          .insert(leases)
          .values({ name: this.name, holder: this.holder, fence: 1, beat: 1, ...values })
          .onConflictDoNothing()
          .returning({ fence: leases.fence });
        return created ? { fence: created.fence, previousFence: 0 } : undefined;
      }
      const beat = and(eq(leases.name, this.name), eq(leases.beat, row.beat));
      if (row.holder === this.holder && row.fence === this.tenure?.fence) {
        const [renewed] = await tx
          .update(leases)
          .set({ beat: row.beat + 1, ...values })
          .where(beat)
          .returning({ fence: leases.fence });
        return renewed ? 'renewed' : undefined;
      }
      if (row.holder !== null) {
        // Someone else holds it: free only once its beat has stood still for a whole lease on our clock.
        if (this.observed?.beat !== row.beat) this.observed = { beat: row.beat, since: readAt };
        if (readAt - this.observed.since < Math.max(row.leaseMs, this.leaseMs)) return undefined;
      }
      const [took] = await tx
        .update(leases)
        .set({ holder: this.holder, fence: row.fence + 1, beat: row.beat + 1, ...values })
        .where(beat)
        .returning({ fence: leases.fence });
      return took ? { fence: took.fence, previousFence: row.fence } : undefined;
    });
    if (taken === undefined) {
      // Not ours (or no longer): stop acting at once.
      this.tenure = undefined;
      this.validUntil = Number.NEGATIVE_INFINITY;
      return;
    }
    if (taken !== 'renewed') {
      this.tenure = taken;
      this.observed = undefined;
    }
    this.validUntil = startedAt + this.leaseMs - this.marginMs;
  }
}
