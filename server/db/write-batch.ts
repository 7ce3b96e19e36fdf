/**
 * Group commit: write requests that arrive together share one SQLite transaction, each inside its own savepoint,
 * and every caller is answered only after the shared COMMIT. One commit costs more than the claim's own statements
 * (measured on the claim path), so under concurrency this multiplies write throughput while keeping both promises:
 * each unit of work is atomic (its savepoint rolls back alone when it throws) and nothing is acknowledged before it is
 * committed. Work runs synchronously on the one connection, so units never interleave.
 */
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
    const sqlite = this.db.$client;
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      // better-sqlite3 turns a transaction started inside another into a savepoint.
      sqlite.transaction(() => {
        for (const item of batch) {
          try {
            outcomes.push({ ok: true, value: sqlite.transaction(item.work)() });
          } catch (error) {
            outcomes.push({ ok: false, error });
          }
        }
      })();
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
