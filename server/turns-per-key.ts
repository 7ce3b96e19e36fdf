/**
 * @module Turns per key: works queued under one key run one after another, in the order they were queued, while works
 * of other keys run side by side — in this process only. The one in-process per-key queue (decision 108) for:
 * - the bot's updates of one user in one community (decision 102): vk-io hands a Long Poll response's updates over
 *   all at once and the Callback API may deliver several together; without turns, a question written after a button
 *   press was answered first, and «стоп» followed by the allow button could end in no consent;
 * - the sends of one client key (server/http/client-key.ts, decision 061): a double tap or a retry racing the first
 *   send finds what the first wrote instead of racing it.
 */

/**
 * Serial queues by key, each in order of `run` calls. A turn ends when its work settles, or — with `giveUpAfterMs` —
 * that long after the work started if it has not (a hung bot handler must not stall its user for good; the journal's
 * recovery deals with it). Without it a turn lasts as long as its work.
 * @example const turns = new TurnsPerKey(30_000); void turns.run('1:42', () => handleUpdate(u))
 */
export class TurnsPerKey {
  /** Per key, what the next work waits for: the end of the turn queued last. */
  private readonly lastTurn = new Map<string, Promise<void>>();

  constructor(private readonly giveUpAfterMs?: number) {}

  /** Runs `work` once every work queued before it under `key` has had its turn; `key` undefined: at once. */
  run<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
    if (key === undefined) return work();
    const ahead = this.lastTurn.get(key) ?? Promise.resolve();
    let endTurn = (): void => {};
    const turn = new Promise<void>((resolve) => {
      endTurn = resolve;
    });
    const result = ahead.then(() => {
      const timer = this.giveUpAfterMs === undefined ? undefined : setTimeout(endTurn, this.giveUpAfterMs);
      timer?.unref();
      return Promise.resolve()
        .then(work)
        .finally(() => {
          clearTimeout(timer);
          endTurn();
        });
    });
    const queued: Promise<void> = turn.then(() => {
      if (this.lastTurn.get(key) === queued) this.lastTurn.delete(key);
    });
    this.lastTurn.set(key, queued);
    return result;
  }

  /** How many keys have work queued or running (for tests: nothing is kept once a key's turns are over). */
  get busyKeys(): number {
    return this.lastTurn.size;
  }
}
