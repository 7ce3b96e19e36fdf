import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { markTaskDone } from '../tasks/task-records.ts';
import { createPromoWorld, DAY, HOUR, type PromoWorld } from '../testing/promo-world.ts';
import { claimReward, requirementOf } from './reward.service.ts';

let w: PromoWorld;
afterEach(async () => w.close());

async function fail(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ApiError) return `${err.status} ${err.code}`;
    throw err;
  }
  return 'ok';
}

async function setupTasks() {
  w = await createPromoWorld();
  const id = await w.campaign();
  for (const k of ['a', 'b', 'c', 'd'])
    await w.task(id, k, k === 'd' ? 'visit_link' : 'join_community', k === 'd' ? { url: 'https://x' } : {});
  const p = (await openCampaign(w.deps, w.identity(1), id, {})).participant;
  const done = async (key: string, level: 'server_verified' | 'client_confirmed') => {
    const task = (await w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.key, key)).limit(1))[0];
    if (!task) throw new Error(key);
    await w.write((tx) => markTaskDone(tx, { campaignId: id, participantId: p.id }, task, level, w.clock.now));
  };
  return { id, p, done };
}

describe('unlocking rewards', () => {
  it('N of M tasks, and only server-verified ones where the reward says so', async () => {
    const { id, done } = await setupTasks();
    await w.reward(id, 'two', { unlock: { tasks: 2 } });
    await w.reward(id, 'strict', { unlock: { tasks: 2 }, requiresServerVerified: true });
    await w.reward(id, 'all', { unlock: { tasks: 'all' } });
    await w.reward(id, 'subset', { unlock: { tasks: 1, of: ['b'] } });
    const claim = (key: string) => fail(() => claimReward(w.deps, w.identity(1), id, key));
    expect(await claim('two')).toBe('409 not_eligible');
    await done('a', 'server_verified');
    await done('d', 'client_confirmed');
    expect(await claim('two')).toBe('ok');
    expect(await claim('strict')).toBe('409 not_eligible');
    expect(await claim('subset')).toBe('409 not_eligible');
    await done('b', 'server_verified');
    expect(await claim('strict')).toBe('ok');
    expect(await claim('subset')).toBe('ok');
    expect(await claim('all')).toBe('409 not_eligible');
    await done('c', 'server_verified');
    expect(await claim('all')).toBe('ok');
  });

  it('"all" counts only tasks that exist on the participant platform', async () => {
    const { id } = await setupTasks();
    await w.reward(id, 'all', { unlock: { tasks: 'all' } });
    const reward = (await w.deps.db.select().from(schema.rewards).where(eq(schema.rewards.key, 'all')).limit(1))[0];
    if (!reward) throw new Error('no reward');
    const ok = (await openCampaign(w.deps, w.identity(5, 'ok'), id, {})).participant;
    expect(await requirementOf(w.deps.db, reward, ok, 'ok')).toMatchObject({ tasksRequired: 1, tasksDone: 0 });
  });

  it('"N tasks" asks on OK and Telegram for at most the tasks that exist there; none there: not earnable, never free', async () => {
    const { id } = await setupTasks();
    await w.reward(id, 'three', { unlock: { tasks: 3 } });
    await w.reward(id, 'vk-only', { unlock: { tasks: 1, of: ['a', 'b'] } });
    const rewardOf = async (key: string) => {
      const [r] = await w.deps.db.select().from(schema.rewards).where(eq(schema.rewards.key, key)).limit(1);
      if (!r) throw new Error(key);
      return r;
    };
    // Only the link task (d) exists on Telegram: "3 tasks" asked for 3 there, which no one could ever do.
    const tg = (await openCampaign(w.deps, w.identity(6, 'telegram'), id, {})).participant;
    expect(await requirementOf(w.deps.db, await rewardOf('three'), tg, 'telegram')).toMatchObject({
      tasksRequired: 1,
      tasksDone: 0,
      met: false,
    });
    const d = (await w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.key, 'd')).limit(1))[0];
    if (!d) throw new Error('d');
    await w.write((tx) =>
      markTaskDone(tx, { campaignId: id, participantId: tg.id }, d, 'client_confirmed', w.clock.now),
    );
    expect(await fail(() => claimReward(w.deps, w.identity(6, 'telegram'), id, 'three'))).toBe('ok');
    // A reward whose tasks are all VK-only: not earnable on Telegram, and not free for zero tasks.
    expect(await requirementOf(w.deps.db, await rewardOf('vk-only'), tg, 'telegram')).toMatchObject({
      met: false,
      notOnPlatform: true,
    });
    expect(await fail(() => claimReward(w.deps, w.identity(6, 'telegram'), id, 'vk-only'))).toBe('409 not_eligible');
    // VK asks for what the brand set.
    const vk = (await openCampaign(w.deps, w.identity(7), id, {})).participant;
    expect(await requirementOf(w.deps.db, await rewardOf('three'), vk, 'vk')).toMatchObject({ tasksRequired: 3 });
  });
});

describe('claiming', () => {
  it('is idempotent: a retry returns the same code', async () => {
    const { id } = await setupTasks();
    await w.reward(id, 'r', { poolId: await w.pool(id, 'p', ['C1', 'C2']) });
    const first = await claimReward(w.deps, w.identity(1), id, 'r');
    const again = await claimReward(w.deps, w.identity(1), id, 'r');
    expect(first.status).toBe('issued');
    expect(again).toEqual({ status: 'already_issued', grant: first.grant });
    expect(first.grant.code).toBe('C1');
    const issued = await w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'reward_issued'));
    expect(issued).toHaveLength(1);
  });

  it('never gives a code twice and shows sold-out when the pool is empty, recording it', async () => {
    const { id } = await setupTasks();
    await w.reward(id, 'r', { poolId: await w.pool(id, 'p', ['C1', 'C2']) });
    const codes: Array<string | null> = [];
    for (const u of [2, 3]) {
      await openCampaign(w.deps, w.identity(u), id, {});
      codes.push((await claimReward(w.deps, w.identity(u), id, 'r')).grant.code);
    }
    expect(new Set(codes).size).toBe(2);
    expect(await fail(() => claimReward(w.deps, w.identity(1), id, 'r'))).toBe('409 sold_out');
    const seen = await w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'sold_out_seen'));
    expect(seen).toHaveLength(1);
    // The ones who got a code still get it back.
    expect((await claimReward(w.deps, w.identity(2), id, 'r')).grant.code).toBe(codes[0]);
  });

  it('respects total stock and the per-day cap, which resets at the campaign day boundary', async () => {
    w = await createPromoWorld({}, Date.UTC(2026, 5, 1, 6)); // 09:00 in Moscow
    const id = await w.campaign({ settings: { resetHour: 10 }, timeZone: 'Europe/Moscow' });
    await w.reward(id, 'r', { stock: 3, dailyCap: 2 });
    const claim = async (u: number) => {
      await openCampaign(w.deps, w.identity(u), id, {});
      return await fail(() => claimReward(w.deps, w.identity(u), id, 'r'));
    };
    expect([await claim(1), await claim(2), await claim(3)]).toEqual(['ok', 'ok', '409 daily_cap_reached']);
    w.clock.advance(2 * HOUR); // 11:00 Moscow: past the 10:00 reset
    expect([await claim(3), await claim(4)]).toEqual(['ok', '409 sold_out']);
  });

  it('refuses claims while the campaign is not running, but still returns earlier grants', async () => {
    const { id } = await setupTasks();
    await w.reward(id, 'r');
    await w.reward(id, 'r2');
    await claimReward(w.deps, w.identity(1), id, 'r');
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'paused' }).where(eq(schema.campaigns.id, id)));
    expect(await fail(() => claimReward(w.deps, w.identity(1), id, 'r2'))).toBe('409 campaign_paused');
    expect(await fail(() => claimReward(w.deps, w.identity(1), id, 'r'))).toBe('ok');
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'live' }).where(eq(schema.campaigns.id, id)));
    w.clock.advance(31 * DAY);
    expect(await fail(() => claimReward(w.deps, w.identity(1), id, 'r2'))).toBe('409 campaign_ended');
    expect(await fail(() => claimReward(w.deps, w.identity(9), id, 'r2'))).toBe('409 not_joined');
    expect(await fail(() => claimReward(w.deps, w.identity(1), id, 'nope'))).toBe('404 reward_not_found');
  });
});
