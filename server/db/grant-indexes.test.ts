/**
 * The beta wipe (server/office/beta/wipe-tester-plays.ts) deletes grants, frees calendar moments by who won them and
 * returns codes a participant held. Each foreign key pointing at a deleted row is checked by a lookup in the child
 * table: without an index on the child column that lookup is a scan of every moment / play / code, once per row.
 * SQLite lists those foreign-key lookups in `EXPLAIN QUERY PLAN`; PostgreSQL runs them as internal triggers that
 * `EXPLAIN` does not show, so there the check is that each child column leads an index.
 */
import { inArray, sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../tests/support/test-deps.ts';
import { schema } from './client.ts';
import { PROCESS_DIALECT } from './dialect.ts';
import type { PgDb } from './postgres.ts';
import { queryPlan } from './query-plan.ts';

let world: TestWorld | undefined;
afterEach(() => {
  world?.close();
  world = undefined;
});

/** Child columns that a delete in the beta wipe makes the database look up, with the index that must serve them. */
const LOOKUPS = [
  { table: 'prize_moments', column: 'grant_id', index: 'prize_moments_grant_idx' },
  { table: 'prize_moments', column: 'won_by', index: 'prize_moments_won_by_idx' },
  { table: 'promo_code_plays', column: 'grant_id', index: 'promo_code_plays_grant_idx' },
  { table: 'promo_pool_codes', column: 'participant_id', index: 'promo_pool_codes_participant_idx' },
] as const;

it('item 3: deleting grants and participants looks up moments, code plays and held codes by index, never a scan', async () => {
  world = createTestWorld();
  const { db } = world.deps;
  if (PROCESS_DIALECT === 'postgres') {
    const rows = await (db as unknown as PgDb).execute<{ tablename: string; indexname: string; indexdef: string }>(
      sql`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()`,
    );
    for (const { table, column, index } of LOOKUPS) {
      const def = rows.rows.find((r) => r.tablename === table && r.indexname === index)?.indexdef ?? '';
      expect(def, `${table}.${column}`).toMatch(new RegExp(`\\(${column}\\)`));
    }
    return;
  }
  const ids = [1, 2];
  const deleteGrants = await queryPlan(
    db,
    db.delete(schema.grants).where(inArray(schema.grants.participantId, ids)).toSQL(),
  );
  const freeMoments = await queryPlan(
    db,
    db
      .update(schema.prizeMoments)
      .set({ wonBy: null, wonAt: null, grantId: null })
      .where(inArray(schema.prizeMoments.wonBy, ids))
      .toSQL(),
  );
  const deleteParticipants = await queryPlan(
    db,
    db.delete(schema.participants).where(inArray(schema.participants.id, ids)).toSQL(),
  );
  const plans = [...deleteGrants, ...freeMoments, ...deleteParticipants];
  for (const { table, column, index } of LOOKUPS)
    expect(plans, `${table}.${column}`).toContainEqual(
      expect.stringMatching(new RegExp(`SEARCH ${table} USING (COVERING )?INDEX ${index} \\(${column}=\\?\\)`)),
    );
  for (const table of ['prize_moments', 'promo_code_plays', 'promo_pool_codes'])
    expect(plans.filter((line) => line.startsWith(`SCAN ${table}`))).toEqual([]);
});
