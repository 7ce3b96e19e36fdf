import { ExpiredLaunchError } from './launch-errors.ts';

/** How far ahead of our clock a launch timestamp may be (clients' clocks drift). */
export const MAX_FUTURE_SKEW_SECONDS = 300;

/**
 * Refuses a launch older than `ttlSeconds` or more than five minutes in the future.
 * A TTL of 0 turns the check off (fixed published test vectors).
 */
export function assertFresh(issuedAtSeconds: number, nowMs: number, ttlSeconds: number, what: string): void {
  if (ttlSeconds === 0) return;
  const now = Math.floor(nowMs / 1000);
  if (issuedAtSeconds > now + MAX_FUTURE_SKEW_SECONDS) {
    throw new ExpiredLaunchError(`${what} is in the future`);
  }
  if (now - issuedAtSeconds > ttlSeconds) {
    throw new ExpiredLaunchError(`${what} is older than ${ttlSeconds} seconds`);
  }
}
