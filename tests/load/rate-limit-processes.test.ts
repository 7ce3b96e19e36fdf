/**
 * Issue 13 (scale-out), item 1: a per-user rate limit holds across API processes. Two `scripts/start.ts` processes on
 * one PostgreSQL database; one user sends claim requests alternating between them. Together they let through one
 * bucket (`RATE_LIMITS.claim`, 20 at once, one more every 3 s), not one per process: the buckets live in the shared
 * database (`rate_limit_buckets`, server/http/rate-limit-database.ts). PostgreSQL only: on SQLite the store is in
 * memory by design (one process, docs/decisions/022).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { RATE_LIMITS } from '../../server/http/rate-limit.ts';
import { createPromoWorld, type PromoWorld } from '../../server/promo/testing/promo-world.ts';
import {
  type ApiProcess,
  killStartedApiProcesses,
  startApiProcesses,
  worldServerEnv,
} from '../support/api-processes.ts';
import { testsOnPostgres } from '../support/world-database.ts';

const USER = 4242;
const REQUESTS = 60;

describe.skipIf(!testsOnPostgres())('rate limits across API processes on PostgreSQL', () => {
  let w: PromoWorld;
  let api: ApiProcess[];
  let campaignId: number;

  beforeAll(async () => {
    // The processes verify launches with the real clock, so the world's clock starts now.
    w = await createPromoWorld({}, Date.now());
    campaignId = await w.campaign();
    await w.reward(campaignId, 'prize', { poolId: await w.pool(campaignId, 'rl', ['RL-1']) });
    api = await startApiProcesses(2, worldServerEnv(w));
  }, 90_000);

  afterAll(async () => {
    await Promise.all((api ?? []).map((p) => p.stop()));
    killStartedApiProcesses();
    w?.close();
  });

  it('item 1: one user alternating between two processes gets one bucket of claims, not two', async () => {
    const auth = w.vkAuth(USER);
    const post = (p: ApiProcess, path: string) =>
      fetch(`${p.base}/api/campaigns/${campaignId}${path}`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: '{}',
      });
    expect((await post(api[0] as ApiProcess, '/open')).status).toBe(200);

    const started = Date.now();
    const answers: Array<{ process: number; status: number; retryAfter: string | null }> = [];
    for (let i = 0; i < REQUESTS; i++) {
      const process = i % 2;
      const res = await post(api[process] as ApiProcess, '/rewards/prize/claim');
      await res.arrayBuffer();
      answers.push({ process, status: res.status, retryAfter: res.headers.get('Retry-After') });
    }
    const elapsed = Date.now() - started;

    const { limit, windowMs } = RATE_LIMITS.claim;
    const accepted = answers.filter((a) => a.status !== 429);
    // A claim repeated by its winner answers 200 with the same grant; everything past the bucket is 429.
    expect(accepted.every((a) => a.status === 200)).toBe(true);
    expect(accepted.length).toBeGreaterThanOrEqual(limit);
    expect(accepted.length).toBeLessThanOrEqual(limit + Math.floor(elapsed / (windowMs / limit)));
    expect(new Set(accepted.map((a) => a.process))).toEqual(new Set([0, 1]));
    const refused = answers.filter((a) => a.status === 429);
    expect(refused.every((a) => Number(a.retryAfter) >= 1)).toBe(true);
    const rows = await w.deps.db.select().from(schema.rateLimitBuckets);
    expect(rows.map((r) => [r.bucket, r.subject])).toEqual(
      expect.arrayContaining([
        ['claim', `vk:${USER}`],
        ['open', `vk:${USER}`],
      ]),
    );
    console.info(`item 1: ${accepted.length} of ${REQUESTS} claims accepted across 2 processes in ${elapsed} ms`);
  }, 60_000);
});
