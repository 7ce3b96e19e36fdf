/**
 * Issue 16: storing telemetry must not slow participant requests. A batch that lands before or between stored
 * sessions (a second tab, a late flush) re-reads that participant's events in a time range; without an index led by
 * the participant, SQLite walked every event of the whole campaign in that range (3 ms of CPU per batch with 300 open
 * apps, 0.8 ms with the index). Deleting a participant (the beta wipe) also looks up their events by this column.
 */
import { eq, sql } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { createTestWorld, type TestWorld } from '../../tests/support/test-deps.ts';
import { schema } from '../db/client.ts';
import { PROCESS_DIALECT } from '../db/dialect.ts';
import type { PgDb } from '../db/postgres.ts';
import { queryPlan, usesIndex } from '../db/query-plan.ts';
import { participantEventsBetween } from './telemetry-sessions.ts';

let world: TestWorld | undefined;
afterEach(() => {
  world?.close();
  world = undefined;
});

it('item 1: an out-of-order batch re-reads one participant’s events by index, and a deleted participant’s too', async () => {
  world = createTestWorld();
  const { db } = world.deps;
  if (PROCESS_DIALECT === 'postgres') {
    // PostgreSQL plans small test tables as sequential scans whatever the indexes: the index itself is what is checked.
    const rows = await (db as unknown as PgDb).execute<{ indexname: string; indexdef: string }>(
      sql`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'telemetry_events'`,
    );
    const def = rows.rows.find((r) => r.indexname === 'telemetry_events_participant_at_idx')?.indexdef ?? '';
    expect(def).toMatch(/\(participant_id, at\)/);
    return;
  }
  const refold = await queryPlan(db, participantEventsBetween(db, 1, 7, 0, 1).toSQL());
  expect(usesIndex(refold, 'telemetry_events_participant_at_idx'), refold.join('\n')).toBe(true);
  const deleteParticipant = await queryPlan(
    db,
    db.delete(schema.participants).where(eq(schema.participants.id, 7)).toSQL(),
  );
  const telemetryLookups = deleteParticipant.filter((line) => line.includes('telemetry_events'));
  expect(telemetryLookups.length, deleteParticipant.join('\n')).toBeGreaterThan(0);
  for (const line of telemetryLookups) expect(line).toContain('telemetry_events_participant_at_idx');
});
