/**
 * @module Consent per user and community: what `message_allow`/`message_deny` (and VK's 901/902 answers) say
 * about whether we may write to someone. Revoking also closes every message still waiting for that user.
 */
import { and, eq, inArray, lte } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { MessageChannel } from '../db/schema/messaging.ts';
import { changedRows, type Tx } from '../db/transactions.ts';

const { consents, outbox } = schema;

export interface ConsentChange {
  vkGroupId: number;
  vkUserId: number;
  channel: MessageChannel;
  allowed: boolean;
  source: string;
  key?: string | null;
  at: number;
}

/**
 * Upserts the consent, unless a later change is already recorded (an update replayed after a crash must not undo a
 * newer one: an allow delivered before a deny stays overridden). On revocation cancels queued rows for that user
 * (same community and channel). Written in the caller's transaction, with whatever else the same update changes.
 * @example await inTransaction(db, (tx) => recordConsent(tx, { vkGroupId: 1, vkUserId: 7, channel: 'message', allowed: true, source: 'message_allow', at: now }))
 */
export async function recordConsent(tx: Tx, change: ConsentChange): Promise<void> {
  const applied = changedRows(
    await tx
      .insert(consents)
      .values({
        vkGroupId: change.vkGroupId,
        vkUserId: change.vkUserId,
        channel: change.channel,
        allowed: change.allowed,
        source: change.source,
        key: change.key ?? null,
        updatedAt: change.at,
      })
      .onConflictDoUpdate({
        target: [consents.vkGroupId, consents.vkUserId, consents.channel],
        set: {
          allowed: change.allowed,
          source: change.source,
          ...(change.key ? { key: change.key } : {}),
          updatedAt: change.at,
        },
        setWhere: lte(consents.updatedAt, change.at),
      }),
  );
  if (applied === 0) return;
  if (!change.allowed) {
    await tx
      .update(outbox)
      .set({ status: 'cancelled', errorReason: 'consent_revoked', updatedAt: change.at })
      .where(
        and(
          eq(outbox.vkGroupId, change.vkGroupId),
          eq(outbox.vkUserId, change.vkUserId),
          eq(outbox.channel, change.channel),
          inArray(outbox.status, ['queued']),
          // Direct replies to someone who just wrote to us do not need the mailing consent.
          inArray(outbox.kind, ['rule', 'broadcast', 'support']),
        ),
      );
  }
}

export async function hasConsent(
  db: Db | Tx,
  vkGroupId: number,
  vkUserId: number,
  channel: MessageChannel,
): Promise<boolean> {
  const [row] = await db
    .select({ allowed: consents.allowed })
    .from(consents)
    .where(and(eq(consents.vkGroupId, vkGroupId), eq(consents.vkUserId, vkUserId), eq(consents.channel, channel)))
    .limit(1);
  return row?.allowed === true;
}
