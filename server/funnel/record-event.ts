/**
 * @module The one way a funnel fact is written: append the event and, in the same transaction, move the
 * participant's stage forward when the event names a later stage of the campaign's ordered `stages`.
 * A stage never moves backwards, so "who stopped where" stays an index range over participants.
 */
import { eq } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';

/** A database handle or a transaction opened on one. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

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
  return db.transaction((tx) => {
    const inserted = tx
      .insert(schema.events)
      .values({
        campaignId: event.campaignId,
        participantId: event.participantId ?? null,
        type: event.type,
        at: event.at,
        data: event.data ?? {},
      })
      .returning({ id: schema.events.id })
      .get();
    if (event.participantId == null) return { eventId: inserted.id, stageChanged: false };

    const participant = tx
      .select({ stage: schema.participants.stage, stageIndex: schema.participants.stageIndex })
      .from(schema.participants)
      .where(eq(schema.participants.id, event.participantId))
      .get();
    if (!participant) throw new Error(`participant ${event.participantId} does not exist`);
    const campaign = tx
      .select({ stages: schema.campaigns.stages })
      .from(schema.campaigns)
      .where(eq(schema.campaigns.id, event.campaignId))
      .get();
    const index = campaign?.stages.indexOf(event.type) ?? -1;
    if (index <= participant.stageIndex) {
      return { eventId: inserted.id, stage: participant.stage, stageChanged: false };
    }
    tx.update(schema.participants)
      .set({ stage: event.type, stageIndex: index, stageReachedAt: event.at })
      .where(eq(schema.participants.id, event.participantId))
      .run();
    return { eventId: inserted.id, stage: event.type, stageChanged: true };
  });
}
