/**
 * @module Broadcasts: a one-off message to a segment of a campaign's participants (stage, launch source, consent),
 * now or scheduled, with a count preview and a dry run. Enqueueing writes one outbox row per recipient in one
 * transaction (unique per broadcast and user), so a broadcast can never go out twice.
 */
import { and, eq, lte, type SQL } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { BroadcastSegment, MessageChannel } from '../db/schema/messaging.ts';
import { ApiError } from '../http/errors.ts';
import { enqueue, type OutboxDraft } from './outbox.ts';

const { participants, campaigns, communities, consents, broadcasts } = schema;

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
  return db
    .insert(broadcasts)
    .values({
      campaignId: b.campaignId,
      name: b.name,
      segment: { ...b.segment, campaignId: b.campaignId },
      channel: b.channel,
      intent: b.intent ?? 'non_promo_newsletter',
      text: b.text,
      fragment: b.fragment ?? null,
      targetStage: b.targetStage ?? null,
      scheduledAt: b.scheduledAt ?? now,
    })
    .returning()
    .get();
}

/** Writes the outbox rows of a scheduled broadcast (idempotent: rows are unique per broadcast and user). */
export function enqueueBroadcast(db: Db, b: BroadcastRow, now: number, keyboard?: string): number {
  return db.transaction((tx) => {
    const groupId = campaignGroup(tx as unknown as Db, b.campaignId);
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
      }));
    const { inserted } = enqueue(tx, drafts, now);
    tx.update(broadcasts)
      .set({ status: 'enqueued', enqueuedCount: b.enqueuedCount + inserted })
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
