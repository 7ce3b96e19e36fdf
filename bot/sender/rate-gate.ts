/**
 * @module A sliding-window gate in front of every VK call: at most `limit` calls start within any `windowMs`
 * (VK counts requests per token per sliding second). The window is a little over a second so that jitter between
 * us and VK cannot squeeze limit+1 calls into VK's second; calls are at least half the even spacing apart, so the
 * gate smooths load yet catches up after a pause (a slow transaction) instead of losing that time for good.
 */
export class RateGate {
  private readonly starts: number[] = [];
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 1050,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Resolves when the next call may start. Calls are admitted in the order they asked. */
  take(): Promise<void> {
    const turn = this.tail.then(() => this.wait());
    this.tail = turn;
    return turn;
  }

  private async wait(): Promise<void> {
    const gap = this.windowMs / this.limit / 2;
    for (;;) {
      const now = this.clock();
      const last = this.starts[this.starts.length - 1];
      const oldest = this.starts.length >= this.limit ? this.starts[this.starts.length - this.limit] : undefined;
      const ready = Math.max(
        last === undefined ? now : last + gap,
        oldest === undefined ? now : oldest + this.windowMs,
      );
      if (ready <= now) break;
      await new Promise((r) => setTimeout(r, Math.ceil(ready - now)));
    }
    this.starts.push(this.clock());
    if (this.starts.length > this.limit) this.starts.splice(0, this.starts.length - this.limit);
  }
}
