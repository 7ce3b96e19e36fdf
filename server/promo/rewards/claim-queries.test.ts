import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../testing/promo-world.ts';
import { claimReward } from './reward.service.ts';

let w: PromoWorld;
afterEach(async () => {
  vi.restoreAllMocks();
  await w.close();
});

async function outcome(fn: () => Promise<{ status: string }>): Promise<string> {
  try {
    return (await fn()).status;
  } catch (err) {
    if (err instanceof ApiError) return `${err.status} ${err.code}`;
    throw err;
  }
}

/** Counts what the SQLite driver is asked to do: statements run, statements prepared, BEGIN/COMMIT. */
function countDriverCalls(db: Database.Database) {
  const statementProto = Object.getPrototypeOf(db.prepare('SELECT 1'));
  const spies = ['all', 'get', 'run', 'iterate'].map((m) => vi.spyOn(statementProto, m));
  const prepare = vi.spyOn(Database.prototype, 'prepare');
  const calls = () => ({
    statements: spies.reduce((n, s) => n + s.mock.calls.length, 0),
    prepared: prepare.mock.calls.length,
  });
  return {
    since(before: ReturnType<typeof calls>) {
      const now = calls();
      return { statements: now.statements - before.statements, prepared: now.prepared - before.prepared };
    },
    now: calls,
  };
}

describe('claim path queries (decision 021)', () => {
  // Counts calls into better-sqlite3 (SQLite's connections); on PostgreSQL the statements are built for each call.
  it.skipIf(process.env.TEST_DIALECT === 'postgres')(
    'item 2: a first claim runs 5 statements, prepares none once warm; a repeated claim runs 1',
    async () => {
      w = await createPromoWorld();
      const id = await w.campaign({ stages: ['opened', 'reward_issued'] });
      await w.reward(id, 'prize', { poolId: await w.pool(id, 'p', ['C1', 'C2', 'C3']), unlock: { tasks: 0 } });
      for (const u of [1, 2, 3]) await openCampaign(w.deps, w.identity(u), id, {});
      await claimReward(w.deps, w.identity(1), id, 'prize'); // warms the statements
      const driver = countDriverCalls(w.deps.db.$client);
      const before = driver.now();
      const first = await claimReward(w.deps, w.identity(2), id, 'prize');
      // All in the transaction: lookup (with the earlier grant), take a code, insert grant, insert event, move stage.
      expect(first.status).toBe('issued');
      expect(driver.since(before)).toEqual({ statements: 5, prepared: 0 });
      const mid = driver.now();
      expect((await claimReward(w.deps, w.identity(2), id, 'prize')).grant.code).toBe(first.grant.code);
      expect(driver.since(mid)).toEqual({ statements: 1, prepared: 0 });
      const [p2] = await w.deps.db
        .select({ stage: schema.participants.stage })
        .from(schema.participants)
        .where(eq(schema.participants.platformUserId, '2'));
      expect(p2?.stage).toBe('reward_issued');
    },
  );

  // On SQLite the reading connection drops its page cache after every commit of the writing one; a claim reading
  // there paid for it on every lookup under load (decision 027).
  it.skipIf(process.env.TEST_DIALECT === 'postgres')(
    'item 2: a claim, first or repeated, runs every statement on the writing connection, none on the reading one',
    async () => {
      w = await createPromoWorld();
      const id = await w.campaign({ stages: ['opened', 'reward_issued'] });
      await w.reward(id, 'prize', { poolId: await w.pool(id, 'p', ['C1', 'C2']), unlock: { tasks: 0 } });
      await openCampaign(w.deps, w.identity(1), id, {});
      const statementProto = Object.getPrototypeOf(w.deps.db.$client.prepare('SELECT 1'));
      const spies = ['all', 'get', 'run', 'iterate'].map((m) => vi.spyOn(statementProto, m));
      const ranOn = () =>
        spies.flatMap((s) => s.mock.contexts.map((c) => (c as { database: Database.Database }).database));
      expect((await claimReward(w.deps, w.identity(1), id, 'prize')).status).toBe('issued');
      expect((await claimReward(w.deps, w.identity(1), id, 'prize')).status).toBe('already_issued');
      const connections = ranOn();
      expect(connections.length).toBeGreaterThanOrEqual(6);
      expect(connections.filter((db) => db === w.deps.db.$client)).toHaveLength(0);
    },
  );

  it('item 2: the one joined lookup refuses as the separate reads did, in the same order', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    const draft = await w.campaign({ status: 'draft' });
    await w.reward(id, 'prize', { unlock: { tasks: 0 } });
    await w.reward(draft, 'prize', { unlock: { tasks: 0 } });
    const claim = (identity: ReturnType<typeof w.identity>, campaign = id, key = 'prize') =>
      outcome(() => claimReward(w.deps, identity, campaign, key));
    expect(await claim(w.identity(1), 999)).toBe('404 campaign_not_found');
    expect(await claim(w.identity(1), draft)).toBe('404 campaign_not_found');
    expect(await claim({ ...w.identity(1), appId: '1' })).toBe('404 campaign_not_found');
    expect(await claim({ ...w.identity(1), groupId: GROUP_ID + 1 })).toBe('404 campaign_not_found');
    expect(await claim(w.identity(1), id, 'nope')).toBe('409 not_joined');
    await openCampaign(w.deps, w.identity(1), id, {});
    // The same user id on another platform is another participant (not joined), and sees no vk grant.
    expect(await claim(w.identity(1, 'ok'))).toBe('409 not_joined');
    expect(await claim(w.identity(1), id, 'nope')).toBe('404 reward_not_found');
    expect(await claim({ ...w.identity(1), groupId: GROUP_ID })).toBe('issued');
    expect(await claim(w.identity(1))).toBe('already_issued');
    await openCampaign(w.deps, w.identity(1, 'ok'), id, {});
    expect(await claim(w.identity(1, 'ok'))).toBe('issued');
  });
});
