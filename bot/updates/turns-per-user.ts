/**
 * @module Turns per user: the updates of one user in one community are handled one after another, in the order they
 * were queued, while other users' updates run side by side (decision 102). vk-io hands a Long Poll response's updates
 * over all at once and the Callback API may deliver several together; without turns, a question written after a
 * button press was answered first, and «стоп» followed by the allow button could end in no consent.
 */

/**
 * Serial queues by key, each in order of `run` calls. A turn ends when its work settles, or `giveUpAfterMs` after the
 * work started if it has not (a hung handler must not stall its user for good; the journal's recovery deals with it).
 * @example const turns = new TurnsPerKey(30_000); void turns.run('1:42', () => handleUpdate(u))
 */
export class TurnsPerKey {
  /** Per key, what the next work waits for: the end of the turn queued last. */
  private readonly lastTurn = new Map<string, Promise<void>>();

  constructor(private readonly giveUpAfterMs: number) {}

  /** Runs `work` once every work queued before it under `key` has had its turn; `key` undefined: at once. */
  run<T>(key: string | undefined, work: () => Promise<T>): Promise<T> {
    if (key === undefined) return work();
    const ahead = this.lastTurn.get(key) ?? Promise.resolve();
    let endTurn = (): void => {};
    const turn = new Promise<void>((resolve) => {
      endTurn = resolve;
    });
    const result = ahead.then(() => {
      const timer = setTimeout(endTurn, this.giveUpAfterMs);
      timer.unref();
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

  /** How many keys have work queued or running (for tests: nothing is kept once a user's turns are over). */
  get busyKeys(): number {
    return this.lastTurn.size;
  }
}
