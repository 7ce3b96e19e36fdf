/**
 * @module Broadcasts: a one-off message to a segment of a campaign's participants (stage, launch source, tags,
 * consent), now or scheduled, with a count preview and a dry run. Like rules, a broadcast keeps the quiet hours of
 * the campaign's time zone (it is held until they end) unless the brand sets `ignoreQuietHours`. Enqueueing writes
 * one outbox row per recipient in one transaction (unique per broadcast and user), so a broadcast can never go out
 * twice; cancelling closes the rows not sent yet. A broadcast whose moment comes while the agency has switched the
 * brand off is not sent at all, later or now: it is cancelled with the reason `brand_switched_off` (decision 054).
 */
import { and, count, desc, eq, inArray, lte, type SQL, sql } from 'drizzle-orm';
import { brandSwitchedOff } from '../auth/permissions.ts';
import { requireCampaignStages } from '../campaigns/campaign-stages.ts';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { type Db, schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import type { BroadcastSegment, MessageChannel, MessageTexts } from '../db/schema/messaging.ts';
import { changedRows, inTransaction, type Tx } from '../db/transactions.ts';
import { withoutClientKey } from '../http/client-key.ts';
import { ApiError } from '../http/errors.ts';
import { broadcastSentWithKey, composedColumns } from './broadcast-keys.ts';
import { auditMailing, type MailingActor } from './mailing-audit.ts';
import { contentLanguage, messageText } from './message-language.ts';
import { notificationLengthIssues } from './notification-text.ts';
import { type AppTarget, campaignAppTarget } from './open-app-button.ts';
import { enqueue, type OutboxDraft } from './outbox.ts';
import { taggedParticipantIds } from './participant-tags.ts';
import { quietEnd } from './quiet-hours.ts';

const { participants, campaigns, consents, broadcasts, outbox } = schema;

export type BroadcastRow = typeof broadcasts.$inferSelect;

export interface Recipient {
  participantId: number;
  vkUserId: number;
  consent: boolean;
  language: ContentLanguage;
}

/** The community a campaign's messages go from and the app their button opens; 409 when it has no community. */
async function sendingTarget(db: Db | Tx, campaignId: number): Promise<AppTarget> {
  const target = await campaignAppTarget(db, campaignId);
  if (!target) throw new ApiError(409, 'no_community', `Campaign ${campaignId} has no VK community to send from`);
  return target;
}

/** Participants in the segment, with whether they allowed community messages. */
export async function segmentRecipients(
  db: Db | Tx,
  segment: BroadcastSegment,
  channel: MessageChannel,
): Promise<Recipient[]> {
  const { groupId } = await sendingTarget(db, segment.campaignId);
  const where: SQL[] = [eq(participants.campaignId, segment.campaignId), eq(participants.platform, 'vk')];
  if (segment.stage) where.push(eq(participants.stage, segment.stage));
  if (segment.source) where.push(eq(participants.source, segment.source));
  if (segment.languages && segment.languages.length > 0) where.push(inArray(participants.language, segment.languages));
  // Any of the tags.
  if (segment.tags && segment.tags.length > 0)
    where.push(inArray(participants.id, taggedParticipantIds(db, segment.tags)));
  const rows = await db
    .select({
      id: participants.id,
      userId: participants.platformUserId,
      allowed: consents.allowed,
      language: participants.language,
    })
    .from(participants)
    .leftJoin(
      consents,
      and(
        eq(consents.vkGroupId, groupId),
        eq(consents.channel, 'message'),
        // VK ids are numbers in consents and text in participants: SQLite converts on its own, PostgreSQL must be told.
        eq(consents.vkUserId, sql`cast(${schema.participants.platformUserId} as bigint)`),
      ),
    )
    .where(and(...where));
  const list: Recipient[] = [];
  for (const r of rows) {
    const vkUserId = Number(r.userId);
    if (!Number.isSafeInteger(vkUserId)) continue;
    // Notifications: VK itself knows who allowed them and answers per user.
    const consent = channel === 'notification' ? true : r.allowed === true;
    list.push({ participantId: r.id, vkUserId, consent, language: contentLanguage(r.language) });
  }
  return list;
}

export interface Preview {
  total: number;
  withConsent: number;
  /** Recipients with consent per language. */
  byLanguage: Record<ContentLanguage, number>;
  /** A few recipients who would get it (user ids). */
  sample: number[];
}

export async function previewSegment(db: Db, segment: BroadcastSegment, channel: MessageChannel): Promise<Preview> {
  const list = await segmentRecipients(db, segment, channel);
  const ok = list.filter((r) => r.consent);
  const byLanguage = { ru: 0, en: 0 };
  for (const r of ok) byLanguage[r.language] += 1;
  return { total: list.length, withConsent: ok.length, byLanguage, sample: ok.slice(0, 20).map((r) => r.vkUserId) };
}

export interface NewBroadcast {
  campaignId: number;
  name: string;
  segment: Omit<BroadcastSegment, 'campaignId'>;
  channel: MessageChannel;
  intent?: string;
  text: string;
  /** The text per language; each recipient gets theirs (server/mailing/message-language.ts). */
  texts?: MessageTexts;
  fragment?: string;
  targetStage?: string;
  scheduledAt?: number;
  ignoreQuietHours?: boolean;
  quietFromHour?: number;
  quietToHour?: number;
  /** The office's key for this composition: sent again, it is the broadcast already written (broadcast-keys.ts). */
  clientKey?: string;
}

/** How a broadcast's community message draws its button to the app, by the recipient's language. */
export type BroadcastKeyboard = (language: ContentLanguage, target: AppTarget) => string;

const QUIET_DEFAULT = { from: 22, to: 9 };

/** When a broadcast asked for `at` may actually go out. */
function outsideQuietHours(
  b: Pick<BroadcastRow, 'ignoreQuietHours' | 'quietFromHour' | 'quietToHour'>,
  timeZone: string,
  at: number,
): number {
  return b.ignoreQuietHours ? at : quietEnd(at, timeZone, b.quietFromHour, b.quietToHour);
}

async function campaignTimeZone(db: Db | Tx, campaignId: number): Promise<string> {
  const [row] = await db
    .select({ tz: campaigns.timeZone })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
    .limit(1);
  return row?.tz ?? 'UTC';
}

/**
 * The stages a broadcast (or its preview, or its dry run) names must be its campaign's: a segment of a stage the
 * campaign lacks would count, and reach, nobody.
 */
export function requireBroadcastStages(
  campaign: { stages: readonly string[] },
  b: { segment: { stage?: string }; targetStage?: string },
): void {
  requireCampaignStages(campaign, [
    ['segment.stage', b.segment.stage],
    ['targetStage', b.targetStage],
  ]);
}

/**
 * How far in the past a broadcast's `scheduledAt` may be and still mean "now" (decision 081): the office's clock and
 * ours may differ by this much, and a moment picked a minute ago is still the member's intent.
 */
export const SCHEDULE_SKEW_MS = 5 * 60_000;

/**
 * 422 `scheduled_in_past` for a moment earlier than now beyond the skew: it was sent at once and stored with a moment
 * long gone (`scheduledAt: 1`, a 1970 date in the list) that never was the member's plan.
 */
export function requireScheduleAhead(scheduledAt: number | undefined, now: number): void {
  if (scheduledAt === undefined || scheduledAt >= now - SCHEDULE_SKEW_MS) return;
  throw new ApiError(422, 'scheduled_in_past', 'The broadcast is scheduled in the past; choose a later moment', [
    { path: 'scheduledAt', message: 'in the past: choose a later moment, or send now' },
  ]);
}

/**
 * Writes the broadcast with its audit row. With `send`, one whose moment has come is enqueued in the same transaction,
 * so a send repeated with its key (broadcast-keys.ts) finds it sent, never half-way; that repeat is answered with the
 * broadcast already written, and writes nothing.
 * @example const b = await createBroadcast(db, draft, now, who, { keyboard: (row) => broadcastKeyboard(deps, row) });
 */
export async function createBroadcast(
  db: Db,
  b: NewBroadcast,
  now: number,
  who: MailingActor,
  send?: { keyboard(row: BroadcastRow): BroadcastKeyboard | undefined },
): Promise<BroadcastRow> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, b.campaignId)).limit(1);
  if (!campaign) throw new ApiError(404, 'campaign_not_found', `Campaign ${b.campaignId} does not exist`);
  requireScheduleAhead(b.scheduledAt, now);
  if (b.channel === 'notification') {
    const long = notificationLengthIssues([
      ['text', b.text],
      ...Object.entries(b.texts ?? {}).map(([l, t]): [string, string | undefined] => [`texts.${l}`, t]),
    ]);
    if (long.length > 0) throw new ApiError(422, 'invalid_input', 'The notification is too long', long);
  }
  requireBroadcastStages(campaign, b);
  await sendingTarget(db, b.campaignId);
  const quiet = {
    ignoreQuietHours: b.ignoreQuietHours ?? false,
    quietFromHour: b.quietFromHour ?? QUIET_DEFAULT.from,
    quietToHour: b.quietToHour ?? QUIET_DEFAULT.to,
  };
  return inTransaction(db, async (tx) => {
    const earlier = b.clientKey ? await broadcastSentWithKey(tx, b, b.clientKey) : undefined;
    if (earlier) return earlier;
    const rows = await tx
      .insert(broadcasts)
      .values({
        ...quiet,
        ...composedColumns(b),
        campaignId: b.campaignId,
        // Asked for a moment inside quiet hours: held until they end (the schedule pass enqueues it then).
        scheduledAt: outsideQuietHours(quiet, campaign.timeZone, b.scheduledAt ?? now),
        clientKey: b.clientKey ?? null,
      })
      .returning();
    const broadcast = inserted(rows);
    await auditMailing(tx, who, {
      action: 'broadcast.create',
      entity: 'broadcast',
      entityId: broadcast.id,
      after: withoutClientKey(broadcast),
    });
    if (send && broadcast.scheduledAt <= now) {
      await enqueueIn(tx, broadcast, now, send.keyboard(broadcast), who);
      return inserted(await tx.select().from(broadcasts).where(eq(broadcasts.id, broadcast.id)));
    }
    return broadcast;
  });
}

/**
 * Writes the outbox rows of a scheduled broadcast (idempotent: rows are unique per broadcast and user). When the
 * agency has switched the brand off it writes none and cancels the broadcast as `brand_switched_off`, so the office
 * shows it as not sent, and switching the brand back on does not send it at a moment nobody chose (decision 054).
 */
export async function enqueueBroadcast(
  db: Db,
  b: BroadcastRow,
  now: number,
  keyboard?: BroadcastKeyboard,
  /** The member who pressed "send now" (the schedule pass sends without one). */
  who?: MailingActor,
): Promise<number> {
  return inTransaction(db, (tx) => enqueueIn(tx, b, now, keyboard, who));
}

async function enqueueIn(
  tx: Tx,
  b: BroadcastRow,
  now: number,
  keyboard: BroadcastKeyboard | undefined,
  who: MailingActor | undefined,
): Promise<number> {
  const [current] = await tx
    .select({ status: broadcasts.status })
    .from(broadcasts)
    .where(eq(broadcasts.id, b.id))
    .limit(1);
  if (!current || current.status === 'cancelled') return 0;
  const [campaign] = await tx
    .select({ brandId: campaigns.brandId })
    .from(campaigns)
    .where(eq(campaigns.id, b.campaignId))
    .limit(1);
  if (campaign && (await brandSwitchedOff(tx, campaign.brandId))) {
    await tx
      .update(broadcasts)
      .set({ status: 'cancelled', cancelledAt: now, cancelReason: 'brand_switched_off' })
      .where(eq(broadcasts.id, b.id));
    return 0;
  }
  const target = await sendingTarget(tx, b.campaignId);
  // Picked up late (the schedule pass runs every minute): rows still wait for the end of quiet hours.
  const due = outsideQuietHours(b, await campaignTimeZone(tx, b.campaignId), now);
  const drafts: OutboxDraft[] = (await segmentRecipients(tx, b.segment, b.channel))
    .filter((r) => r.consent)
    .map((r) => ({
      dedupeKey: `broadcast:${b.id}:${r.vkUserId}`,
      kind: 'broadcast',
      broadcastId: b.id,
      campaignId: b.campaignId,
      participantId: r.participantId,
      vkGroupId: target.groupId,
      vkUserId: r.vkUserId,
      channel: b.channel,
      text: messageText(b.text, b.texts, r.language),
      extras: {
        intent: b.intent,
        ...(b.fragment ? { fragment: b.fragment } : {}),
        ...(keyboard && b.channel === 'message' ? { keyboard: keyboard(r.language, target) } : {}),
      },
      nextAttemptAt: due,
    }));
  const { inserted } = await enqueue(tx, drafts, now);
  await tx
    .update(broadcasts)
    .set({ status: 'enqueued', enqueuedCount: sql`${broadcasts.enqueuedCount} + ${inserted}` })
    .where(eq(broadcasts.id, b.id));
  if (who) {
    await auditMailing(tx, who, {
      action: 'broadcast.send',
      entity: 'broadcast',
      entityId: b.id,
      after: { enqueued: inserted },
    });
  }
  return inserted;
}

export async function dueBroadcasts(db: Db, now: number): Promise<BroadcastRow[]> {
  return db
    .select()
    .from(broadcasts)
    .where(and(eq(broadcasts.status, 'scheduled'), lte(broadcasts.scheduledAt, now)));
}

export interface CancelResult {
  broadcast: BroadcastRow;
  /** Queued outbox rows closed. Rows the sender already claimed are closed by its last look before the VK call
   * (outbox-stale.ts), or by the claim if one comes back for a retry; only a call already on its way to VK goes. */
  cancelled: number;
}

/** Cancels a scheduled broadcast, or the unsent part of one in progress; a finished or cancelled one is a 409. */
export async function cancelBroadcast(
  db: Db,
  broadcastId: number,
  now: number,
  who: MailingActor,
): Promise<CancelResult> {
  return inTransaction(db, async (tx) => {
    const [b] = await tx.select().from(broadcasts).where(eq(broadcasts.id, broadcastId)).limit(1);
    if (!b) throw new ApiError(404, 'broadcast_not_found', `Broadcast ${broadcastId} does not exist`);
    if (b.status === 'cancelled') throw new ApiError(409, 'already_cancelled', 'The broadcast is already cancelled');
    const [counted] = await tx
      .select({ n: count() })
      .from(outbox)
      .where(and(eq(outbox.broadcastId, b.id), inArray(outbox.status, ['queued', 'sending'])));
    const open = counted?.n ?? 0;
    if (b.status === 'enqueued' && open === 0) {
      throw new ApiError(409, 'broadcast_finished', 'Every message of this broadcast has already been handled');
    }
    const cancelled = changedRows(
      await tx
        .update(outbox)
        .set({ status: 'cancelled', errorReason: 'broadcast_cancelled', updatedAt: now })
        .where(and(eq(outbox.broadcastId, b.id), eq(outbox.status, 'queued'))),
    );
    const [broadcast] = await tx
      .update(broadcasts)
      .set({ status: 'cancelled', cancelledAt: now })
      .where(eq(broadcasts.id, b.id))
      .returning();
    if (!broadcast) throw new ApiError(404, 'broadcast_not_found', `Broadcast ${broadcastId} does not exist`);
    await auditMailing(tx, who, {
      action: 'broadcast.cancel',
      entity: 'broadcast',
      entityId: b.id,
      before: { status: b.status },
      after: { status: 'cancelled', cancelled },
    });
    return { broadcast, cancelled };
  });
}

/** The broadcast, when it belongs to the campaign; otherwise a 404. */
export async function broadcastOfCampaign(db: Db, campaignId: number, broadcastId: number): Promise<BroadcastRow> {
  const [b] = await db.select().from(schema.broadcasts).where(eq(schema.broadcasts.id, broadcastId)).limit(1);
  if (!b || b.campaignId !== campaignId) {
    throw new ApiError(404, 'broadcast_not_found', `Broadcast ${broadcastId} does not exist`);
  }
  return b;
}

/**
 * A campaign's broadcasts, newest first, each with how many of its messages were sent and how many are still to send
 * (queued or sending): the list tells one stopped half-way (a member, or the agency switching the brand off, decision
 * 064) from one that sent nothing, and one still sending from one finished, as the broadcast's page does.
 */
export async function campaignBroadcasts(
  db: Db,
  campaignId: number,
): Promise<(BroadcastRow & { sentCount: number; openCount: number })[]> {
  const rows = await db
    .select()
    .from(broadcasts)
    .where(eq(broadcasts.campaignId, campaignId))
    .orderBy(desc(broadcasts.id))
    .limit(200);
  const sent = new Map<number, number>();
  const open = new Map<number, number>();
  const ids = rows.filter((b) => b.enqueuedCount > 0).map((b) => b.id);
  if (ids.length > 0) {
    const counted = await db
      .select({ id: outbox.broadcastId, status: outbox.status, n: count() })
      .from(outbox)
      .where(and(inArray(outbox.broadcastId, ids), inArray(outbox.status, ['sent', 'queued', 'sending'])))
      .groupBy(outbox.broadcastId, outbox.status);
    for (const c of counted) {
      if (c.id === null) continue;
      const into = c.status === 'sent' ? sent : open;
      into.set(c.id, (into.get(c.id) ?? 0) + Number(c.n));
    }
  }
  return rows.map((b) => ({ ...b, sentCount: sent.get(b.id) ?? 0, openCount: open.get(b.id) ?? 0 }));
}
