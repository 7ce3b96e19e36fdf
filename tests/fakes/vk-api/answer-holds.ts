/**
 * @module Answers the fake holds back: VK has handled the call (delivered, recorded) but its answer has not come back
 * yet, for as long as a test needs. A sender's rate gate counts an unanswered call against the token's second
 * (bot/sender/rate-gate.ts), so one held answer stops the sender at a point the test knows, instead of at a moment it
 * guesses.
 */
import type { Params } from './types.ts';

/** One answer held back. */
export interface HeldAnswer {
  /** Resolves with the call's params once it has arrived and been handled. */
  arrived: Promise<Params>;
  /** Lets its answer go (at once if the call has not arrived yet: it is then not held). */
  release(): void;
}

interface Hold {
  method: string;
  match: (params: Params) => boolean;
  arrive: (params: Params) => void;
  released: Promise<void>;
  release: () => void;
}

export class AnswerHolds {
  private readonly waiting: Hold[] = [];
  private readonly all = new Set<Hold>();

  /** Holds the answer to the next call of `method` whose params `match`. */
  hold(method: string, match: (params: Params) => boolean = () => true): HeldAnswer {
    let arrive!: (params: Params) => void;
    const arrived = new Promise<Params>((resolve) => (arrive = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const hold: Hold = { method, match, arrive, released, release };
    this.waiting.push(hold);
    this.all.add(hold);
    return {
      arrived,
      release: () => {
        const i = this.waiting.indexOf(hold);
        if (i >= 0) this.waiting.splice(i, 1);
        this.all.delete(hold);
        release();
      },
    };
  }

  /** What the answer to this call (just handled) waits for, if a hold takes it. */
  take(method: string, params: Params): Promise<void> | undefined {
    const i = this.waiting.findIndex((h) => h.method === method && h.match(params));
    const hold = this.waiting[i];
    if (!hold) return undefined;
    this.waiting.splice(i, 1);
    hold.arrive(params);
    return hold.released;
  }

  /** Lets every held answer go (the fake is closing). */
  releaseAll(): void {
    for (const hold of this.all) hold.release();
    this.all.clear();
    this.waiting.length = 0;
  }
}
