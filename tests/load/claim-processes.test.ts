/**
 * Exactly-once claims across processes on one SQLite file: two processes (as two API instances would be) each claim
 * for their own 150 users at once, plus 50 users that both claim for, racing for 200 codes. Inside a process the
 * transaction queue serialises writers; between processes SQLite's write lock (taken at BEGIN IMMEDIATE) does.
 * Every code is issued once, each user gets at most one, and a user both processes claimed for sees the same code.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { openCampaign } from '../../server/promo/participation/participation.service.ts';
import { createPromoWorld, type PromoWorld } from '../../server/promo/testing/promo-world.ts';
import { TEST_VK_APP_ID } from '../support/test-deps.ts';

const CODES = 200;
type Outcome = { user: number; code?: string; error?: string };

function claimIn(w: PromoWorld, campaignId: number, first: number, last: number): Promise<Outcome[]> {
  const script = fileURLToPath(new URL('./claim-worker.ts', import.meta.url));
  const args = [w.config.DATABASE_PATH, campaignId, TEST_VK_APP_ID, first, last, w.clock.now].map(String);
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Outcome[]) : reject(new Error(`worker exited ${code}: ${err}`)),
    ),
  );
}

describe('claim race across two processes on one SQLite file', () => {
  let w: PromoWorld;
  let campaignId: number;

  beforeAll(async () => {
    w = await createPromoWorld();
    campaignId = await w.campaign();
    const codes = Array.from({ length: CODES }, (_, i) => `PROC-${i + 1}`);
    await w.reward(campaignId, 'prize', { poolId: await w.pool(campaignId, 'race', codes) });
    for (let u = 1; u <= 350; u++) await openCampaign(w.deps, w.identity(u), campaignId, {});
  });
  afterAll(() => w.close());

  it('issues every code once and gives each user at most one, the same one in both processes', async () => {
    // Users 1–150 only in A, 201–350 only in B, 151–200 in both.
    const [a, b] = await Promise.all([claimIn(w, campaignId, 1, 200), claimIn(w, campaignId, 151, 350)]);
    const all = [...a, ...b];
    expect(all.every((o) => o.code !== undefined || o.error === 'sold_out')).toBe(true);
    const firstByUser = new Map<number, string>();
    for (const o of all.filter((x) => x.code !== undefined)) {
      const earlier = firstByUser.get(o.user);
      if (earlier !== undefined) expect(o.code).toBe(earlier);
      firstByUser.set(o.user, o.code as string);
    }
    expect(firstByUser.size).toBe(CODES);
    expect(new Set(firstByUser.values()).size).toBe(CODES);
    const grants = await w.deps.db.select().from(schema.grants);
    expect(grants).toHaveLength(CODES);
    expect(new Set(grants.map((g) => g.code)).size).toBe(CODES);
    expect(new Set(grants.map((g) => g.participantId)).size).toBe(CODES);
  }, 60_000);
});
