/**
 * @module Which outbox rows must no longer leave, and why: one read answered for the claim (queued rows about to be
 * taken) and for the sender's last look right before each VK call (rows claimed up to a second earlier). One
 * predicate for both, so a row the claim would close is never sent because it was claimed just before the change.
 */
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { campaignPhase } from '../campaigns/campaign.service.ts';
import { type Db, schema } from '../db/client.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import { cancelBroadcastsOf } from './outbox-switched-off.ts';

const {
  outbox,
  broadcasts,
  brands,
  campaigns,
  communities,
  consents,
  messageRules,
  participants,
  tickets,
  ticketMessages,
} = schema;

type OutboxRow = typeof outbox.$inferSelect;

/** The `error_reason` a row is closed with (`cancelled`); the same words the cancel and consent paths write. */
export type StaleReason =
  | 'brand_switched_off'
  | 'broadcast_cancelled'
  | 'consent_revoked'
  | 'rule_or_campaign_not_live'
  | 'moved_on';

/** A message that needs the user's mailing consent; a direct reply to someone who just wrote to us does not. */
const isMailing = (r: OutboxRow) => r.kind !== 'reply' && r.channel === 'message';

/**
 * Rows among `rows` that must no longer leave, by id, with the reason (one query per 500 rows). Every row may: even a
 * direct reply, of no campaign, is its community's brand's, which the agency may have switched off (decision 069).
 * Pass the transaction when closing in it.
 * @example const reasons = await staleReasons(tx, rows, now)
 */
export async function staleReasons(db: Db, rows: OutboxRow[], now: number): Promise<Map<number, StaleReason>> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ids = [...byId.keys()];
  const reasons = new Map<number, StaleReason>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .select({
        id: outbox.id,
        brandOffAt: brands.disabledAt,
        broadcast: broadcasts.status,
        consent: consents.allowed,
        ticketSource: tickets.source,
        ruleActive: messageRules.active,
        notStage: messageRules.notStage,
        campaignStatus: campaigns.status,
        startsAt: campaigns.startsAt,
        endsAt: campaigns.endsAt,
        stages: campaigns.stages,
        stageIndex: participants.stageIndex,
      })
      .from(outbox)
      .leftJoin(campaigns, eq(campaigns.id, outbox.campaignId))
      // The brand is the campaign's; a row of no campaign (a bot reply, a support answer) is its community's.
      .leftJoin(communities, and(isNull(outbox.campaignId), eq(communities.vkGroupId, outbox.vkGroupId)))
      .leftJoin(brands, or(eq(brands.id, campaigns.brandId), eq(brands.id, communities.brandId)))
      .leftJoin(broadcasts, eq(broadcasts.id, outbox.broadcastId))
      .leftJoin(
        consents,
        and(
          eq(consents.vkGroupId, outbox.vkGroupId),
          eq(consents.vkUserId, outbox.vkUserId),
          eq(consents.channel, 'message'),
        ),
      )
      .leftJoin(ticketMessages, eq(ticketMessages.id, outbox.ticketMessageId))
      .leftJoin(tickets, eq(tickets.id, ticketMessages.ticketId))
      // A rule row carries its rule's campaign (rule-evaluation.ts), so one campaign join serves the brand and the
      // rule; a rule of another campaign is not found, and its row is closed as not live rather than sent.
      .leftJoin(messageRules, and(eq(messageRules.id, outbox.ruleId), eq(messageRules.campaignId, outbox.campaignId)))
      .leftJoin(participants, eq(participants.id, outbox.participantId))
      .where(inArray(outbox.id, ids.slice(i, i + 500)));
    for (const state of found) {
      const row = byId.get(state.id);
      const reason = row && staleReason(row, state, now);
      if (reason) reasons.set(state.id, reason);
    }
  }
  return reasons;
}

interface RowState {
  brandOffAt: number | null;
  broadcast: string | null;
  consent: boolean | null;
  ticketSource: string | null;
  ruleActive: boolean | null;
  notStage: string | null;
  campaignStatus: (typeof campaigns.$inferSelect)['status'] | null;
  startsAt: number | null;
  endsAt: number | null;
  stages: string[] | null;
  stageIndex: number | null;
}

function staleReason(row: OutboxRow, s: RowState, now: number): StaleReason | undefined {
  // The agency switched the brand off (server/office/agency/): nothing of its campaigns or communities leaves.
  if (s.brandOffAt !== null) return 'brand_switched_off';
  if (s.broadcast === 'cancelled') return 'broadcast_cancelled';
  if (isMailing(row)) {
    // Like a direct reply, VK lets the community answer someone who wrote to it: such an answer needs no mailing
    // consent, only no later deny (as `replyAsAgent` decided).
    const writtenToUs = row.kind === 'support' && s.ticketSource === 'bot';
    if (writtenToUs ? s.consent === false : s.consent !== true) return 'consent_revoked';
  }
  if (row.kind !== 'rule' || row.ruleId === null || row.participantId === null) return undefined;
  const running =
    s.campaignStatus !== null &&
    s.startsAt !== null &&
    s.endsAt !== null &&
    campaignPhase({ status: s.campaignStatus, startsAt: s.startsAt, endsAt: s.endsAt }, now) === 'running';
  if (s.ruleActive !== true || !running) return 'rule_or_campaign_not_live';
  const notIndex = s.notStage === null ? -1 : (s.stages ?? []).indexOf(s.notStage);
  if (s.stageIndex === null || (notIndex >= 0 && s.stageIndex >= notIndex)) return 'moved_on';
  return undefined;
}

/**
 * The last look before one VK call (up to 100 rows, so one read): rows that became stale since they were claimed —
 * brand switched off, broadcast cancelled, consent withdrawn, rule or campaign stopped, participant moved on — are
 * closed as the claim closes them (`cancelled` with the same reason; a switched-off brand's broadcast cancelled too),
 * the claim undone (attempt not counted); answers the rows still to send and tells `onClosed` how many it closed, by reason. Only rows still under this claim (`sending`, same
 * attempt count) are touched: a row another sender took after the lease is its to close.
 * @example const rows = await closeStaleClaims(db, req.rows, Date.now())
 */
export async function closeStaleClaims(
  db: Db,
  rows: OutboxRow[],
  now: number,
  onClosed?: (byReason: Partial<Record<StaleReason, number>>) => void,
): Promise<OutboxRow[]> {
  const reasons = await staleReasons(db, rows, now);
  if (reasons.size === 0) return rows;
  const groups = new Map<string, { reason: StaleReason; attempts: number; ids: number[] }>();
  for (const r of rows) {
    const reason = reasons.get(r.id);
    if (!reason) continue;
    const key = `${reason}|${r.attempts}`;
    const g = groups.get(key) ?? { reason, attempts: r.attempts, ids: [] };
    g.ids.push(r.id);
    groups.set(key, g);
  }
  let byReason: Partial<Record<StaleReason, number>> = {};
  await inTransaction(db, async (tx) => {
    // Counted afresh if PostgreSQL runs the transaction again.
    byReason = {};
    for (const { reason, attempts, ids } of groups.values()) {
      const closed = await tx
        .update(outbox)
        .set({ status: 'cancelled', errorReason: reason, claimedAt: null, attempts: attempts - 1, updatedAt: now })
        .where(and(inArray(outbox.id, ids), eq(outbox.status, 'sending'), eq(outbox.attempts, attempts)))
        .returning({ broadcastId: outbox.broadcastId });
      if (closed.length > 0) byReason[reason] = (byReason[reason] ?? 0) + closed.length;
      await cancelSwitchedOffBroadcasts(tx, reason, closed, now);
    }
  });
  if (Object.keys(byReason).length > 0) onClosed?.(byReason);
  return rows.filter((r) => !reasons.has(r.id));
}

/**
 * Rows closed because the brand is off take their broadcast with them, as at the switch (decision 064): rows claimed
 * at the very moment of the switch-off were not closed by it, and their broadcast, left `enqueued` with nothing left
 * to send, read "Отправляется" in the list for ever (decision 069).
 */
export async function cancelSwitchedOffBroadcasts(
  tx: Tx,
  reason: StaleReason,
  closed: { broadcastId: number | null }[],
  now: number,
): Promise<void> {
  if (reason === 'brand_switched_off') await cancelBroadcastsOf(tx, closed, now);
}
