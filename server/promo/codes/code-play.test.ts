/** The pack-code mechanic over HTTP: each code of the entry pool is one play, once ever, won by odds or the calendar. */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createPromoWorld, DAY, HOUR, type PromoWorld, seededRandom } from '../testing/promo-world.ts';

const START = Date.UTC(2026, 4, 31, 21);
let w: PromoWorld;
afterEach(async () => w.close());

async function setup(mode: 'odds' | 'calendar', codes = ['PACK-0001', 'PACK-0002', 'PACK-0003', 'PACK-0004']) {
  w = await createPromoWorld({}, START + HOUR);
  w.deps.random = seededRandom(3);
  const id = await w.campaign({
    mechanic: 'code',
    startsAt: START,
    endsAt: START + 10 * DAY,
    settings: { instantWin: { mode }, packCode: { poolKey: 'packs', loseWeight: 0 } },
  });
  await w.pool(id, 'packs', codes, 'entry');
  await w.pool(id, 'other', ['OTHER-1'], 'entry');
  await w.reward(id, 'mug', { unlock: { code: true }, weight: 1, stock: 2 });
  for (const u of [1, 2, 3]) expect((await w.call('POST', `/api/campaigns/${id}/open`, u, {})).status).toBe(200);
  return id;
}

const playAs = (id: number, user: number, code: string) =>
  w.call('POST', `/api/campaigns/${id}/code/play`, user, { code });

describe('pack-code instant win', () => {
  it('item 3: a valid code plays once (win by odds), its owner gets the same answer again, anyone else 409 code_used, an unknown or other-pool code 404', async () => {
    const id = await setup('odds');
    const first = await playAs(id, 1, ' pack-0001 ');
    expect(first.status).toBe(200);
    const won = await first.json();
    expect(won).toMatchObject({ outcome: 'win', repeated: false, prize: { rewardKey: 'mug', source: 'code' } });
    const again = await playAs(id, 1, 'PACK-0001');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'win', repeated: true, prize: { rewardKey: 'mug' } });
    const stolen = await playAs(id, 2, 'PACK-0001');
    expect(stolen.status).toBe(409);
    expect((await stolen.json()).error.code).toBe('code_used');
    for (const code of ['NOPE-9999', 'OTHER-1']) {
      const unknown = await playAs(id, 2, code);
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).error.code).toBe('code_unknown');
    }
    // A second code by the same participant is a second play; one grant per prize, so no second mug: a loss.
    const second = await (await playAs(id, 1, 'PACK-0002')).json();
    expect(second).toMatchObject({ outcome: 'lose', prize: null });
    const plays = await (await w.call('GET', `/api/campaigns/${id}/code/plays`, 1)).json();
    expect(plays.mode).toBe('odds');
    expect(plays.plays.map((p: { outcome: string }) => p.outcome)).toEqual(['lose', 'win']);
    const rows = await w.deps.db.select().from(schema.codePlays);
    expect(rows).toHaveLength(2);
  });

  it('item 3: one code typed by two users at once → one play, the other gets code_used', async () => {
    const id = await setup('odds');
    const answers = await Promise.all([playAs(id, 2, 'PACK-0003'), playAs(id, 3, 'PACK-0003')]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const rows = await w.deps.db.select().from(schema.codePlays);
    expect(rows).toHaveLength(1);
    const [code] = await w.deps.db.select().from(schema.poolCodes).where(eq(schema.poolCodes.code, 'PACK-0003'));
    expect(code?.participantId).toBe(rows[0]?.participantId);
    expect(await w.deps.db.select().from(schema.grants)).toHaveLength(1);
  });

  it('item 3: in calendar mode a code wins only at a moment; stock still caps', async () => {
    const id = await setup('calendar');
    const [mug] = await w.deps.db.select().from(schema.rewards).where(eq(schema.rewards.key, 'mug'));
    await w.write((tx) =>
      tx.insert(schema.prizeMoments).values([
        { campaignId: id, rewardId: mug?.id as number, at: START + 2 * HOUR },
        { campaignId: id, rewardId: mug?.id as number, at: START + 2 * HOUR },
        { campaignId: id, rewardId: mug?.id as number, at: START + 2 * HOUR },
      ]),
    );
    expect((await (await playAs(id, 1, 'PACK-0001')).json()).outcome).toBe('lose');
    w.clock.set(START + 3 * HOUR);
    expect((await (await playAs(id, 1, 'PACK-0002')).json()).outcome).toBe('win');
    expect((await (await playAs(id, 2, 'PACK-0003')).json()).outcome).toBe('win');
    // Stock 2 is gone: the third moment stays unwon and user 3 loses.
    expect((await (await playAs(id, 3, 'PACK-0004')).json()).outcome).toBe('lose');
    const unwon = (await w.deps.db.select().from(schema.prizeMoments)).filter((m) => m.wonBy === null);
    expect(unwon).toHaveLength(1);
  });

  it('item 3: wrong codes spend the code_attempt bucket (429 after 10), right ones do not; other mechanics refuse', async () => {
    const id = await setup('odds');
    for (let i = 0; i < 10; i++) expect((await playAs(id, 2, `WRONG-${i}`)).status).toBe(404);
    const limited = await playAs(id, 2, 'PACK-0004');
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('too_many_attempts');
    expect((await playAs(id, 3, 'PACK-0004')).status).toBe(200);
    const wheel = await w.campaign({ mechanic: 'wheel', settings: { wheel: {} } });
    await w.call('POST', `/api/campaigns/${wheel}/open`, 3, {});
    const wrong = await playAs(wheel, 3, 'PACK-0001');
    expect(wrong.status).toBe(409);
    expect((await wrong.json()).error.code).toBe('wrong_mechanic');
  });
});
