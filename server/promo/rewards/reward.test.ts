import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { markTaskDone } from '../tasks/task-records.ts';
import { createPromoWorld, DAY, HOUR, type PromoWorld } from '../testing/promo-world.ts';
import { claimReward, requirementOf } from './reward.service.ts';

let w: PromoWorld;
afterEach(() => w.close());

function fail(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ApiError) return `${err.status} ${err.code}`;
    throw err;
  }
  return 'ok';
}

function setupTasks() {
  w = createPromoWorld();
  const id = w.campaign();
  for (const k of ['a', 'b', 'c', 'd'])
    w.task(id, k, k === 'd' ? 'visit_link' : 'join_community', k === 'd' ? { url: 'https://x' } : {});
  const p = openCampaign(w.deps, w.identity(1), id, {}).participant;
  const done = (key: string, level: 'server_verified' | 'client_confirmed') => {
    const task = w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.key, key)).get();
    if (!task) throw new Error(key);
    markTaskDone(w.deps.db, { campaignId: id, participantId: p.id }, task, level, w.clock.now);
  };
  return { id, p, done };
}

describe('unlocking rewards', () => {
  it('N of M tasks, and only server-verified ones where the reward says so', () => {
    const { id, done } = setupTasks();
    w.reward(id, 'two', { unlock: { tasks: 2 } });
    w.reward(id, 'strict', { unlock: { tasks: 2 }, requiresServerVerified: true });
    w.reward(id, 'all', { unlock: { tasks: 'all' } });
    w.reward(id, 'subset', { unlock: { tasks: 1, of: ['b'] } });
    const claim = (key: string) => fail(() => claimReward(w.deps, w.identity(1), id, key));
    expect(claim('two')).toBe('409 not_eligible');
    done('a', 'server_verified');
    done('d', 'client_confirmed');
    expect(claim('two')).toBe('ok');
    expect(claim('strict')).toBe('409 not_eligible');
    expect(claim('subset')).toBe('409 not_eligible');
    done('b', 'server_verified');
    expect(claim('strict')).toBe('ok');
    expect(claim('subset')).toBe('ok');
    expect(claim('all')).toBe('409 not_eligible');
    done('c', 'server_verified');
    expect(claim('all')).toBe('ok');
  });

  it('"all" counts only tasks that exist on the participant platform', () => {
    const { id } = setupTasks();
    w.reward(id, 'all', { unlock: { tasks: 'all' } });
    const reward = w.deps.db.select().from(schema.rewards).where(eq(schema.rewards.key, 'all')).get();
    if (!reward) throw new Error('no reward');
    const ok = openCampaign(w.deps, w.identity(5, 'ok'), id, {}).participant;
    expect(requirementOf(w.deps.db, reward, ok, 'ok')).toMatchObject({ tasksRequired: 1, tasksDone: 0 });
  });
});

describe('claiming', () => {
  it('is idempotent: a retry returns the same code', () => {
    const { id } = setupTasks();
    w.reward(id, 'r', { poolId: w.pool(id, 'p', ['C1', 'C2']) });
    const first = claimReward(w.deps, w.identity(1), id, 'r');
    const again = claimReward(w.deps, w.identity(1), id, 'r');
    expect(first.status).toBe('issued');
    expect(again).toEqual({ status: 'already_issued', grant: first.grant });
    expect(first.grant.code).toBe('C1');
    const issued = w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'reward_issued')).all();
    expect(issued).toHaveLength(1);
  });

  it('never gives a code twice and shows sold-out when the pool is empty, recording it', () => {
    const { id } = setupTasks();
    w.reward(id, 'r', { poolId: w.pool(id, 'p', ['C1', 'C2']) });
    const codes = [2, 3].map((u) => {
      openCampaign(w.deps, w.identity(u), id, {});
      return claimReward(w.deps, w.identity(u), id, 'r').grant.code;
    });
    expect(new Set(codes).size).toBe(2);
    expect(fail(() => claimReward(w.deps, w.identity(1), id, 'r'))).toBe('409 sold_out');
    const seen = w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'sold_out_seen')).all();
    expect(seen).toHaveLength(1);
    // The ones who got a code still get it back.
    expect(claimReward(w.deps, w.identity(2), id, 'r').grant.code).toBe(codes[0]);
  });

  it('respects total stock and the per-day cap, which resets at the campaign day boundary', () => {
    w = createPromoWorld({}, Date.UTC(2026, 5, 1, 6)); // 09:00 in Moscow
    const id = w.campaign({ settings: { resetHour: 10 }, timeZone: 'Europe/Moscow' });
    w.reward(id, 'r', { stock: 3, dailyCap: 2 });
    const claim = (u: number) => {
      openCampaign(w.deps, w.identity(u), id, {});
      return fail(() => claimReward(w.deps, w.identity(u), id, 'r'));
    };
    expect([claim(1), claim(2), claim(3)]).toEqual(['ok', 'ok', '409 daily_cap_reached']);
    w.clock.advance(2 * HOUR); // 11:00 Moscow: past the 10:00 reset
    expect([claim(3), claim(4)]).toEqual(['ok', '409 sold_out']);
  });

  it('refuses claims while the campaign is not running, but still returns earlier grants', () => {
    const { id } = setupTasks();
    w.reward(id, 'r');
    w.reward(id, 'r2');
    claimReward(w.deps, w.identity(1), id, 'r');
    w.deps.db.update(schema.campaigns).set({ status: 'paused' }).where(eq(schema.campaigns.id, id)).run();
    expect(fail(() => claimReward(w.deps, w.identity(1), id, 'r2'))).toBe('409 campaign_paused');
    expect(fail(() => claimReward(w.deps, w.identity(1), id, 'r'))).toBe('ok');
    w.deps.db.update(schema.campaigns).set({ status: 'live' }).where(eq(schema.campaigns.id, id)).run();
    w.clock.advance(31 * DAY);
    expect(fail(() => claimReward(w.deps, w.identity(1), id, 'r2'))).toBe('409 campaign_ended');
    expect(fail(() => claimReward(w.deps, w.identity(9), id, 'r2'))).toBe('409 not_joined');
    expect(fail(() => claimReward(w.deps, w.identity(1), id, 'nope'))).toBe('404 reward_not_found');
  });
});
