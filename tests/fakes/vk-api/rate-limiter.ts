/**
 * @module VK's "N requests per second per token" limit as a sliding window: a request is admitted when
 * fewer than `limit` admitted requests of the same token fall within the last 1000 ms. Refused requests
 * are not counted, so a client that backs off recovers after at most one second.
 */
import type { Clock } from './types.ts';

const WINDOW_MS = 1000;

export class SlidingWindowRateLimiter {
  private readonly admittedAt = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly clock: Clock,
  ) {}

  /** Records the request and returns true when the token is within its limit; false means error 6. */
  tryAdmit(token: string): boolean {
    const now = this.clock();
    const recent = (this.admittedAt.get(token) ?? []).filter((at) => at > now - WINDOW_MS);
    const admitted = recent.length < this.limit;
    if (admitted) recent.push(now);
    this.admittedAt.set(token, recent);
    return admitted;
  }

  reset(): void {
    this.admittedAt.clear();
  }
}
