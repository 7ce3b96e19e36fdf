import { afterEach, describe, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../tests/support/test-deps.ts';
import { schema } from '../db/client.ts';
import { pruneBuckets } from '../db/rate-limit-buckets.ts';
import { RateLimiter } from './rate-limit.ts';
import { DatabaseRateLimits } from './rate-limit-database.ts';

const limits = { task: { limit: 5, windowMs: 10_000 }, claim: { limit: 2, windowMs: 60_000 } };

let w: TestWorld;
afterEach(() => w.close());

describe('DatabaseRateLimits (one row per bucket and user, on either database)', () => {
  it('item 1: answers exactly as the in-memory limiter, hit for hit', async () => {
    w = createTestWorld();
    const db = new DatabaseRateLimits(w.deps.db, limits);
    const memory = new RateLimiter(limits);
    const script: Array<[string, 'task' | 'claim', number]> = [
      ...Array.from({ length: 7 }, () => ['vk:1', 'task', 1_000] as [string, 'task', number]),
      ['vk:1', 'task', 2_999],
      ['vk:1', 'task', 3_000],
      ['vk:1', 'task', 3_000],
      ['vk:1', 'claim', 0],
      ['vk:1', 'claim', 0],
      ['vk:1', 'claim', 0],
      ['vk:2', 'claim', 0],
      ['vk:1', 'claim', 29_000],
      ['vk:1', 'claim', 30_000],
      ['vk:1', 'claim', 200_000],
    ];
    for (const [key, bucket, at] of script) {
      expect(await db.peek(key, bucket, at), `peek ${key} ${bucket} @${at}`).toBe(memory.peek(key, bucket, at));
      expect(await db.hit(key, bucket, at), `hit ${key} ${bucket} @${at}`).toBe(memory.hit(key, bucket, at));
    }
  });

  it('item 1: many hits of one user at once count exactly the burst, none lost to a race', async () => {
    w = createTestWorld();
    const store = new DatabaseRateLimits(w.deps.db, limits);
    const waits = await Promise.all(Array.from({ length: 20 }, () => store.hit('vk:7', 'task', 5_000)));
    expect(waits.filter((x) => x === 0)).toHaveLength(limits.task.limit);
    const [row] = await w.deps.db.select().from(schema.rateLimitBuckets);
    expect(row).toMatchObject({ bucket: 'task', subject: 'vk:7', fullAt: 5_000 + 10_000 });
  });

  it('item 1: pruning deletes only buckets that are full again, and a pruned user starts full', async () => {
    w = createTestWorld();
    const store = new DatabaseRateLimits(w.deps.db, limits);
    await store.hit('vk:1', 'claim', 0); // full again at 30 s
    await store.hit('vk:2', 'claim', 50_000); // full again at 80 s
    expect(await pruneBuckets(w.deps.db, 40_000)).toBe(1);
    const left = await w.deps.db.select().from(schema.rateLimitBuckets);
    expect(left.map((r) => r.subject)).toEqual(['vk:2']);
    expect(await store.hit('vk:1', 'claim', 40_000)).toBe(0);
    expect(await store.hit('vk:1', 'claim', 40_000)).toBe(0);
    expect(await store.hit('vk:1', 'claim', 40_000)).toBeGreaterThan(0);
  });
});
