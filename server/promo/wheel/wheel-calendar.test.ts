/** The wheel under `settings.instantWin.mode = 'calendar'`: it stops on a prize only at the prize calendar's moments. */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { campaignState } from '../participation/state.service.ts';
import { createPromoWorld, DAY, HOUR, type PromoWorld, seededRandom } from '../testing/promo-world.ts';
import { spinWheel } from './wheel.service.ts';

const START = Date.UTC(2026, 4, 31, 21);
let w: PromoWorld;
afterEach(async () => w.close());

async function setup(mode: 'odds' | 'calendar') {
  w = await createPromoWorld({}, START + HOUR);
  // This generator lands on the prize (weight 1000 against lose 1) on every spin in odds mode.
  w.deps.random = seededRandom(7);
  const id = await w.campaign({
    mechanic: 'wheel',
    startsAt: START,
    endsAt: START + 10 * DAY,
    settings: {
      wheel: { dailyFreeAttempts: 3, dailyAttemptLimit: 3, resetHour: 0, loseWeight: 1 },
      instantWin: { mode },
    },
  });
  await w.reward(id, 'mug', { unlock: { wheel: true }, weight: 1000 });
  const [mug] = await w.deps.db.select().from(schema.rewards).where(eq(schema.rewards.key, 'mug'));
  await w.write((tx) =>
    tx.insert(schema.prizeMoments).values({ campaignId: id, rewardId: mug?.id as number, at: START + 2 * HOUR }),
  );
  for (const u of [1, 2, 3]) await openCampaign(w.deps, w.identity(u), id, {});
  return id;
}

describe('wheel and the prize calendar', () => {
  it('item 2: in calendar mode the wheel loses before the moment, wins the prize at it once, then loses again', async () => {
    const id = await setup('calendar');
    const first = await spinWheel(w.deps, w.identity(1), id);
    expect(first.outcome).toBe('lose');
    expect(first.sector.rewardKey).toBeNull();
    w.clock.set(START + 2 * HOUR + 1);
    const second = await spinWheel(w.deps, w.identity(2), id);
    expect(second.outcome).toBe('win');
    expect(second.sector.key).toBe('mug');
    expect(second.prize?.rewardKey).toBe('mug');
    const third = await spinWheel(w.deps, w.identity(3), id);
    expect(third.outcome).toBe('lose');
    const [moment] = await w.deps.db.select().from(schema.prizeMoments);
    const [grant] = await w.deps.db.select().from(schema.grants);
    expect(moment?.grantId).toBe(grant?.id);
    expect(grant?.source).toBe('wheel');
  });

  it('every prize is on a calendar wheel whatever its weight, and a spin won at a moment stops on its sector', async () => {
    await setup('calendar');
    const id = await w.campaign({
      mechanic: 'wheel',
      startsAt: START,
      endsAt: START + 10 * DAY,
      settings: {
        wheel: { dailyFreeAttempts: 3, dailyAttemptLimit: 3, resetHour: 0, loseWeight: 0 },
        instantWin: { mode: 'calendar' },
      },
    });
    await w.reward(id, 'cap', { unlock: { wheel: true }, weight: 0 });
    await w.reward(id, 'bag', { unlock: { wheel: true }, weight: 0 });
    const [cap] = await w.deps.db.select().from(schema.rewards).where(eq(schema.rewards.key, 'cap'));
    await w.write((tx) =>
      tx.insert(schema.prizeMoments).values({ campaignId: id, rewardId: cap?.id as number, at: START + 2 * HOUR }),
    );
    await openCampaign(w.deps, w.identity(4), id, {});
    // Red before: the weight-0 prizes were not drawn, the wheel was a single «lose» sector, and the won cap stopped on it.
    const state = await campaignState(w.deps, w.identity(4), id);
    expect(state.wheel?.sectors.map((s) => s.key)).toEqual(['cap', 'bag', 'lose']);
    w.clock.set(START + 2 * HOUR + 1);
    const won = await spinWheel(w.deps, w.identity(4), id);
    expect(won.prize?.rewardKey).toBe('cap');
    expect(won.sectors.map((s) => s.key)).toContain(won.sector.key);
    expect(won.sector.key).toBe('cap');
  });

  it('item 2: in odds mode (the default) the calendar is ignored and the weights decide, as before', async () => {
    const id = await setup('odds');
    const first = await spinWheel(w.deps, w.identity(1), id);
    expect(first.outcome).toBe('win');
    const [moment] = await w.deps.db.select().from(schema.prizeMoments);
    expect(moment?.wonBy).toBeNull();
  });

  it('item 5: the wheel state says what decides a spin, so the participant screen promises odds only when they decide', async () => {
    for (const mode of ['calendar', 'odds'] as const) {
      const id = await setup(mode);
      const state = await campaignState(w.deps, w.identity(1), id);
      expect(state.wheel?.decidedBy).toBe(mode);
      await w.close();
    }
    w = await createPromoWorld();
  });
});
