/**
 * Decision 095 over HTTP, on either database: a pool's low-stock line is its threshold, but never above a tenth of the
 * codes loaded. The tasks template's pool warns at 50, so 50 fresh codes read «мало кодов» on the pools page, in the
 * campaign list and in the editor's problems before anything was given out (red before: low on all three).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

/** What the three screens say of the campaign's one pool `discount15`. */
async function lowOn(id: number) {
  const pools = await w.json('GET', `/api/admin/campaigns/${id}/pools`, EDITOR);
  const pool = pools.body.pools.find((p: { key: string }) => p.key === 'discount15');
  const list = await w.json('GET', `/api/admin/campaigns?brandId=${w.brandId}`, EDITOR);
  const listed = list.body.campaigns.find((c: { id: number }) => c.id === id).stock[0];
  const doc = await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR);
  const problem = doc.body.problems.find((p: { code: string }) => p.code === 'pool_low_stock');
  return { pools: pool.lowStock, at: pool.lowStockAt, list: listed.low, problem: problem?.params ?? null };
}

/** Marks all but `left` of the pool's codes given out. */
async function giveOutAllBut(id: number, left: number) {
  await w.write(async (tx) => {
    const [pool] = await tx
      .select()
      .from(schema.codePools)
      .where(and(eq(schema.codePools.campaignId, id), eq(schema.codePools.key, 'discount15')));
    const codes = await tx
      .select({ id: schema.poolCodes.id })
      .from(schema.poolCodes)
      .where(eq(schema.poolCodes.poolId, pool?.id ?? 0));
    const used = codes.slice(left).map((c) => c.id);
    await tx.update(schema.poolCodes).set({ usedAt: Date.now() }).where(inArray(schema.poolCodes.id, used));
  });
}

describe('a pool is low when most of what was loaded is gone', () => {
  it('50 fresh codes under the template threshold of 50 are not low; 5 left of them are, on every screen', async () => {
    w = await createOfficeWorld();
    const created = await w.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: w.brandId,
      templateKey: 'tasks-reward',
    });
    const id = created.body.id as number;
    expect(created.body.pools[0]).toMatchObject({ key: 'discount15', lowStockThreshold: 50 });
    await w.codes(id, 'discount15', 50);
    expect(await lowOn(id)).toEqual({ pools: false, at: 5, list: false, problem: null });

    await giveOutAllBut(id, 6);
    expect(await lowOn(id)).toMatchObject({ pools: false, list: false, problem: null });
    await giveOutAllBut(id, 5);
    expect(await lowOn(id)).toEqual({
      pools: true,
      at: 5,
      list: true,
      problem: { poolKey: 'discount15', pool: 'Промокоды −15%', free: 5, threshold: 5 },
    });

    // A big pool warns at the threshold the brand (or the template) chose.
    const poolId = (await w.json('GET', `/api/admin/campaigns/${id}/pools`, EDITOR)).body.pools[0].poolId as number;
    await w.write((tx) =>
      tx.insert(schema.poolCodes).values(Array.from({ length: 1000 }, (_, i) => ({ poolId, code: `BIG-${i}` }))),
    );
    expect(await lowOn(id)).toMatchObject({ pools: false, at: 50, list: false, problem: null });
  });
});
