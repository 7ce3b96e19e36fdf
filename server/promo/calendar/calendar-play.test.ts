/**
 * The prize calendar on a simulated clock (the test world's clock): wins land at their moments, unused moments roll
 * forward, two plays at one moment give one winner, and stock, daily caps and one grant per participant still apply.
 * Runs on SQLite and, with TEST_DIALECT=postgres, on PostgreSQL.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import { campaignDay } from '../campaign-day.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { resetHourOf } from '../promo-context.ts';
import type { RewardRow } from '../rewards/issue-reward.ts';
import { createPromoWorld, DAY, HOUR, type PromoWorld } from '../testing/promo-world.ts';
import { winByCalendar, winnablePrizes } from './calendar-play.ts';
import { drawMoments } from './moment-slots.ts';

const MINUTE = 60_000;
const START = Date.UTC(2026, 4, 31, 21, 0); // 1 June, 00:00 in Moscow
let w: PromoWorld;
afterEach(async () => w.close());

async function setup(prizes: { key: string; stock?: number; dailyCap?: number }[], endsIn = 10 * DAY) {
  w = await createPromoWorld({}, START);
  const id = await w.campaign({
    mechanic: 'code',
    startsAt: START,
    endsAt: START + endsIn,
    settings: { instantWin: { mode: 'calendar' }, packCode: { poolKey: 'packs' } },
  });
  for (const p of prizes) {
    await w.reward(id, p.key, { unlock: { code: true }, stock: p.stock ?? null, dailyCap: p.dailyCap ?? null });
  }
  const rewards = await w.deps.db
    .select()
    .from(schema.rewards)
    .where(eq(schema.rewards.campaignId, id))
    .orderBy(schema.rewards.id);
  const [campaign] = await w.deps.db.select().from(schema.campaigns).where(eq(schema.campaigns.id, id));
  return { id, rewards, campaign: campaign as typeof schema.campaigns.$inferSelect };
}

async function participants(campaignId: number, n: number): Promise<number[]> {
  const ids: number[] = [];
  for (let u = 1; u <= n; u++)
    ids.push((await openCampaign(w.deps, w.identity(1000 + u), campaignId, {})).participant.id);
  return ids;
}

async function addMoments(campaignId: number, rewardId: number, ats: number[]) {
  await w.write((tx) => tx.insert(schema.prizeMoments).values(ats.map((at) => ({ campaignId, rewardId, at }))));
}

/** One play by `participantId` now: the calendar decides among the prizes they can still win. */
async function play(
  s: { id: number; rewards: RewardRow[]; campaign: typeof schema.campaigns.$inferSelect },
  participantId: number,
) {
  const at = w.clock.now;
  const day = campaignDay(at, s.campaign.timeZone, resetHourOf(s.campaign));
  return inTransaction(w.deps.db, async (tx) => {
    const prizes = await winnablePrizes(tx, s.rewards, participantId, day);
    const won = await winByCalendar(tx, { campaignId: s.id, participantId, prizes, source: 'code', day, at });
    return won ? won.reward.key : null;
  });
}

async function moments(campaignId: number) {
  return w.deps.db
    .select()
    .from(schema.prizeMoments)
    .where(eq(schema.prizeMoments.campaignId, campaignId))
    .orderBy(schema.prizeMoments.at);
}

describe('prize calendar plays', () => {
  it('item 1: 10 moments over 10 days with a play every minute → one win on each day, each within a minute of its moment', async () => {
    const s = await setup([{ key: 'mug' }]);
    const reward = s.rewards[0] as RewardRow;
    const ats = drawMoments({
      mode: 'per_day',
      count: 1,
      from: START,
      to: START + 10 * DAY,
      timeZone: 'Europe/Moscow',
      resetHour: 0,
    });
    expect(ats).toHaveLength(10);
    await addMoments(s.id, reward.id, ats);
    const players = await participants(s.id, 12);
    // On PostgreSQL each play is a network round trip or four; a play every 15 minutes keeps the run short there.
    const step = process.env.TEST_DIALECT === 'postgres' ? 15 * MINUTE : MINUTE;
    const wins: { at: number; key: string }[] = [];
    // Each minute's play is by someone who has not won yet (a winner cannot win the same prize again).
    const waiting = [...players];
    for (let t = START; t < START + 10 * DAY; t += step) {
      w.clock.set(t);
      const key = await play(s, waiting[0] as number);
      if (key) {
        wins.push({ at: t, key });
        waiting.shift();
      }
    }
    expect(wins).toHaveLength(10);
    // Not all in the first hour: the wins are as far apart as the moments.
    expect(wins.filter((x) => x.at < START + HOUR).length).toBeLessThanOrEqual(1);
    expect(Math.max(...wins.map((x) => x.at)) - Math.min(...wins.map((x) => x.at))).toBeGreaterThanOrEqual(8 * DAY);
    const rows = await moments(s.id);
    // One moment in each local day, each won by the first play after it (within one play's interval: a moment in a
    // day's last minute is won at the next day's first play).
    expect(new Set(rows.map((m) => campaignDay(m.at, 'Europe/Moscow'))).size).toBe(10);
    for (const m of rows) {
      expect(m.wonBy).not.toBeNull();
      expect((m.wonAt as number) - m.at).toBeGreaterThanOrEqual(0);
      expect((m.wonAt as number) - m.at).toBeLessThan(step);
    }
    const grants = await w.deps.db.select().from(schema.grants).where(eq(schema.grants.campaignId, s.id));
    expect(grants).toHaveLength(10);
    expect(new Set(rows.map((m) => m.grantId))).toEqual(new Set(grants.map((g) => g.id)));
  }, 240_000);

  it('item 1: a play before any moment loses; unused moments roll forward to later plays, oldest first', async () => {
    const s = await setup([{ key: 'mug' }, { key: 'cap' }]);
    const [mug, cap] = s.rewards as [RewardRow, RewardRow];
    await addMoments(s.id, cap.id, [START + 2 * HOUR]);
    await addMoments(s.id, mug.id, [START + HOUR, START + 3 * DAY]);
    const [a, b, c, d] = await participants(s.id, 4);
    w.clock.set(START + 30 * MINUTE);
    expect(await play(s, a as number)).toBeNull();
    // Nobody plays for a day: both early moments are waiting; the next plays take them oldest first.
    w.clock.set(START + DAY + 5 * HOUR);
    expect(await play(s, b as number)).toBe('mug');
    expect(await play(s, c as number)).toBe('cap');
    expect(await play(s, d as number)).toBeNull();
    const rows = await moments(s.id);
    expect(rows.map((m) => [m.wonBy, m.wonAt])).toEqual([
      [b, START + DAY + 5 * HOUR],
      [c, START + DAY + 5 * HOUR],
      [null, null],
    ]);
  });

  it('item 1: two plays at one moment at once → exactly one winner; 12 at once for 3 moments → 3 winners, each moment once', async () => {
    const s = await setup([{ key: 'mug' }]);
    const mug = s.rewards[0] as RewardRow;
    await addMoments(s.id, mug.id, [START + HOUR]);
    const players = await participants(s.id, 14);
    w.clock.set(START + HOUR + MINUTE);
    const pair = await Promise.all([play(s, players[0] as number), play(s, players[1] as number)]);
    expect(pair.filter((k) => k === 'mug')).toHaveLength(1);

    await addMoments(s.id, mug.id, [START + HOUR, START + HOUR + 1, START + HOUR + 2]);
    const many = await Promise.all(players.slice(2).map((p) => play(s, p)));
    expect(many.filter((k) => k === 'mug')).toHaveLength(3);
    const rows = await moments(s.id);
    expect(rows.every((m) => m.wonBy !== null && m.grantId !== null)).toBe(true);
    const grants = await w.deps.db.select().from(schema.grants).where(eq(schema.grants.rewardId, mug.id));
    expect(grants).toHaveLength(4);
    expect(new Set(grants.map((g) => g.participantId)).size).toBe(4);
  }, 60_000);

  it("item 1: a daily cap leaves the moment for the next day; sold-out stock leaves it unwon; a winner's own prize is skipped", async () => {
    const s = await setup([
      { key: 'capped', dailyCap: 1 },
      { key: 'one', stock: 1 },
    ]);
    const [capped, one] = s.rewards as [RewardRow, RewardRow];
    await addMoments(s.id, capped.id, [START + HOUR, START + 2 * HOUR]);
    await addMoments(s.id, one.id, [START + HOUR, START + 4 * HOUR]);
    const [a, b, c, d] = await participants(s.id, 4);
    w.clock.set(START + 5 * HOUR);
    // a takes the oldest due moment; a again cannot win the same prize twice, so takes the other prize's moment.
    const first = await play(s, a as number);
    const second = await play(s, a as number);
    expect(new Set([first, second])).toEqual(new Set(['capped', 'one']));
    // capped is at its cap for today, one is sold out: b loses and both moments stay unwon.
    expect(await play(s, b as number)).toBeNull();
    const waiting = (await moments(s.id)).filter((m) => m.wonBy === null);
    expect(waiting.map((m) => m.rewardId).sort()).toEqual([capped.id, one.id].sort());
    // Next campaign day: the capped prize's moment rolls forward to c; one's stays (no stock), d loses.
    w.clock.set(START + DAY + HOUR);
    expect(await play(s, c as number)).toBe('capped');
    expect(await play(s, d as number)).toBeNull();
    const left = (await moments(s.id)).filter((m) => m.wonBy === null);
    expect(left.map((m) => m.rewardId)).toEqual([one.id]);
  });
});
