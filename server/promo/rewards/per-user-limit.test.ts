/**
 * A reward's per-user limit: a play (wheel spin, pack code, calendar moment) may win the same reward up to
 * `perUserLimit` times, never more however many plays run at once; a claim stays one grant per participant.
 * Runs on SQLite and, with TEST_DIALECT=postgres, on PostgreSQL.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { createPromoWorld, type PromoWorld, seededRandom } from '../testing/promo-world.ts';
import { spinWheel } from '../wheel/wheel.service.ts';
import { claimReward } from './reward.service.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

async function wheelWith(perUserLimit: number) {
  w = await createPromoWorld();
  w.deps.random = seededRandom(42);
  const id = await w.campaign({
    mechanic: 'wheel',
    settings: { wheel: { dailyFreeAttempts: 10, dailyAttemptLimit: 10, resetHour: 7, loseWeight: 1 } },
  });
  // Practically always drawn while winnable (1 in a million loses), so the limit is what stops it.
  await w.reward(id, 'mug', { unlock: { wheel: true }, weight: 1_000_000, stock: 100, perUserLimit });
  const participant = (await openCampaign(w.deps, w.identity(1), id, {})).participant;
  return { id, participantId: participant.id };
}

const grantsOf = (participantId: number) =>
  w.deps.db.select().from(schema.grants).where(eq(schema.grants.participantId, participantId));

describe('per-user limits', () => {
  it('item 2: a wheel prize with perUserLimit 3 is won three times, then the wheel leaves it out', async () => {
    const { id, participantId } = await wheelWith(3);
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) outcomes.push((await spinWheel(w.deps, w.identity(1), id)).outcome);
    expect(outcomes).toEqual(['win', 'win', 'win', 'lose', 'lose']);
    const held = await grantsOf(participantId);
    expect(held.map((g) => g.nth).sort()).toEqual([1, 2, 3]);
  });

  it('item 2: six spins at once win a perUserLimit-2 prize exactly twice', async () => {
    const { id, participantId } = await wheelWith(2);
    const spins = await Promise.all(Array.from({ length: 6 }, () => spinWheel(w.deps, w.identity(1), id)));
    expect(spins.filter((s) => s.outcome === 'win')).toHaveLength(2);
    const held = await grantsOf(participantId);
    expect(held.map((g) => g.nth).sort()).toEqual([1, 2]);
  });

  it('item 2: a claim gives one grant whatever the limit says', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.reward(id, 'r', { stock: 10, perUserLimit: 3 });
    const p = (await openCampaign(w.deps, w.identity(1), id, {})).participant;
    const first = await claimReward(w.deps, w.identity(1), id, 'r');
    const again = await claimReward(w.deps, w.identity(1), id, 'r');
    expect([first.status, again.status]).toEqual(['issued', 'already_issued']);
    expect(await grantsOf(p.id)).toHaveLength(1);
  });
});
