/**
 * @module The one way a funnel fact is written: append the event and, in the same transaction, move the
 * participant's stage forward when the event names a later stage of the campaign's ordered `stages`.
 * A stage never moves backwards, so "who stopped where" stays an index range over participants.
 */
import { eq, sql } from 'drizzle-orm';
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
    .returning({ id: schema.events.id })
    .prepare();

const participantStage = (db: Db) =>
  db
    .select({ stage: schema.participants.stage, stageIndex: schema.participants.stageIndex })
    .from(schema.participants)
    .where(eq(schema.participants.id, sql.placeholder('id')))
    .prepare();

const campaignStages = (db: Db) =>
  db
    .select({ stages: schema.campaigns.stages })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, sql.placeholder('id')))
    .prepare();

const advanceStage = (db: Db) =>
  db
    .update(schema.participants)
    .set({
      stage: sql`${sql.placeholder('stage')}`,
      stageIndex: sql`${sql.placeholder('stageIndex')}`,
      stageReachedAt: sql`${sql.placeholder('at')}`,
    })
    .where(eq(schema.participants.id, sql.placeholder('id')))
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
  /** The participant's stage after the event (unchanged when the event is not a later stage). */
  stage?: string;
  stageChanged: boolean;
}

/**
 * Appends an event and advances the participant's stage atomically (a savepoint when already in a transaction).
 * @example recordEvent(db, { campaignId: 1, participantId: 7, type: 'task_done', at: now, data: { level: 'server_verified' } })
 */
export function recordEvent(db: DbOrTx, event: FunnelEvent): RecordedEvent {
  return atomically(db, (tx) => appendAndAdvance(tx, event));
}

function appendAndAdvance(tx: DbOrTx, event: FunnelEvent): RecordedEvent {
  const inserted = prepared(tx, insertEvent).get({
    campaignId: event.campaignId,
    participantId: event.participantId ?? null,
    type: event.type,
    at: event.at,
    data: event.data ?? {},
  }) as { id: number };
  if (event.participantId == null) return { eventId: inserted.id, stageChanged: false };

  const participant = prepared(tx, participantStage).get({ id: event.participantId });
  if (!participant) throw new Error(`participant ${event.participantId} does not exist`);
  const campaign = prepared(tx, campaignStages).get({ id: event.campaignId });
  const index = campaign?.stages.indexOf(event.type) ?? -1;
  if (index <= participant.stageIndex) {
    return { eventId: inserted.id, stage: participant.stage, stageChanged: false };
  }
  prepared(tx, advanceStage).run({ stage: event.type, stageIndex: index, at: event.at, id: event.participantId });
  return { eventId: inserted.id, stage: event.type, stageChanged: true };
}
