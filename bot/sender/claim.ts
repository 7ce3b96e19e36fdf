/**
 * @module Claiming outbox rows for sending, in one immediate transaction so two senders never take the same row.
 * Rows whose lease expired (a sender died mid-call) are taken again; their stored `random_id` makes that harmless.
 * Just before sending, rule messages to users who moved on and messages to users who withdrew consent are closed.
 */
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { campaignPhase } from '../../server/campaigns/campaign.service.ts';
import { type Db, schema } from '../../server/db/client.ts';
import type { MessageChannel } from '../../server/db/schema/messaging.ts';

const { outbox, messageRules, campaigns, participants, consents, broadcasts } = schema;

export type OutboxRow = typeof outbox.$inferSelect;

/** One VK call: identical texts to up to 100 peers, or up to 25 personal messages inside `execute`. */
export interface SendRequest {
  shape: 'peers' | 'execute';
  channel: MessageChannel;
  rows: OutboxRow[];
}

export interface ClaimOptions {
  now: number;
  maxRequests: number;
  leaseMs: number;
  channels: MessageChannel[];
  vkGroupId?: number;
}

export const MAX_EXECUTE_CALLS = 25;
const MAX_CANDIDATES = 2500;

export function claimRequests(db: Db, o: ClaimOptions): SendRequest[] {
  return db.transaction(
    (tx) => {
      const scope = (status: 'queued' | 'sending') =>
        and(
          eq(outbox.status, status),
          inArray(outbox.channel, o.channels),
          o.vkGroupId === undefined ? undefined : eq(outbox.vkGroupId, o.vkGroupId),
        );
      const expired = tx
        .select()
        .from(outbox)
        .where(and(scope('sending'), lte(outbox.claimedAt, o.now - o.leaseMs)))
        .orderBy(asc(outbox.id))
        .limit(Math.min(MAX_CANDIDATES, o.maxRequests * 100))
        .all();
      const due = tx
        .select()
        .from(outbox)
        .where(and(scope('queued'), lte(outbox.nextAttemptAt, o.now)))
        .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
        .limit(Math.min(MAX_CANDIDATES, o.maxRequests * 100))
        .all();
      const live = closeStale(tx as unknown as Db, [...expired, ...due], o.now);
      const requests = toRequests(live).slice(0, o.maxRequests);
      const ids = requests.flatMap((r) => r.rows.map((x) => x.id));
      for (let i = 0; i < ids.length; i += 500) {
        tx.update(outbox)
          .set({ status: 'sending', claimedAt: o.now, updatedAt: o.now, attempts: sql`${outbox.attempts} + 1` })
          .where(inArray(outbox.id, ids.slice(i, i + 500)))
          .run();
      }
      for (const r of requests) for (const row of r.rows) row.attempts += 1;
      return requests;
    },
    { behavior: 'immediate' },
  );
}

/** Closes rows that must no longer leave; returns the rest. */
function closeStale(db: Db, rows: OutboxRow[], now: number): OutboxRow[] {
  const ruleTarget = new Map<number, { notIndex: number; live: boolean }>();
  const allowed = consentedUsers(db, rows);
  const cancelled = cancelledBroadcasts(db, rows);
  const keep: OutboxRow[] = [];
  for (const row of rows) {
    const reason =
      row.broadcastId !== null && cancelled.has(row.broadcastId)
        ? 'broadcast_cancelled'
        : staleReason(db, row, now, ruleTarget, allowed);
    if (reason === undefined) keep.push(row);
    else
      db.update(outbox)
        .set({ status: 'cancelled', errorReason: reason, updatedAt: now })
        .where(eq(outbox.id, row.id))
        .run();
  }
  return keep;
}

/** Broadcasts among the rows that the brand cancelled (a row in flight at cancel time may have come back queued). */
function cancelledBroadcasts(db: Db, rows: OutboxRow[]): Set<number> {
  const ids = [...new Set(rows.map((r) => r.broadcastId).filter((id): id is number => id !== null))];
  if (ids.length === 0) return new Set();
  const found = db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(and(inArray(broadcasts.id, ids), eq(broadcasts.status, 'cancelled')))
    .all();
  return new Set(found.map((b) => b.id));
}

/** `group:user` keys of everyone among the rows who currently allows community messages (one query per 500). */
function consentedUsers(db: Db, rows: OutboxRow[]): Set<string> {
  const byGroup = new Map<number, number[]>();
  for (const r of rows) {
    if (r.channel !== 'message' || r.kind === 'reply') continue;
    const list = byGroup.get(r.vkGroupId) ?? [];
    list.push(r.vkUserId);
    byGroup.set(r.vkGroupId, list);
  }
  const allowed = new Set<string>();
  for (const [groupId, users] of byGroup) {
    const unique = [...new Set(users)];
    for (let i = 0; i < unique.length; i += 500) {
      const found = db
        .select({ user: consents.vkUserId })
        .from(consents)
        .where(
          and(
            eq(consents.vkGroupId, groupId),
            eq(consents.channel, 'message'),
            eq(consents.allowed, true),
            inArray(consents.vkUserId, unique.slice(i, i + 500)),
          ),
        )
        .all();
      for (const f of found) allowed.add(`${groupId}:${f.user}`);
    }
  }
  return allowed;
}

function staleReason(
  db: Db,
  row: OutboxRow,
  now: number,
  cache: Map<number, { notIndex: number; live: boolean }>,
  allowed: Set<string>,
): string | undefined {
  if (row.kind !== 'reply' && row.channel === 'message' && !allowed.has(`${row.vkGroupId}:${row.vkUserId}`)) {
    return 'consent_revoked';
  }
  if (row.kind !== 'rule' || row.ruleId === null || row.participantId === null) return undefined;
  let target = cache.get(row.ruleId);
  if (!target) {
    const r = db
      .select({ notStage: messageRules.notStage, active: messageRules.active, campaign: campaigns })
      .from(messageRules)
      .innerJoin(campaigns, eq(campaigns.id, messageRules.campaignId))
      .where(eq(messageRules.id, row.ruleId))
      .get();
    target = r
      ? {
          notIndex: r.campaign.stages.indexOf(r.notStage),
          live: r.active && campaignPhase(r.campaign, now) === 'running',
        }
      : { notIndex: -1, live: false };
    cache.set(row.ruleId, target);
  }
  if (!target.live) return 'rule_or_campaign_not_live';
  const p = db
    .select({ stageIndex: participants.stageIndex })
    .from(participants)
    .where(eq(participants.id, row.participantId))
    .get();
  if (!p || (target.notIndex >= 0 && p.stageIndex >= target.notIndex)) return 'moved_on';
  return undefined;
}

/** Same content and `random_id` → one `peer_ids` call; the rest packed 25 to an `execute`. */
export function toRequests(rows: OutboxRow[]): SendRequest[] {
  const groups = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = `${row.vkGroupId}|${row.channel}|${row.contentKey}|${row.randomId}`;
    const g = groups.get(key);
    if (g) g.push(row);
    else groups.set(key, [row]);
  }
  const requests: SendRequest[] = [];
  const singles = new Map<string, OutboxRow[]>();
  for (const g of groups.values()) {
    const first = g[0] as OutboxRow;
    if (g.length > 1) {
      requests.push({ shape: 'peers', channel: first.channel, rows: g });
      continue;
    }
    const key = `${first.vkGroupId}|${first.channel}`;
    const s = singles.get(key) ?? [];
    s.push(first);
    singles.set(key, s);
    if (s.length === MAX_EXECUTE_CALLS) {
      requests.push({ shape: 'execute', channel: first.channel, rows: s });
      singles.delete(key);
    }
  }
  for (const s of singles.values()) {
    const first = s[0] as OutboxRow;
    requests.push({ shape: s.length === 1 ? 'peers' : 'execute', channel: first.channel, rows: s });
  }
  return requests;
}
