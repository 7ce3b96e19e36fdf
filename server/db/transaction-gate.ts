/**
 * @module How many PostgreSQL write transactions of this process run at once. A first attempt runs beside the others
 * (shared turn); a transaction that failed with a serialization failure or deadlock runs its next attempts alone in
 * this process (exclusive turn), so it cannot collide with its own neighbours again. Turns are granted in arrival
 * order, so neither kind starves.
 *
 * Why: under SERIALIZABLE, PostgreSQL's predicate locks on B-tree pages are per page, so claims of neighbouring
 * participants (adjacent ids, the same leaf pages of `participants`, `promo_grants`, the free-code index) conflict
 * although they touch different rows. With ten transactions at once, a failed one met the same crowd on every retry:
 * 64 concurrent claims on one pool took ≈ 6 retries each and a quarter ran out of attempts (500s). Run alone after its
 * first failure, it can only meet other processes' transactions. docs/decisions/022 has the numbers.
 */

interface Waiter {
  exclusive: boolean;
  grant: () => void;
}

export class TransactionGate {
  private running = 0;
  private exclusiveRunning = false;
  private readonly queue: Waiter[] = [];

  /** Runs `work` in a shared turn, or alone when `exclusive`. */
  async run<T>(exclusive: boolean, work: () => Promise<T>): Promise<T> {
    await this.acquire(exclusive);
    try {
      return await work();
    } finally {
      this.release(exclusive);
    }
  }

  private canStart(exclusive: boolean): boolean {
    return !this.exclusiveRunning && (!exclusive || this.running === 0);
  }

  private start(exclusive: boolean): void {
    this.running += 1;
    if (exclusive) this.exclusiveRunning = true;
  }

  private acquire(exclusive: boolean): Promise<void> {
    if (this.queue.length === 0 && this.canStart(exclusive)) {
      this.start(exclusive);
      return Promise.resolve();
    }
    return new Promise((grant) => this.queue.push({ exclusive, grant }));
  }

  private release(exclusive: boolean): void {
    this.running -= 1;
    if (exclusive) this.exclusiveRunning = false;
    // In arrival order: a waiting exclusive turn holds back the shared ones behind it until it has run.
    for (let next = this.queue[0]; next && this.canStart(next.exclusive); next = this.queue[0]) {
      this.queue.shift();
      this.start(next.exclusive);
      next.grant();
    }
  }
}
