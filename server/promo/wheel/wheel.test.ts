import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { markTaskDone } from '../tasks/task-records.ts';
import { createPromoWorld, DAY, HOUR, type PromoWorld, seededRandom } from '../testing/promo-world.ts';
import { drawSector, type Sector, spinWheel } from './wheel.service.ts';

let w: PromoWorld;
afterEach(async () => w.close());

type WheelOptions = { free?: number; limit?: number; resetHour?: number; loseWeight?: number; timeZone?: string };

async function setup(o: WheelOptions = {}, start = Date.UTC(2026, 5, 1, 9)) {
  w = await createPromoWorld({}, start);
  w.deps.random = seededRandom(42);
  return await w.campaign({
    mechanic: 'wheel',
    timeZone: o.timeZone ?? 'Europe/Moscow',
    settings: {
      wheel: {
        dailyFreeAttempts: o.free ?? 1,
        dailyAttemptLimit: o.limit ?? 3,
        resetHour: o.resetHour ?? 7,
        loseWeight: o.loseWeight ?? 0,
      },
    },
  });
}

async function spinCode(id: number, user: number): Promise<string> {
  try {
    const r = await spinWheel(w.deps, w.identity(user), id);
    return r.outcome === 'win' ? `win ${r.sector.key}` : `lose ${r.lossReason ?? ''}`.trim();
  } catch (err) {
    if (err instanceof ApiError) return err.code;
    throw err;
  }
}

describe('drawing', () => {
  it('lands on sectors in proportion to their weights (seeded)', async () => {
    w = await createPromoWorld();
    const sectors: Sector[] = [
      { key: 'a', label: 'a', rewardKey: 'a', weight: 10, odds: 0.1 },
      { key: 'b', label: 'b', rewardKey: 'b', weight: 30, odds: 0.3 },
      { key: 'lose', label: 'x', rewardKey: null, weight: 60, odds: 0.6 },
    ];
    const random = seededRandom(7);
    const counts: Record<string, number> = { a: 0, b: 0, lose: 0 };
    for (let i = 0; i < 20_000; i++) {
      const key = drawSector(sectors, random).key;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect((counts.a ?? 0) / 20_000).toBeCloseTo(0.1, 1);
    expect((counts.b ?? 0) / 20_000).toBeCloseTo(0.3, 1);
    expect((counts.lose ?? 0) / 20_000).toBeCloseTo(0.6, 1);
    expect(drawSector(sectors, () => 0.0999).key).toBe('a');
    expect(drawSector(sectors, () => 0.1).key).toBe('b');
    expect(drawSector(sectors, () => 0.99999).key).toBe('lose');
  });
});

describe('wheel attempts', () => {
  it('one free attempt a day, renewed at the reset hour in the campaign time zone', async () => {
    // 03:00 UTC = 06:00 in Moscow, before the 07:00 reset.
    const id = await setup({ free: 1, loseWeight: 1 }, Date.UTC(2026, 5, 1, 3));
    await openCampaign(w.deps, w.identity(1), id, {});
    expect(await spinCode(id, 1)).toBe('lose');
    expect(await spinCode(id, 1)).toBe('no_attempts');
    w.clock.advance(HOUR + 1); // 07:00 Moscow
    expect(await spinCode(id, 1)).toBe('lose');
    expect(await spinCode(id, 1)).toBe('no_attempts');
  });

  it('the state names when the next free attempt comes: the reset hour in the campaign zone, none past the end', async () => {
    const start = Date.UTC(2026, 5, 1, 9); // 12:00 in Moscow: the next day starts at 07:00 Moscow, 04:00 UTC
    let opened = false;
    const nextFreeAt = async (o: WheelOptions, endsAt?: number) => {
      if (opened) await w.close();
      w = await createPromoWorld({}, start);
      opened = true;
      const id = await w.campaign({
        mechanic: 'wheel',
        timeZone: 'Europe/Moscow',
        ...(endsAt ? { endsAt } : {}),
        settings: { wheel: { dailyFreeAttempts: o.free ?? 1, dailyAttemptLimit: 3, resetHour: 7, loseWeight: 1 } },
      });
      return (await (await w.call('GET', `/api/campaigns/${id}/state`, 1)).json()).wheel.nextFreeAt;
    };
    expect(await nextFreeAt({ free: 1 })).toBe(Date.UTC(2026, 5, 2, 4));
    expect(await nextFreeAt({ free: 0 })).toBeNull();
    expect(await nextFreeAt({ free: 1 }, Date.UTC(2026, 5, 2, 3))).toBeNull();
  });

  it('the same instant is a new day in one time zone and not in another', async () => {
    const at = Date.UTC(2026, 5, 1, 21, 30); // 00:30 in Moscow, 07:30 in Vladivostok
    for (const [timeZone, expected] of [
      ['Europe/Moscow', 'no_attempts'],
      ['Asia/Vladivostok', 'lose'],
    ] as const) {
      const id = await setup({ free: 1, loseWeight: 1, resetHour: 7, timeZone }, Date.UTC(2026, 5, 1, 20));
      await openCampaign(w.deps, w.identity(1), id, {});
      expect(await spinCode(id, 1)).toBe('lose');
      w.clock.set(at);
      expect(await spinCode(id, 1)).toBe(expected);
      w.close();
    }
    w = await createPromoWorld();
  });

  it('tasks earn bonus attempts once; the daily limit caps free and bonus together', async () => {
    const id = await setup({ free: 1, limit: 3, loseWeight: 1 });
    await w.task(id, 'join', 'join_community', {}, { attemptsGranted: 3 });
    const p = (await openCampaign(w.deps, w.identity(1), id, {})).participant;
    const task = (await w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.key, 'join')).limit(1))[0];
    if (!task) throw new Error('no task');
    await w.write((tx) =>
      markTaskDone(tx, { campaignId: id, participantId: p.id }, task, 'server_verified', w.clock.now),
    );
    const first = await spinWheel(w.deps, w.identity(1), id);
    expect(first.attempts).toMatchObject({ freeLeftToday: 0, bonusLeft: 3, availableNow: 2 });
    expect([await spinCode(id, 1), await spinCode(id, 1), await spinCode(id, 1)]).toEqual([
      'lose',
      'lose',
      'daily_limit',
    ]);
    w.clock.advance(DAY);
    // Next day: one free, then the last bonus attempt, then nothing left.
    expect([await spinCode(id, 1), await spinCode(id, 1), await spinCode(id, 1)]).toEqual([
      'lose',
      'lose',
      'no_attempts',
    ]);
  });
});

describe('wheel prizes', () => {
  it('respects stock and per-day caps, and a participant wins a prize once', async () => {
    const id = await setup({ free: 1, loseWeight: 1 });
    w.deps.random = () => 0; // always the first sector on the wheel
    await w.reward(id, 'tee', { unlock: { wheel: true }, weight: 1, stock: 3, dailyCap: 2 });
    const results: string[] = [];
    for (const u of [1, 2, 3]) {
      await openCampaign(w.deps, w.identity(u), id, {});
      results.push(await spinCode(id, u));
    }
    // The third user's wheel no longer holds the tee (today's cap is reached): the only sector left is a loss.
    expect(results).toEqual(['win tee', 'win tee', 'lose']);
    w.clock.advance(DAY);
    expect(await spinCode(id, 1)).toBe('lose');
    expect(await spinCode(id, 3)).toBe('win tee');
    await openCampaign(w.deps, w.identity(4), id, {});
    expect(await spinCode(id, 4)).toBe('lose');
    const grants = await w.deps.db.select().from(schema.grants);
    expect(grants).toHaveLength(3);
    const attempts = await w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'attempt'));
    expect(attempts).toHaveLength(6);
  });

  it("item 16: a sector won (per-user limit reached) leaves that user's wheel, the odds are re-weighted and disclosed, and every spin lands on what is granted", async () => {
    const id = await setup({ free: 1, limit: 50, loseWeight: 2 });
    await w.reward(id, 'five', { unlock: { wheel: true }, weight: 6, title: 'Скидка 5%' });
    await w.reward(id, 'twenty', { unlock: { wheel: true }, weight: 2, title: 'Скидка 20%' });
    await w.task(id, 'join', 'join_community', {}, { attemptsGranted: 40 });
    const p = (await openCampaign(w.deps, w.identity(1), id, {})).participant;
    const task = (await w.deps.db.select().from(schema.tasks).where(eq(schema.tasks.key, 'join')).limit(1))[0];
    if (!task) throw new Error('no task');
    await w.write((tx) =>
      markTaskDone(tx, { campaignId: id, participantId: p.id }, task, 'server_verified', w.clock.now),
    );
    const state = async () => (await (await w.call('GET', `/api/campaigns/${id}/state`, 1)).json()).wheel;
    expect((await state()).sectors.map((s: Sector) => [s.key, s.odds])).toEqual([
      ['five', 0.6],
      ['twenty', 0.2],
      ['lose', 0.2],
    ]);
    // Force the first draw onto "five" (the first sector), then keep spinning at random.
    w.deps.random = () => 0;
    const first = await spinWheel(w.deps, w.identity(1), id);
    expect(first).toMatchObject({ outcome: 'win', sector: { key: 'five' }, prize: { rewardKey: 'five' } });
    const wheel = await state();
    expect(wheel.sectors.map((s: Sector) => s.key)).toEqual(['twenty', 'lose']);
    expect(wheel.sectors.map((s: Sector) => s.odds)).toEqual([0.5, 0.5]);
    expect(wheel.excluded).toEqual([{ key: 'five', label: 'Скидка 5%', reason: 'already_won' }]);
    w.deps.random = () => 0; // the same point of the draw now lands on "twenty", never on the won "five"
    const second = await spinWheel(w.deps, w.identity(1), id);
    expect(second.sectors.map((s) => s.key)).toEqual(['twenty', 'lose']);
    expect(second).toMatchObject({ outcome: 'win', sector: { key: 'twenty' }, lossReason: null });
    w.deps.random = seededRandom(3);
    for (let i = 0; i < 20; i++) {
      const r = await spinWheel(w.deps, w.identity(1), id);
      // Where the wheel stops is what the user gets: a prize sector is always a win, and it is on the wheel drawn.
      expect(r.sectors.map((s) => s.key)).toEqual(['lose']);
      expect(r.sector.key).toBe('lose');
      expect(r.lossReason).toBeNull();
    }
  });

  it('item 16: a sector that can never be landed on (weight 0) is not on the wheel; an empty wheel is a sure loss', async () => {
    const id = await setup({ free: 1, loseWeight: 0 });
    await w.reward(id, 'tee', { unlock: { wheel: true }, weight: 1, stock: 1 });
    await w.reward(id, 'never', { unlock: { wheel: true }, weight: 0 });
    await openCampaign(w.deps, w.identity(1), id, {});
    const won = await spinWheel(w.deps, w.identity(1), id);
    expect(won.sectors.map((s) => [s.key, s.odds])).toEqual([['tee', 1]]);
    expect(won.outcome).toBe('win');
    await openCampaign(w.deps, w.identity(2), id, {});
    const lost = await spinWheel(w.deps, w.identity(2), id);
    expect(lost.sectors.map((s) => [s.key, s.odds])).toEqual([['lose', 1]]);
  });

  it('a prize with a code takes it from the pool; an empty pool leaves the wheel', async () => {
    const id = await setup({ free: 1, loseWeight: 0 });
    await w.reward(id, 'code', { unlock: { wheel: true }, weight: 1, poolId: await w.pool(id, 'p', ['W-1']) });
    await openCampaign(w.deps, w.identity(1), id, {});
    await openCampaign(w.deps, w.identity(2), id, {});
    expect((await spinWheel(w.deps, w.identity(1), id)).prize?.code).toBe('W-1');
    expect(await spinCode(id, 2)).toBe('lose');
  });

  it('with a seeded generator the win rate follows the published odds', async () => {
    const id = await setup({ free: 1, loseWeight: 3 });
    await w.reward(id, 'p', { unlock: { wheel: true }, weight: 1 });
    let wins = 0;
    for (let u = 1; u <= 200; u++) {
      await openCampaign(w.deps, w.identity(u), id, {});
      if ((await spinWheel(w.deps, w.identity(u), id)).outcome === 'win') wins++;
    }
    expect(wins / 200).toBeGreaterThan(0.17);
    expect(wins / 200).toBeLessThan(0.33);
  });

  it('refuses spins when the campaign is not running or has no wheel', async () => {
    const id = await setup();
    await openCampaign(w.deps, w.identity(1), id, {});
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'paused' }).where(eq(schema.campaigns.id, id)));
    expect(await spinCode(id, 1)).toBe('campaign_paused');
    const tasks = await w.campaign();
    await openCampaign(w.deps, w.identity(1), tasks, {});
    expect(await spinCode(tasks, 1)).toBe('wrong_mechanic');
  });
});
