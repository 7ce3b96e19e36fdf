/**
 * @module Broadcasts: a one-off message to a segment of a campaign's participants (stage, launch source, tags,
 * consent), now or scheduled, with a count preview and a dry run. Like rules, a broadcast keeps the quiet hours of
 * the campaign's time zone (it is held until they end) unless the brand sets `ignoreQuietHours`. Enqueueing writes
 * one outbox row per recipient in one transaction (unique per broadcast and user), so a broadcast can never go out
 * twice; cancelling closes the rows not sent yet.
 */
import { and, count, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { BroadcastSegment, MessageChannel } from '../db/schema/messaging.ts';
import { ApiError } from '../http/errors.ts';
import { enqueue, type OutboxDraft } from './outbox.ts';
import { taggedParticipantIds } from './participant-tags.ts';
import { quietEnd } from './quiet-hours.ts';

const { participants, campaigns, communities, consents, broadcasts, outbox } = schema;

export type BroadcastRow = typeof broadcasts.$inferSelect;

export interface Recipient {
  participantId: number;
  vkUserId: number;
  consent: boolean;
}

function campaignGroup(db: Db, campaignId: number): number {
  const row = db
    .select({ groupId: communities.vkGroupId })
    .from(campaigns)
    .innerJoin(communities, eq(communities.id, campaigns.communityId))
    .where(eq(campaigns.id, campaignId))
    .get();
  if (!row) throw new ApiError(409, 'no_community', `Campaign ${campaignId} has no VK community to send from`);
  return row.groupId;
}

/** Participants in the segment, with whether they allowed community messages. */
export function segmentRecipients(db: Db, segment: BroadcastSegment, channel: MessageChannel): Recipient[] {
  const groupId = campaignGroup(db, segment.campaignId);
  const where: SQL[] = [eq(participants.campaignId, segment.campaignId), eq(participants.platform, 'vk')];
  if (segment.stage) where.push(eq(participants.stage, segment.stage));
  if (segment.source) where.push(eq(participants.source, segment.source));
  // Any of the tags.
  if (segment.tags && segment.tags.length > 0)
    where.push(inArray(participants.id, taggedParticipantIds(db, segment.tags)));
  const rows = db
    .select({ id: participants.id, userId: participants.platformUserId, allowed: consents.allowed })
    .from(participants)
    .leftJoin(
      consents,
      and(
        eq(consents.vkGroupId, groupId),
        eq(consents.channel, 'message'),
        eq(consents.vkUserId, schema.participants.platformUserId),
      ),
    )
    .where(and(...where))
    .all();
  const list: Recipient[] = [];
  for (const r of rows) {
    const vkUserId = Number(r.userId);
    if (!Number.isSafeInteger(vkUserId)) continue;
    // Notifications: VK itself knows who allowed them and answers per user.
    const consent = channel === 'notification' ? true : r.allowed === true;
    list.push({ participantId: r.id, vkUserId, consent });
  }
  return list;
}

export interface Preview {
  total: number;
  withConsent: number;
  /** A few recipients who would get it (user ids). */
  sample: number[];
}

export function previewSegment(db: Db, segment: BroadcastSegment, channel: MessageChannel): Preview {
  const list = segmentRecipients(db, segment, channel);
  const ok = list.filter((r) => r.consent);
  return { total: list.length, withConsent: ok.length, sample: ok.slice(0, 20).map((r) => r.vkUserId) };
}

export interface NewBroadcast {
  campaignId: number;
  name: string;
  segment: Omit<BroadcastSegment, 'campaignId'>;
  channel: MessageChannel;
  intent?: string;
  text: string;
  fragment?: string;
  targetStage?: string;
  scheduledAt?: number;
  ignoreQuietHours?: boolean;
  quietFromHour?: number;
  quietToHour?: number;
}

const QUIET_DEFAULT = { from: 22, to: 9 };

/** When a broadcast asked for `at` may actually go out. */
function outsideQuietHours(
  b: Pick<BroadcastRow, 'ignoreQuietHours' | 'quietFromHour' | 'quietToHour'>,
  timeZone: string,
  at: number,
): number {
  return b.ignoreQuietHours ? at : quietEnd(at, timeZone, b.quietFromHour, b.quietToHour);
}

function campaignTimeZone(db: Db, campaignId: number): string {
  return db.select({ tz: campaigns.timeZone }).from(campaigns).where(eq(campaigns.id, campaignId)).get()?.tz ?? 'UTC';
}

export function createBroadcast(db: Db, b: NewBroadcast, now: number): BroadcastRow {
  const campaign = db.select().from(campaigns).where(eq(campaigns.id, b.campaignId)).get();
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${b.campaignId} does not exist`);
  for (const s of [b.segment.stage, b.targetStage]) {
    if (s !== undefined && !campaign.stages.includes(s)) {
      throw new ApiError(422, 'unknown_stage', `Stage "${s}" is not one of ${campaign.stages.join(', ')}`);
    }
  }
  campaignGroup(db, b.campaignId);
  const quiet = {
    ignoreQuietHours: b.ignoreQuietHours ?? false,
    quietFromHour: b.quietFromHour ?? QUIET_DEFAULT.from,
    quietToHour: b.quietToHour ?? QUIET_DEFAULT.to,
  };
  return db
    .insert(broadcasts)
    .values({
      ...quiet,
      campaignId: b.campaignId,
      name: b.name,
      segment: { ...b.segment, campaignId: b.campaignId },
      channel: b.channel,
      intent: b.intent ?? 'non_promo_newsletter',
      text: b.text,
      fragment: b.fragment ?? null,
      targetStage: b.targetStage ?? null,
      // Asked for a moment inside quiet hours: held until they end (the schedule pass enqueues it then).
      scheduledAt: outsideQuietHours(quiet, campaign.timeZone, b.scheduledAt ?? now),
    })
    .returning()
    .get();
}

/** Writes the outbox rows of a scheduled broadcast (idempotent: rows are unique per broadcast and user). */
export function enqueueBroadcast(db: Db, b: BroadcastRow, now: number, keyboard?: string): number {
  return db.transaction((tx) => {
    const current = tx.select({ status: broadcasts.status }).from(broadcasts).where(eq(broadcasts.id, b.id)).get();
    if (!current || current.status === 'cancelled') return 0;
    const groupId = campaignGroup(tx as unknown as Db, b.campaignId);
    // Picked up late (the schedule pass runs every minute): rows still wait for the end of quiet hours.
    const due = outsideQuietHours(b, campaignTimeZone(tx as unknown as Db, b.campaignId), now);
    const drafts: OutboxDraft[] = segmentRecipients(tx as unknown as Db, b.segment, b.channel)
      .filter((r) => r.consent)
      .map((r) => ({
        dedupeKey: `broadcast:${b.id}:${r.vkUserId}`,
        kind: 'broadcast',
        broadcastId: b.id,
        campaignId: b.campaignId,
        participantId: r.participantId,
        vkGroupId: groupId,
        vkUserId: r.vkUserId,
        channel: b.channel,
        text: b.text,
        extras: {
          intent: b.intent,
          ...(b.fragment ? { fragment: b.fragment } : {}),
          ...(keyboard && b.channel === 'message' ? { keyboard } : {}),
        },
        nextAttemptAt: due,
      }));
    const { inserted } = enqueue(tx, drafts, now);
    tx.update(broadcasts)
      .set({ status: 'enqueued', enqueuedCount: sql`${broadcasts.enqueuedCount} + ${inserted}` })
      .where(eq(broadcasts.id, b.id))
      .run();
    return inserted;
  });
}

export function dueBroadcasts(db: Db, now: number): BroadcastRow[] {
  return db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.status, 'scheduled'), lte(broadcasts.scheduledAt, now)))
    .all();
}

export interface CancelResult {
  broadcast: BroadcastRow;
  /** Outbox rows closed (not sent yet). Rows already with the sender finish; if one comes back for a retry, the
   * claim closes it too. */
  cancelled: number;
}

/** Cancels a scheduled broadcast, or the unsent part of one in progress; a finished or cancelled one is a 409. */
export function cancelBroadcast(db: Db, broadcastId: number, now: number): CancelResult {
  return db.transaction((tx) => {
    const b = tx.select().from(broadcasts).where(eq(broadcasts.id, broadcastId)).get();
    if (!b) throw new ApiError(404, 'broadcast_not_found', `Broadcast ${broadcastId} does not exist`);
    if (b.status === 'cancelled') throw new ApiError(409, 'already_cancelled', 'The broadcast is already cancelled');
    const open =
      tx
        .select({ n: count() })
        .from(outbox)
        .where(and(eq(outbox.broadcastId, b.id), inArray(outbox.status, ['queued', 'sending'])))
        .get()?.n ?? 0;
    if (b.status === 'enqueued' && open === 0) {
      throw new ApiError(409, 'broadcast_finished', 'Every message of this broadcast has already been handled');
    }
    const cancelled = tx
      .update(outbox)
      .set({ status: 'cancelled', errorReason: 'broadcast_cancelled', updatedAt: now })
      .where(and(eq(outbox.broadcastId, b.id), eq(outbox.status, 'queued')))
      .run().changes;
    const broadcast = tx
      .update(broadcasts)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(eq(broadcasts.id, b.id))
      .returning()
      .get();
    return { broadcast, cancelled };
  });
}

/** The broadcast, when it belongs to the campaign; otherwise a 404. */
export function broadcastOfCampaign(db: Db, campaignId: number, broadcastId: number): BroadcastRow {
  const b = db.select().from(schema.broadcasts).where(eq(schema.broadcasts.id, broadcastId)).get();
  if (!b || b.campaignId !== campaignId) {
    throw new ApiError(404, 'broadcast_not_found', `Broadcast ${broadcastId} does not exist`);
  }
  return b;
}
