/**
 * Taking free codes, on the dialect of the run (SQLite, or PostgreSQL under `TEST_DIALECT=postgres`): the oldest free
 * code is found through the free-code index, and concurrent takes on one pool each get a different code with bounded
 * retries (on PostgreSQL a transaction that met a serialization failure runs its next attempt alone in the process).
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../tests/support/test-deps.ts';
import { schema } from './client.ts';
import { PROCESS_DIALECT } from './dialect.ts';
import type { PgDb } from './postgres.ts';
import { queryPlan, usesIndex } from './query-plan.ts';
import { inserted } from './rows.ts';
import { takeFreeCode } from './take-free-code.ts';
import { inTransaction, serializationRetries } from './transactions.ts';

let world: TestWorld | undefined;
afterEach(() => {
  world?.close();
  world = undefined;
});

/** One campaign with a pool of `codes` codes and `participants` participants; returns their ids. */
async function poolWorld(w: TestWorld, codes: number, participants: number) {
  return w.write(async (tx) => {
    const agency = inserted(await tx.insert(schema.agencies).values({ name: 'A' }).returning());
    const brand = inserted(await tx.insert(schema.brands).values({ agencyId: agency.id, name: 'B' }).returning());
    const app = inserted(
      await tx.insert(schema.apps).values({ brandId: brand.id, name: 'app', vkAppId: w.config.VK_APP_ID }).returning(),
    );
    const campaign = inserted(
      await tx
        .insert(schema.campaigns)
        .values({
          brandId: brand.id,
          appId: app.id,
          slug: 'c',
          title: 'C',
          mechanic: 'tasks',
          status: 'live',
          startsAt: 0,
          endsAt: 1,
        })
        .returning(),
    );
    const pool = inserted(
      await tx.insert(schema.codePools).values({ campaignId: campaign.id, key: 'p', name: 'P' }).returning(),
    );
    for (let i = 0; i < codes; i += 1000) {
      await tx.insert(schema.poolCodes).values(
        Array.from({ length: Math.min(1000, codes - i) }, (_, j) => ({
          poolId: pool.id,
          code: `C-${String(i + j + 1).padStart(6, '0')}`,
        })),
      );
    }
    const ids = await tx
      .insert(schema.participants)
      .values(
        Array.from({ length: participants }, (_, i) => ({
          campaignId: campaign.id,
          platform: 'vk' as const,
          platformUserId: String(i + 1),
          stageReachedAt: 0,
          referralCode: `r${i + 1}`,
        })),
      )
      .returning({ id: schema.participants.id });
    return { poolId: pool.id, participantIds: ids.map((p) => p.id) };
  });
}

it('item 5: the oldest free code is found through the free-code index, not by walking past the used ones', async () => {
  world = createTestWorld();
  const w = world;
  const { poolId, participantIds } = await poolWorld(w, 3000, 1);
  const [participantId = 0] = participantIds;
  // Most of the pool used, as late in a campaign: the old plan on PostgreSQL walked the primary key past every one.
  await w.write((tx) => tx.update(schema.poolCodes).set({ usedAt: 1, participantId }));
  await w.write((tx) =>
    tx
      .update(schema.poolCodes)
      .set({ usedAt: null, participantId: null })
      .where(and(eq(schema.poolCodes.poolId, poolId), eq(schema.poolCodes.id, 2500))),
  );
  await w.write((tx) =>
    tx
      .update(schema.poolCodes)
      .set({ usedAt: null, participantId: null })
      .where(and(eq(schema.poolCodes.poolId, poolId), eq(schema.poolCodes.id, 2800))),
  );
  // With the statistics a live database has (autovacuum analyses a table this busy).
  if (PROCESS_DIALECT === 'postgres')
    await w.write((tx) => (tx as unknown as PgDb).execute(sql`ANALYZE promo_pool_codes`));
  const oldestFree = w.deps.db
    .select({ id: schema.poolCodes.id })
    .from(schema.poolCodes)
    .where(and(eq(schema.poolCodes.poolId, poolId), isNull(schema.poolCodes.usedAt)))
    .orderBy(asc(schema.poolCodes.id))
    .limit(1);
  const plan = await queryPlan(w.deps.db, oldestFree.toSQL());
  console.info(`item 5: plan on ${PROCESS_DIALECT}:\n${plan.join('\n')}`);
  // The index gives the order too: no sort of every free code, no filter over used ones.
  expect(usesIndex(plan, 'promo_pool_codes_free_idx'), plan.join('\n')).toBe(true);
  expect(plan.join('\n')).not.toMatch(/Sort|USE TEMP B-TREE|Filter/);
  const taken = await inTransaction(w.deps.db, (tx) => takeFreeCode(tx, poolId, participantId, 2));
  expect(taken?.code).toBe('C-002500');
});

it('item 5: 120 concurrent takes on one pool: 120 different codes, at most one retry each', async () => {
  world = createTestWorld();
  const w = world;
  const { poolId, participantIds } = await poolWorld(w, 200, 120);
  const before = serializationRetries();
  const taken = await Promise.all(
    participantIds.map((id) => inTransaction(w.deps.db, (tx) => takeFreeCode(tx, poolId, id, 1))),
  );
  const retries = serializationRetries() - before;
  expect(new Set(taken.map((t) => t?.code)).size).toBe(120);
  expect(taken.every(Boolean)).toBe(true);
  // Before, every retry met the same crowd again: 180 concurrent takes cost 628 retries (decision 020).
  expect(retries).toBeLessThanOrEqual(participantIds.length);
  console.info(`item 5: 120 concurrent takes on ${PROCESS_DIALECT}: ${retries} serialization retries`);
});
