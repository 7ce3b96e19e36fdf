/**
 * Decision 104 over HTTP, on either database. A pool's low-stock threshold could be set only when the pool was made
 * (no route changed it: 404 before), and the editor's problem for a pool with no free code read the same for a draft's
 * pool with none loaded yet and a live campaign's pool whose codes were all given out (`pool_without_codes` for both).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, EDITOR, NO_SECTION, type OfficeWorld, OTHER_BRAND } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

type Problem = { path: string; code: string; params: Record<string, unknown> };

async function create(templateKey: string): Promise<number> {
  const created = await w.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey });
  expect(created.status).toBe(201);
  return created.body.id as number;
}

const poolsOf = async (id: number) =>
  (await w.json('GET', `/api/admin/campaigns/${id}/pools`, EDITOR)).body.pools as {
    poolId: number;
    key: string;
    lowStockThreshold: number;
    lowStockAt: number;
  }[];

const poolId = async (id: number, key: string) => (await poolsOf(id)).find((p) => p.key === key)?.poolId as number;
const auditRows = async () =>
  (await w.deps.db.select().from(schema.officeAudit)).filter((a) => a.action === 'pool.threshold');

describe("a pool's low-stock threshold changes after the pool is made", () => {
  it('sets it, answers the line it warns at (capped at a tenth), records it once; the same value writes nothing', async () => {
    w = await createOfficeWorld();
    const id = await create('tasks-reward');
    await w.codes(id, 'discount15', 200);
    const pool = await poolId(id, 'discount15');
    const url = `/api/admin/campaigns/${id}/pools/${pool}`;

    const set = await w.json('PATCH', url, EDITOR, { lowStockThreshold: 15 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ key: 'discount15', lowStockThreshold: 15, lowStockAt: 15, total: 200 });
    // Above a tenth of the 200 loaded: kept as the brand set it, warned at 20 (decision 095's cap), as the answer says.
    const capped = await w.json('PATCH', url, EDITOR, { lowStockThreshold: 500 });
    expect(capped.body).toMatchObject({ lowStockThreshold: 500, lowStockAt: 20 });
    expect((await poolsOf(id)).find((p) => p.key === 'discount15')).toMatchObject({ lowStockThreshold: 500 });
    expect((await auditRows()).map((a) => [a.before, a.after, a.entityId, a.section])).toEqual([
      [{ lowStockThreshold: 50 }, { lowStockThreshold: 15 }, String(pool), 'prizes'],
      [{ lowStockThreshold: 15 }, { lowStockThreshold: 500 }, String(pool), 'prizes'],
    ]);

    // A retry of a save whose answer was lost: the state as it stands, word for word, and no second record.
    const again = await w.json('PATCH', url, EDITOR, { lowStockThreshold: 500 });
    expect(again).toEqual(capped);
    expect(await auditRows()).toHaveLength(2);
  });

  it('refuses bad input with its reason and writes nothing', async () => {
    w = await createOfficeWorld();
    const id = await create('tasks-reward');
    const pool = await poolId(id, 'discount15');
    const url = `/api/admin/campaigns/${id}/pools/${pool}`;
    for (const body of [{ lowStockThreshold: -1 }, { lowStockThreshold: 2.5 }, { lowStockThreshold: '7' }, {}]) {
      const res = await w.json('PATCH', url, EDITOR, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error.code).toBe('invalid_input');
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('lowStockThreshold');
    }
    expect(
      (await w.json('PATCH', `/api/admin/campaigns/${id}/pools/999999`, EDITOR, { lowStockThreshold: 5 })).body,
    ).toMatchObject({ error: { code: 'pool_not_found' } });

    // An entry pool's codes are plays, not prizes running out: it warns only when none is left.
    const packs = await create('pack-code');
    const entry = (await w.json('GET', `/api/admin/campaigns/${packs}/pools`, EDITOR)).body.pools.find(
      (p: { purpose: string }) => p.purpose === 'entry',
    );
    const refused = await w.json('PATCH', `/api/admin/campaigns/${packs}/pools/${entry.poolId}`, EDITOR, {
      lowStockThreshold: 10,
    });
    expect([refused.status, refused.body.error.code, refused.body.error.issues[0].path]).toEqual([
      422,
      'entry_pool_threshold',
      'lowStockThreshold',
    ]);
    expect((await poolsOf(id))[0]?.lowStockThreshold).toBe(50);
    expect(await auditRows()).toEqual([]);
  });

  it('an entry pool warns only when none is left, whichever route writes it: made by the API, saved in a document', async () => {
    w = await createOfficeWorld();
    const id = await create('tasks-reward');
    const made = async (body: object) => w.json('POST', `/api/admin/campaigns/${id}/pools`, EDITOR, body);
    // No threshold asked: the API's default was 20 for any pool, so a pack-code pool warned at 20 codes left.
    const entry = await made({ key: 'packs', name: 'Packs', purpose: 'entry' });
    expect([entry.status, entry.body.lowStockThreshold]).toEqual([201, 0]);
    const prize = await made({ key: 'gifts', name: 'Gifts' });
    expect([prize.status, prize.body.lowStockThreshold]).toEqual([201, 20]);
    // Asked for one, refused as the threshold route refuses it; nothing made.
    const refused = await made({ key: 'packs2', name: 'Packs', purpose: 'entry', lowStockThreshold: 10 });
    expect([refused.status, refused.body.error.code, refused.body.error.issues[0].path]).toEqual([
      422,
      'entry_pool_threshold',
      'lowStockThreshold',
    ]);
    expect((await poolsOf(id)).map((p) => p.key)).not.toContain('packs2');

    // A campaign's save: the editor never shows an entry pool's threshold, and a document read back from a database
    // written before this rule may carry one; the save keeps the pool at 0 rather than refusing a field nobody sees.
    const doc = (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.document;
    const pools = doc.pools.map((p: { key: string }) => (p.key === 'packs' ? { ...p, lowStockThreshold: 7 } : p));
    const saved = await w.json('PUT', `/api/admin/campaigns/${id}`, EDITOR, { ...doc, pools });
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(200);
    expect((await poolsOf(id)).find((p) => p.key === 'packs')?.lowStockThreshold).toBe(0);
    expect((await poolsOf(id)).find((p) => p.key === 'gifts')?.lowStockThreshold).toBe(20);
  });

  it("is the `prizes` right on the pool's brand, checked by the server", async () => {
    w = await createOfficeWorld();
    const id = await create('tasks-reward');
    const url = `/api/admin/campaigns/${id}/pools/${await poolId(id, 'discount15')}`;
    expect((await w.json('PATCH', url, NO_SECTION, { lowStockThreshold: 5 })).status).toBe(403);
    expect((await w.json('PATCH', url, OTHER_BRAND, { lowStockThreshold: 5 })).status).toBe(404);
    expect((await poolsOf(id))[0]?.lowStockThreshold).toBe(50);
    expect(await auditRows()).toEqual([]);
  });
});

describe('a pool with no free code says whether none was loaded or all were used', () => {
  it('none loaded: pool_without_codes; all 3 given out: pool_used_up with the count loaded', async () => {
    w = await createOfficeWorld();
    const id = await create('tasks-reward');
    const problem = async () =>
      ((await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body.problems as Problem[]).find(
        (p) => p.path === 'rewards.0.poolKey',
      );
    expect(await problem()).toMatchObject({
      code: 'pool_without_codes',
      params: { poolKey: 'discount15', pool: 'Промокоды −15%' },
    });
    await w.codes(id, 'discount15', 3);
    expect(await problem()).toBeUndefined();
    await w.write(async (tx) => {
      const [pool] = await tx
        .select()
        .from(schema.codePools)
        .where(and(eq(schema.codePools.campaignId, id), eq(schema.codePools.key, 'discount15')));
      const codes = await tx
        .select({ id: schema.poolCodes.id })
        .from(schema.poolCodes)
        .where(eq(schema.poolCodes.poolId, pool?.id ?? 0));
      const ids = codes.map((c) => c.id);
      await tx.update(schema.poolCodes).set({ usedAt: Date.now() }).where(inArray(schema.poolCodes.id, ids));
    });
    expect(await problem()).toMatchObject({
      code: 'pool_used_up',
      severity: 'error',
      params: { poolKey: 'discount15', pool: 'Промокоды −15%', total: 3 },
    });
  });
});
