/**
 * @module Reads that every call of a write batch repeats (the campaign, the reward, the campaign's tasks and stages)
 * are done once per batch. Only while `commitTogether` runs a batch: its calls run one after another in one
 * transaction and none of the write ops changes those rows (server/writer/write-ops.ts), so the first call's read is every
 * call's read. Outside a batch, `memoInBatch` just reads. The memo is dropped when the batch ends, so nothing outlives
 * its transaction. Callers must treat what they get as read-only: it is shared by the calls of the batch.
 */

let active: Map<string, unknown> | undefined;

/** Runs `work` with a fresh memo (the batch's). */
export function withBatchMemo<T>(work: () => T): T {
  const outer = active;
  active = new Map();
  try {
    return work();
  } finally {
    active = outer;
  }
}

/**
 * `read()`, remembered under `key` for the rest of the current batch.
 * @example memoInBatch(`stages:${campaignId}`, () => prepared(db, campaignStages).get({ id: campaignId }))
 */
export function memoInBatch<T>(key: string, read: () => T): T {
  if (!active) return read();
  if (active.has(key)) return active.get(key) as T;
  const value = read();
  active.set(key, value);
  return value;
}
