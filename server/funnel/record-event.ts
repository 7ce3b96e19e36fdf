/**
 * @module The one way a funnel fact is written: append the event and, in the same transaction, move the
 * participant's stage forward when the event names a later stage of the campaign's ordered `stages`.
 * A stage never moves backwards, so "who stopped where" stays an index range over participants.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { memoInBatch } from '../db/batch-memo.ts';
import { type Db, schema } from '../db/client.ts';
import { atomically, type DbOrTx, prepared } from '../db/prepared.ts';

export type { DbOrTx };

const insertEvent = (db: Db) =>
  db
    .insert(schema.events)
    .values({
      campaignId: sql.placeholder('campaignId'),
      participantId: sql.placeholder('participantId'),
      type: sql.placeholder('type'),
      at: sql.placeholder('at'),
      data: sql.placeholder('data'),
    })
    .prepare();

const campaignStages = (db: Db) =>
  db
    .select({ stages: schema.campaigns.stages })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, sql.placeholder('id')))
    .prepare();

/** Moves the stage only forward: the condition on `stage_index` makes "never backwards" one statement. */
const advanceStage = (db: Db) =>
  db
    .update(schema.participants)
    .set({
      stage: sql`${sql.placeholder('stage')}`,
      stageIndex: sql`${sql.placeholder('stageIndex')}`,
      stageReachedAt: sql`${sql.placeholder('at')}`,
    })
    .where(
      and(
        eq(schema.participants.id, sql.placeholder('id')),
        lt(schema.participants.stageIndex, sql.placeholder('stageIndex')),
      ),
    )
    .prepare();

export interface FunnelEvent {
  campaignId: number;
  participantId?: number | null;
  /** e.g. `opened`, `task_started`, `task_done`, `attempt`, `reward_issued`, `sold_out_seen`, `rules_viewed`. */
  type: string;
  at: number;
  data?: Record<string, unknown>;
}

export interface RecordedEvent {
  eventId: number;
  /** Whether the event moved the participant to a later stage. */
  stageChanged: boolean;
}

/**
 * Appends an event and advances the participant's stage atomically (inside the caller's transaction when there is one).
 * An unknown participant is refused by the events table's foreign key.
 * @example recordEvent(db, { campaignId: 1, participantId: 7, type: 'task_done', at: now, data: { level: 'server_verified' } })
 */
export function recordEvent(db: DbOrTx, event: FunnelEvent): RecordedEvent {
  return atomically(db, (tx) => appendAndAdvance(tx, event));
}

function appendAndAdvance(tx: DbOrTx, event: FunnelEvent): RecordedEvent {
  const inserted = prepared(tx, insertEvent).run({
    campaignId: event.campaignId,
    participantId: event.participantId ?? null,
    type: event.type,
    at: event.at,
    data: event.data ?? {},
  });
  const eventId = Number(inserted.lastInsertRowid);
  if (event.participantId == null) return { eventId, stageChanged: false };
  const stages = memoInBatch(`stages:${event.campaignId}`, () =>
    prepared(tx, campaignStages).get({ id: event.campaignId }),
  );
  const stageIndex = stages?.stages.indexOf(event.type) ?? -1;
  if (stageIndex < 0) return { eventId, stageChanged: false };
  const moved = prepared(tx, advanceStage).run({
    stage: event.type,
    stageIndex,
    at: event.at,
    id: event.participantId,
  });
  return { eventId, stageChanged: moved.changes === 1 };
}
