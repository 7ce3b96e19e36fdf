/**
 * @module The pace of every VK call of one token. VK admits at most `limit` requests per token within any sliding
 * second. The gate guarantees that from VK's side whatever the jitter, stalls or CPU contention in between: call
 * j+limit does not start until `windowMs` after the *answer* to call j arrived. VK handled call j before it answered,
 * and cannot handle call j+limit before it is sent, so the two are always more than a second apart on VK's clock.
 * Calls also keep an even beat (`windowMs / limit`) that may catch up a few missed beats after a pause.
 * A gate created with `coldStartMs` waits that long before its first call (a previous process may have used the
 * token's current second just before it died).
 */
export type Release = () => void;

interface Slot {
  answeredAt?: number;
  answered: Promise<void>;
}

export class RateGate {
  private readonly recent: Slot[] = [];
  private readonly startAt: number;
  private nextBeat: number | undefined;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1010,
    coldStartMs = 0,
    /** How many missed beats may be caught up at once. */
    private readonly catchUp = 3,
    private readonly clock: () => number = Date.now,
  ) {
    this.startAt = clock() + coldStartMs;
  }

  /** Resolves when the next call may start, with the function to call when its answer (or failure) arrives. */
  take(): Promise<Release> {
    const turn = this.tail.then(() => this.wait());
    this.tail = turn;
    return turn;
  }

  private async wait(): Promise<Release> {
    const beat = this.windowMs / this.limit;
    // The beat starts with the first call: no credit for the time before it.
    this.nextBeat ??= Math.max(this.startAt, this.clock()) + this.catchUp * beat;
    for (;;) {
      const now = this.clock();
      const oldest = this.recent.length >= this.limit ? this.recent[this.recent.length - this.limit] : undefined;
      if (oldest && oldest.answeredAt === undefined) {
        await oldest.answered;
        continue;
      }
      // On the beat, or up to `catchUp` beats early when earlier calls were late.
      const onBeat = (this.nextBeat as number) - this.catchUp * beat;
      const ready = Math.max(onBeat, oldest ? (oldest.answeredAt as number) + this.windowMs : now);
      if (ready <= now) break;
      await new Promise((r) => setTimeout(r, Math.ceil(ready - now)));
    }
    // The next beat follows this call's own beat, or now if we fell further behind than the catch-up allows.
    this.nextBeat = Math.max(this.nextBeat as number, this.clock()) + beat;
    let release!: () => void;
    const slot: Slot = { answered: new Promise<void>((r) => (release = r)) };
    this.recent.push(slot);
    if (this.recent.length > this.limit) this.recent.splice(0, this.recent.length - this.limit);
    return () => {
      if (slot.answeredAt === undefined) slot.answeredAt = this.clock();
      release();
    };
  }
}
