import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

const limits = { task: { limit: 5, windowMs: 10_000 }, claim: { limit: 2, windowMs: 60_000 } };
const CLAIM_INTERVAL = limits.claim.windowMs / limits.claim.limit;

describe('RateLimiter', () => {
  it('allows a burst of the limit, then tells how long to wait for the next request', async () => {
    const limiter = new RateLimiter(limits);
    for (let i = 0; i < 5; i++) expect(limiter.hit('vk:1', 'task', 1_000)).toBe(0);
    expect(limiter.hit('vk:1', 'task', 1_000)).toBe(2_000);
    expect(limiter.hit('vk:1', 'task', 2_999)).toBe(1);
    expect(limiter.hit('vk:1', 'task', 3_000)).toBe(0);
    expect(limiter.hit('vk:1', 'task', 3_000)).toBeGreaterThan(0);
  });

  it('keeps users and buckets apart', async () => {
    const limiter = new RateLimiter(limits);
    expect(limiter.hit('vk:1', 'claim', 0)).toBe(0);
    expect(limiter.hit('vk:1', 'claim', 0)).toBe(0);
    expect(limiter.hit('vk:1', 'claim', 0)).toBeGreaterThan(0);
    expect(limiter.hit('vk:2', 'claim', 0)).toBe(0);
    expect(limiter.hit('vk:1', 'task', 0)).toBe(0);
  });

  it('still counts a user whose entry moved to the old generation, and forgets it only once it has expired', async () => {
    const limiter = new RateLimiter(limits);
    limiter.hit('vk:2', 'claim', 0); // the young generation starts at 0
    expect(limiter.hit('vk:1', 'claim', 50_000)).toBe(0);
    expect(limiter.hit('vk:1', 'claim', 50_000)).toBe(0); // full again at 110 s
    limiter.hit('vk:2', 'claim', 60_000); // turns the generation over: user 1 is in the old one
    expect(limiter.hit('vk:1', 'claim', 70_000)).toBe(10_000);
    limiter.hit('vk:2', 'claim', 120_000); // drops the old generation, in which everything expired by 110 s
    expect(limiter.hit('vk:1', 'claim', 120_000)).toBe(0);
    expect(limiter.hit('vk:1', 'claim', 120_000)).toBe(0);
    expect(limiter.hit('vk:1', 'claim', 120_000)).toBeGreaterThan(0);
  });

  it('lets through at most `limit` plus what refilled in between, whatever the arrival times', async () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400_000 }), { maxLength: 200 }), (times) => {
        const limiter = new RateLimiter(limits);
        const allowed = [...times].sort((a, b) => a - b).filter((t) => limiter.hit('vk:1', 'claim', t) === 0);
        for (let i = 0; i < allowed.length; i++) {
          for (let j = i; j < allowed.length; j++) {
            const span = (allowed[j] as number) - (allowed[i] as number);
            expect(j - i + 1).toBeLessThanOrEqual(limits.claim.limit + Math.floor(span / CLAIM_INTERVAL));
          }
        }
      }),
    );
  });

  it('never refuses a user who keeps to the rate', async () => {
    const limiter = new RateLimiter(limits);
    for (let t = 0; t < 1_000_000; t += CLAIM_INTERVAL) expect(limiter.hit('vk:1', 'claim', t)).toBe(0);
  });
});
