/**
 * Decision 099 over HTTP, on either database. A manager walking the office read pools by their keys («В пуле
 * «quiz10» нет свободных кодов», "Codes: packs — 59 of 60"), a draft's pool with no code loaded yet listed as low
 * ("Low on codes: packs — 0 of 0"), and a wheel whose losing sector was set to 0 warned that its weights add up to 40,
 * not 100, though the spins read any positive sum as shares of it (wheel.service.ts). Red before: no pool name in the
 * problems or the list, `low: true` for 0 of 0, and `wheel_odds_not_100` among the problems.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

type Problem = { path: string; code: string; params: Record<string, unknown> };

async function create(templateKey: string): Promise<number> {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey });
  expect(created.status).toBe(201);
  return created.body.id as number;
}

const problemsOf = async (id: number): Promise<Problem[]> =>
  (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.problems;

const stockOf = async (id: number) =>
  (await w.json('GET', `/api/admin/campaigns?brandId=${w.brandId}`, EDITOR)).body.campaigns.find(
    (c: { id: number }) => c.id === id,
  ).stock;

describe('pools are named as the manager named them', () => {
  it('in the problems of an empty and a low pool, and in the campaign list', async () => {
    w = await createOfficeWorld();
    const id = await create('wheel-instant');
    const empty = (await problemsOf(id)).filter((p) => p.code === 'pool_without_codes');
    expect(empty.map((p) => p.params)).toEqual([
      { poolKey: 'wheel5', pool: 'Промокоды −5%' },
      { poolKey: 'wheel20', pool: 'Промокоды −20%' },
    ]);

    await w.codes(id, 'wheel5', 10);
    // 9 of the 10 given out: 1 left is at its line (a tenth of 10).
    await w.write(async (tx) => {
      const codes = await tx.select({ id: schema.poolCodes.id }).from(schema.poolCodes);
      await tx
        .update(schema.poolCodes)
        .set({ usedAt: Date.now() })
        .where(
          inArray(
            schema.poolCodes.id,
            codes.slice(1).map((c) => c.id),
          ),
        );
    });
    const low = (await problemsOf(id)).find((p) => p.code === 'pool_low_stock');
    expect(low?.params).toEqual({ poolKey: 'wheel5', pool: 'Промокоды −5%', free: 1, threshold: 1 });
    const byKey = (stock: { poolKey: string }[]) => [...stock].sort((a, b) => a.poolKey.localeCompare(b.poolKey));
    expect(byKey(await stockOf(id))).toEqual([
      { poolKey: 'wheel20', pool: 'Промокоды −20%', free: 0, total: 0, low: false },
      { poolKey: 'wheel5', pool: 'Промокоды −5%', free: 1, total: 10, low: true },
    ]);
  });

  it("the pack code's entry pool too; a pool whose name shows nothing goes by its key", async () => {
    w = await createOfficeWorld();
    const id = await create('pack-code');
    const entry = (await problemsOf(id)).find((p) => p.path === 'settings.packCode.poolKey');
    expect(entry).toMatchObject({ code: 'pool_without_codes', params: { poolKey: 'packs', pool: 'Коды из упаковок' } });

    // A name stored before names had to show something (a zero-width space) is no name.
    await w.write((tx) =>
      tx
        .update(schema.codePools)
        .set({ name: '\u200b' })
        .where(and(eq(schema.codePools.campaignId, id), eq(schema.codePools.key, 'packs'))),
    );
    const unnamed = (await problemsOf(id)).find((p) => p.path === 'settings.packCode.poolKey');
    expect(unnamed?.params).toEqual({ poolKey: 'packs', pool: 'packs' });
    expect(await stockOf(id)).toContainEqual(expect.objectContaining({ poolKey: 'packs', pool: 'packs' }));
  });
});

describe('a pool with no code loaded yet is not low', () => {
  it('0 of 0 is not low on the pools page or in the list; loaded and all given out it is', async () => {
    w = await createOfficeWorld();
    const id = await create('pack-code');
    const packs = async () =>
      (await w.json('GET', `/api/admin/campaigns/${id}/pools`, EDITOR)).body.pools.find(
        (p: { key: string }) => p.key === 'packs',
      );
    const listed = async () => (await stockOf(id)).find((s: { poolKey: string }) => s.poolKey === 'packs');
    expect((await stockOf(id)).map((s: { low: boolean }) => s.low)).toEqual([false, false]);
    expect(await packs()).toMatchObject({ key: 'packs', total: 0, lowStock: false, soldOut: false });

    await w.codes(id, 'packs', 3);
    await w.write((tx) => tx.update(schema.poolCodes).set({ usedAt: Date.now() }));
    expect(await listed()).toMatchObject({ poolKey: 'packs', free: 0, total: 3, low: true });
    expect(await packs()).toMatchObject({ key: 'packs', total: 3, lowStock: true, soldOut: true });
  });
});

describe('wheel weights are shares of their sum', () => {
  it('a wheel without its losing sector (30 + 9 + 1 = 40) has no problem about its weights', async () => {
    w = await createOfficeWorld();
    const id = await create('wheel-instant');
    const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...doc,
      settings: { ...doc.settings, wheel: { ...doc.settings.wheel, loseWeight: 0 } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.problems.filter((p: Problem) => p.code.startsWith('wheel_odds'))).toEqual([]);
    // No weight at all is still refused: nothing could be drawn.
    const none = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, {
      ...saved.body.document,
      rewards: saved.body.document.rewards.map((r: object) => ({ ...r, weight: 0 })),
    });
    expect(none.body.problems).toContainEqual(expect.objectContaining({ code: 'wheel_odds_all_zero' }));
  });
});
