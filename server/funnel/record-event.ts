/**
 * @module The one way a funnel fact is written: append the event and, in the same transaction, move the
 * participant's stage forward when the event names a later stage of the campaign's ordered `stages`.
 * A stage never moves backwards, so "who stopped where" stays an index range over participants.
 */
import { and, eq, lt, sql } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { bound, rows, statement } from '../db/prepared.ts';
import { inserted } from '../db/rows.ts';
import { changedRows, type Tx } from '../db/transactions.ts';

const { campaigns, events, participants } = schema;
const insertEvent = statement((tx) =>
  tx
    .insert(events)
    .values({
      campaignId: sql.placeholder('campaignId'),
      participantId: sql.placeholder('participantId'),
      type: sql.placeholder('type'),
      at: sql.placeholder('at'),
      data: sql.placeholder('data'),
    })
    .returning({ id: events.id }),
);
// The condition on `stage_index` makes "never backwards" one statement.
const moveStage = statement((tx) =>
  tx
    .update(participants)
    .set({
      stage: bound('stage'),
      stageIndex: bound('stageIndex'),
      stageReachedAt: bound('at'),
    })
    .where(
      and(
        eq(participants.id, sql.placeholder('participantId')),
        lt(participants.stageIndex, sql.placeholder('stageIndex')),
      ),
    ),
);
const stagesQuery = statement((tx) =>
  tx
    .select({ stages: campaigns.stages })
    .from(campaigns)
    .where(eq(campaigns.id, sql.placeholder('campaignId')))
    .limit(rows(1)),
);

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
 * Appends an event and advances the participant's stage, inside the caller's transaction (both or neither).
 * An unknown participant is refused by the events table's foreign key.
 * @example await recordEvent(tx, { campaignId: 1, participantId: 7, type: 'task_done', at: now, data: { level: 'server_verified' } })
 */
export async function recordEvent(
  tx: Tx,
  event: FunnelEvent,
  /** The campaign's ordered stages, when the caller has just read the campaign row (saves reading it again). */
  campaignStages?: readonly string[],
): Promise<RecordedEvent> {
  const { id: eventId } = inserted(
    await insertEvent.run(tx, {
      campaignId: event.campaignId,
      participantId: event.participantId ?? null,
      type: event.type,
      at: event.at,
      data: event.data ?? {},
    }),
  );
  if (event.participantId == null) return { eventId, stageChanged: false };
  const stages = campaignStages ?? (await stagesOf(tx, event.campaignId));
  const stageIndex = stages?.indexOf(event.type) ?? -1;
  if (stageIndex < 0) return { eventId, stageChanged: false };
  const moved = await moveStage.run(tx, {
    participantId: event.participantId,
    stage: event.type,
    stageIndex,
    at: event.at,
  });
  return { eventId, stageChanged: changedRows(moved) === 1 };
}

async function stagesOf(tx: Tx, campaignId: number): Promise<string[] | undefined> {
  return (await stagesQuery.get(tx, { campaignId }))?.stages;
}
