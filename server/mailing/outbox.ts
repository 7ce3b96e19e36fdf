/**
 * @module Writing to the outbox, the only way a message leaves. Each row has a unique `dedupe_key` (so a rule or a
 * broadcast can never enqueue twice for one user) and a `random_id` fixed here, before any attempt. Rows with the same
 * text written together share a `random_id` in chunks of 100, so the sender can send each chunk as one `peer_ids`
 * call and a resend after a crash is still dropped by VK per recipient.
 */
import { and, count, eq, gte, inArray } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { MessageChannel, OutboxExtras, OutboxKind } from '../db/schema/messaging.ts';
import { contentKeyFor, randomIdFor } from './random-id.ts';

const { outbox } = schema;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** VK's limit for `peer_ids` and for `notifications.sendMessage` `user_ids`. */
export const MAX_PEERS_PER_CALL = 100;

export interface OutboxDraft {
  dedupeKey: string;
  kind: OutboxKind;
  ruleId?: number;
  broadcastId?: number;
  ticketMessageId?: number;
  campaignId?: number;
  participantId?: number;
  vkGroupId: number;
  vkUserId: number;
  channel: MessageChannel;
  variant?: string;
  text: string;
  extras?: OutboxExtras;
  /** `holdout` rows are recorded for comparison and never sent. */
  status?: 'queued' | 'holdout';
  nextAttemptAt?: number;
}

export interface EnqueueResult {
  inserted: number;
  /** Rows whose dedupe key already existed. */
  duplicates: number;
}

let runCounter = 0;

/**
 * Inserts drafts (skipping dedupe keys already present) in the caller's transaction.
 * @example enqueue(tx, [{ dedupeKey: 'broadcast:1:42', kind: 'broadcast', vkGroupId: 1, vkUserId: 42, channel: 'message', text: 'Hi' }], now)
 */
export function enqueue(tx: Db | Tx, drafts: OutboxDraft[], now: number): EnqueueResult {
  runCounter += 1;
  const runTag = `${now}:${process.pid}:${runCounter}`;
  const byContent = new Map<string, OutboxDraft[]>();
  for (const d of drafts) {
    const key = contentKeyFor({ channel: d.channel, text: d.text, extras: d.extras ?? {} });
    const list = byContent.get(key);
    if (list) list.push(d);
    else byContent.set(key, [d]);
  }
  let inserted = 0;
  let duplicates = 0;
  for (const [contentKey, list] of byContent) {
    for (let i = 0; i < list.length; i += MAX_PEERS_PER_CALL) {
      const chunk = list.slice(i, i + MAX_PEERS_PER_CALL);
      const batchKey = `${contentKey}:${runTag}:${i / MAX_PEERS_PER_CALL}`;
      for (const d of chunk) {
        const ok = insertOne(tx, d, contentKey, batchKey, now);
        if (ok) inserted += 1;
        else duplicates += 1;
      }
    }
  }
  return { inserted, duplicates };
}

function insertOne(tx: Db | Tx, d: OutboxDraft, contentKey: string, batchKey: string, now: number): boolean {
  for (let salt = 0; salt < 8; salt += 1) {
    try {
      const row = tx
        .insert(outbox)
        .values({
          dedupeKey: d.dedupeKey,
          kind: d.kind,
          ruleId: d.ruleId ?? null,
          broadcastId: d.broadcastId ?? null,
          ticketMessageId: d.ticketMessageId ?? null,
          campaignId: d.campaignId ?? null,
          participantId: d.participantId ?? null,
          vkGroupId: d.vkGroupId,
          vkUserId: d.vkUserId,
          channel: d.channel,
          variant: d.variant ?? null,
          text: d.text,
          extras: d.extras ?? {},
          // A salted row leaves its chunk: its own content key keeps it out of the shared peer_ids call.
          contentKey: salt === 0 ? contentKey : `${contentKey}#${d.dedupeKey}`,
          randomId: randomIdFor(batchKey, salt),
          status: d.status ?? 'queued',
          nextAttemptAt: d.nextAttemptAt ?? now,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: outbox.dedupeKey })
        .returning({ id: outbox.id })
        .get();
      return row !== undefined;
    } catch (err) {
      // Same user already has this random_id in this community (a 31-bit collision): take the next salt.
      if (!isRandomIdConflict(err)) throw err;
    }
  }
  throw new Error(`Could not find a free random_id for ${d.dedupeKey}`);
}

function isRandomIdConflict(err: unknown): boolean {
  const msg = String((err as Error).message);
  return msg.includes('UNIQUE') && msg.includes('random_id');
}

/** Messages counted by the per-user frequency cap: rule messages queued or sent since `since`. */
export function recentRuleMessages(db: Db | Tx, vkGroupId: number, vkUserId: number, since: number): number {
  const row = db
    .select({ n: count() })
    .from(outbox)
    .where(
      and(
        eq(outbox.vkGroupId, vkGroupId),
        eq(outbox.vkUserId, vkUserId),
        gte(outbox.createdAt, since),
        eq(outbox.kind, 'rule'),
        inArray(outbox.status, ['queued', 'sending', 'sent']),
      ),
    )
    .get();
  return row?.n ?? 0;
}
