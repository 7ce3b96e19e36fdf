/**
 * @module Writing to the outbox, the only way a message leaves. Each row has a unique `dedupe_key` (so a rule or a
 * broadcast can never enqueue twice for one user) and a `random_id` fixed here, before any attempt. Rows with the same
 * text written together share a `random_id` in chunks of 100, so the sender can send each chunk as one `peer_ids`
 * call and a resend after a crash is still dropped by VK per recipient.
 */
import { randomUUID } from 'node:crypto';
import { and, count, eq, gte, inArray } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { MessageChannel, OutboxExtras, OutboxKind } from '../db/schema/messaging.ts';
import type { Tx } from '../db/transactions.ts';
import { vkAppIdOfDraft } from './outbox-app.ts';
import { contentKeyFor, randomIdFor } from './random-id.ts';

const { outbox } = schema;

/** VK's limit for `peer_ids` and for `notifications.sendMessage` `user_ids`. */
export const MAX_PEERS_PER_CALL = 100;
/** Salts tried for one row whose `random_id` collides with a stored one before giving up. */
const MAX_SALTS = 8;

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

/**
 * This process's part of every batch key: a process id alone repeats across machines (several API and bot processes
 * on one database), and two batches with the same key would share `random_id`s.
 */
const PROCESS_TAG = randomUUID();
let runCounter = 0;

/**
 * Inserts drafts (skipping dedupe keys already present) in the caller's transaction.
 * @example await inTransaction(db, (tx) => enqueue(tx, [{ dedupeKey: 'broadcast:1:42', kind: 'broadcast', vkGroupId: 1, vkUserId: 42, channel: 'message', text: 'Hi' }], now))
 */
export async function enqueue(tx: Tx, drafts: OutboxDraft[], now: number): Promise<EnqueueResult> {
  runCounter += 1;
  const runTag = `${now}:${PROCESS_TAG}:${runCounter}`;
  const byContent = new Map<string, OutboxDraft[]>();
  const keys = new Set<string>();
  let duplicates = 0;
  for (const d of drafts) {
    // The same key twice in one call: the second is a duplicate of the first, as it would be in a later call.
    if (keys.has(d.dedupeKey)) {
      duplicates += 1;
      continue;
    }
    keys.add(d.dedupeKey);
    const key = contentKeyFor({ channel: d.channel, text: d.text, extras: d.extras ?? {} });
    const list = byContent.get(key);
    if (list) list.push(d);
    else byContent.set(key, [d]);
  }
  let inserted = 0;
  for (const [contentKey, list] of byContent) {
    for (let i = 0; i < list.length; i += MAX_PEERS_PER_CALL) {
      const chunk = list.slice(i, i + MAX_PEERS_PER_CALL);
      const batchKey = `${contentKey}:${runTag}:${i / MAX_PEERS_PER_CALL}`;
      const r = await insertChunk(tx, chunk, contentKey, batchKey, now);
      inserted += r.inserted;
      duplicates += r.duplicates;
    }
  }
  return { inserted, duplicates };
}

/**
 * One INSERT for a chunk sharing a `random_id`. A row it skipped either has its dedupe key stored already (a
 * duplicate) or collides on `random_id` with a stored row of the same user (31 bits): that one is tried again alone
 * with the next salt. `ON CONFLICT DO NOTHING` without a target covers both unique keys, and a conflict never aborts
 * the transaction (PostgreSQL would abort it on a unique violation caught in a try).
 */
async function insertChunk(
  tx: Tx,
  chunk: OutboxDraft[],
  contentKey: string,
  batchKey: string,
  now: number,
): Promise<EnqueueResult> {
  let pending = chunk;
  let inserted = 0;
  let duplicates = 0;
  for (let salt = 0; salt < MAX_SALTS && pending.length > 0; salt += 1) {
    const rows = await tx
      .insert(outbox)
      .values(pending.map((d) => rowOf(d, contentKey, batchKey, salt, now)))
      .onConflictDoNothing()
      .returning({ dedupeKey: outbox.dedupeKey });
    inserted += rows.length;
    const written = new Set(rows.map((r) => r.dedupeKey));
    const skipped = pending.filter((d) => !written.has(d.dedupeKey));
    if (skipped.length === 0) return { inserted, duplicates };
    const stored = new Set<string>();
    const found = await tx
      .select({ dedupeKey: outbox.dedupeKey })
      .from(outbox)
      .where(
        inArray(
          outbox.dedupeKey,
          skipped.map((d) => d.dedupeKey),
        ),
      );
    for (const f of found) stored.add(f.dedupeKey);
    duplicates += stored.size;
    pending = skipped.filter((d) => !stored.has(d.dedupeKey));
  }
  const [left] = pending;
  if (left) throw new Error(`Could not find a free random_id for ${left.dedupeKey}`);
  return { inserted, duplicates };
}

function rowOf(d: OutboxDraft, contentKey: string, batchKey: string, salt: number, now: number) {
  // Its app looked up in the INSERT itself (a notification's campaign's: outbox-app.ts).
  return { ...plainRowOf(d, contentKey, batchKey, salt, now), vkAppId: vkAppIdOfDraft(d) };
}

function plainRowOf(d: OutboxDraft, contentKey: string, batchKey: string, salt: number, now: number) {
  return {
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
  } satisfies typeof outbox.$inferInsert;
}

/** Messages counted by the per-user frequency cap: rule messages queued or sent since `since`. */
export async function recentRuleMessages(
  db: Db | Tx,
  vkGroupId: number,
  vkUserId: number,
  since: number,
): Promise<number> {
  const [row] = await db
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
    );
  return row?.n ?? 0;
}
