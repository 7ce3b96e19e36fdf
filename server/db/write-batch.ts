/**
 * Group commit: write requests that arrive together share one SQLite transaction (`commitTogether`), and every
 * caller is answered only after the shared COMMIT. One commit costs more than the claim's own statements (measured on
 * the claim path), so under concurrency this multiplies write throughput while keeping both promises: each unit of
 * work is atomic (a unit that throws is rolled back alone) and nothing is acknowledged before it is committed.
 * Work runs synchronously on the one connection, so units never interleave.
 */
import { withBatchMemo } from './batch-memo.ts';
import type { Db } from './client.ts';

interface Pending {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most units of work sharing one commit; bounds the latency a unit can add to the others in its batch. */
const MAX_BATCH = 64;

export class WriteBatcher {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly db: Db) {}

  /**
   * Runs `work` in the next batch; resolves with its result after the batch commits, rejects with what it threw
   * (its writes rolled back) or with the commit's own failure.
   * @example const grant = await writesOf(db).run(() => claimReward(deps, identity, 1, 'prize'));
   */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length > 0) this.schedule();
    let outcomes: UnitOutcome[];
    try {
      outcomes = commitTogether(
        this.db,
        batch.map((item) => item.work),
      );
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
  }
}

export type UnitOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * Runs units of work in one transaction and commits once; each unit is atomic (a unit that throws is rolled back
 * alone and its error is its outcome). Throws, with nothing written, when the transaction itself fails.
 * Fast path: all units straight in one transaction (a savepoint per unit costs more than a small unit's own writes).
 * When any unit throws, that attempt is rolled back whole, nothing of it having been answered, and the batch is
 * run again with a savepoint per unit. Units must therefore only write to this database and decide from its state
 * and their arguments, so running one again is the same as running it once.
 * Shared by the in-thread batcher above and the writer thread (writer/writer-thread.ts).
 */
export function commitTogether(db: Db, units: Array<() => unknown>): UnitOutcome[] {
  // IMMEDIATE: take the write lock at BEGIN (see beginWritesImmediately in client.ts).
  const sqlite = db.$client;
  try {
    return withBatchMemo(() =>
      sqlite.transaction(() => units.map((work): UnitOutcome => ({ ok: true, value: work() }))).immediate(),
    );
  } catch {
    const outcomes: UnitOutcome[] = [];
    // better-sqlite3 turns a transaction started inside another into a savepoint.
    withBatchMemo(() =>
      sqlite
        .transaction(() => {
          for (const work of units) {
            try {
              outcomes.push({ ok: true, value: sqlite.transaction(work)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate(),
    );
    return outcomes;
  }
}

const batchers = new WeakMap<Db, WriteBatcher>();

/** The one batcher of a database (all writers of a connection must share it to share commits). */
export function writesOf(db: Db): WriteBatcher {
  let batcher = batchers.get(db);
  if (!batcher) {
    batcher = new WriteBatcher(db);
    batchers.set(db, batcher);
  }
  return batcher;
}
