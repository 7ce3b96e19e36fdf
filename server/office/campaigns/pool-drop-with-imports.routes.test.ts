/**
 * A code pool left out of a saved campaign is deleted when it holds no codes and no prize uses it (campaign-store.ts).
 * Its import jobs (decision 118) point at it. Before, such a pool was deleted regardless: the jobs' foreign key
 * refused the delete and the save answered 500, whether the jobs had ended (a file refused whole leaves a pool with
 * no codes and a failed job) or one was still running. Now an ended job, and a running one whose process stopped
 * beating (stale, decision 118), go with the pool, their set-aside codes too; a live running import keeps the pool:
 * the save is refused 409 `import_running` and nothing is saved, until the import ends.
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import { STALE_IMPORT_MS } from '../../promo/rewards/code-imports.ts';
import { type Body, createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

const read = async (id: number): Promise<Body> => (await w.json('GET', `/api/admin/campaigns/${id}`, EDITOR)).body;
const save = (doc: Body) => w.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, doc);

const write = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(w.deps.db, work);

/** A job of the pool as a start writes it, with `lines` codes set aside. */
async function job(campaignId: number, poolId: number, state: 'running' | 'done' | 'failed', beatAt: number) {
  const id = randomUUID();
  await write((tx) =>
    tx.insert(schema.codeImports).values({
      id,
      campaignId,
      poolId,
      state,
      progress: { phase: 'writing', lines: 2, linesParsed: 2, codes: 2, checked: 2, written: 2 },
      errors: [],
      startedAt: beatAt,
      updatedAt: beatAt,
      finishedAt: state === 'running' ? null : beatAt,
    }),
  );
  await write((tx) =>
    tx.insert(schema.codeImportRows).values([
      { importId: id, line: 1, code: `A-${id}` },
      { importId: id, line: 2, code: `B-${id}` },
    ]),
  );
  return id;
}

const left = async (poolId: number) => ({
  pools: (await w.deps.db.select().from(schema.codePools).where(eq(schema.codePools.id, poolId))).length,
  jobs: (await w.deps.db.select().from(schema.codeImports).where(eq(schema.codeImports.poolId, poolId))).length,
});
const setAside = async (importId: string) =>
  (await w.deps.db.select().from(schema.codeImportRows).where(eq(schema.codeImportRows.importId, importId))).length;

describe('a pool left out of the document while it has import jobs', () => {
  it('ended jobs and a stale one: the pool goes with them and their set-aside codes, 200', async () => {
    w = await createOfficeWorld();
    const id = await w.campaign({ status: 'draft' });
    const poolId = await w.pool(id, 'codes', []);
    const failed = await job(id, poolId, 'failed', Date.now() - 60_000);
    const stale = await job(id, poolId, 'running', Date.now() - 2 * STALE_IMPORT_MS);
    const { document } = await read(id);
    expect(document.pools.map((p: { key: string }) => p.key)).toEqual(['codes']);

    const saved = await save({ ...document, pools: [] });
    expect([saved.status, saved.body.error?.code]).toEqual([200, undefined]);
    expect(await left(poolId)).toEqual({ pools: 0, jobs: 0 });
    expect([await setAside(failed), await setAside(stale)]).toEqual([0, 0]);
  });

  it('a running import: refused 409 import_running, pool, job and its codes kept; once it ends, the pool goes', async () => {
    w = await createOfficeWorld();
    const id = await w.campaign({ status: 'draft' });
    const poolId = await w.pool(id, 'codes', []);
    const running = await job(id, poolId, 'running', Date.now());
    const { document } = await read(id);

    const refused = await save({ ...document, title: { ru: 'Новое имя', en: '' }, pools: [] });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'import_running']);
    expect(await left(poolId)).toEqual({ pools: 1, jobs: 1 });
    expect(await setAside(running)).toBe(2);
    expect((await read(id)).document.title.ru).not.toBe('Новое имя');

    // It ends (refused whole: no codes) and clears what it set aside, as csv-import.ts does.
    await write(async (tx) => {
      await tx
        .update(schema.codeImports)
        .set({ state: 'failed', finishedAt: Date.now() })
        .where(eq(schema.codeImports.id, running));
      await tx.delete(schema.codeImportRows).where(eq(schema.codeImportRows.importId, running));
    });
    expect((await save({ ...document, pools: [] })).status).toBe(200);
    expect(await left(poolId)).toEqual({ pools: 0, jobs: 0 });
  });
});
