/**
 * @module What became of claimed outbox rows once VK answered (sent, to retry later, failed), written in one
 * transaction per answer; and the sender's view of the queue (how many rows are left, when the next one is due).
 * What an answer means (which VK error is worth a retry) is the sender's to decide; this module only records it.
 */
import { and, count, eq, inArray, lte, min, type SQL, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { MessageChannel } from '../db/schema/messaging.ts';
import { inTransaction, type Tx } from '../db/transactions.ts';
import { recordConsent } from './consent.ts';
import { type OutboxScope, scopeParts } from './outbox-scope.ts';

const { outbox } = schema;

/** The decided fate of one claimed row. */
export type RowAnswer =
  | { id: number; status: 'sent'; messageId?: number }
  | { id: number; status: 'retry'; nextAttemptAt: number; reason: string; code?: number }
  /** `consentLostBy`: VK says this user may no longer be written to; their consent is withdrawn with the row. */
  | { id: number; status: 'failed'; reason: string; code?: number; consentLostBy?: number };

export interface AnswerBatch {
  vkGroupId: number;
  channel: MessageChannel;
  now: number;
  rows: RowAnswer[];
}

/**
 * Records the answers of one VK call in one transaction; a lost consent is withdrawn in the same transaction
 * (source `vk_<reason>`). Only rows still `sending` change: a late answer (its call outlived the lease, another
 * sender took the row and recorded it sent) never moves a sent row back to the queue or to failed.
 * @example await recordAnswers(db, { vkGroupId, channel: 'message', now, rows: [{ id: 7, status: 'sent', messageId: 12 }] })
 */
export async function recordAnswers(db: Db, batch: AnswerBatch): Promise<void> {
  const { now } = batch;
  await inTransaction(db, async (tx) => {
    const sent: Array<{ id: number; messageId?: number }> = [];
    for (const a of batch.rows) {
      if (a.status === 'sent') {
        sent.push(a);
        continue;
      }
      const base = { errorCode: a.code ?? null, errorReason: a.reason, updatedAt: now };
      await tx
        .update(outbox)
        .set(
          a.status === 'retry'
            ? { ...base, status: 'queued', nextAttemptAt: a.nextAttemptAt }
            : { ...base, status: 'failed' },
        )
        .where(and(eq(outbox.id, a.id), eq(outbox.status, 'sending')));
    }
    await markSent(tx, sent, now);
    for (const a of batch.rows) {
      if (a.status !== 'failed' || a.consentLostBy === undefined) continue;
      await recordConsent(tx, {
        vkGroupId: batch.vkGroupId,
        vkUserId: a.consentLostBy,
        channel: batch.channel,
        allowed: false,
        source: `vk_${a.reason}`,
        at: now,
      });
    }
  });
}

/**
 * The hot path (one row per recipient, up to 100 per answer) as one UPDATE per answer: each row's VK message id by a
 * CASE on its id (portable SQL; the cast tells PostgreSQL the parameters' type: bigint like the column, since VK's
 * message ids are 64-bit and an `integer` cast would overflow past 2^31).
 */
async function markSent(tx: Tx, sent: Array<{ id: number; messageId?: number }>, now: number): Promise<void> {
  if (sent.length === 0) return;
  const withId = sent.filter((s): s is { id: number; messageId: number } => s.messageId !== undefined);
  const messageId: SQL | null =
    withId.length === 0
      ? null
      : sql`case ${outbox.id} ${sql.join(
          withId.map((s) => sql`when ${s.id} then cast(${s.messageId} as bigint)`),
          sql` `,
        )} else null end`;
  await tx
    .update(outbox)
    .set({ status: 'sent', sentAt: now, vkMessageId: messageId, updatedAt: now, errorCode: null })
    .where(
      and(
        inArray(
          outbox.id,
          sent.map((s) => s.id),
        ),
        eq(outbox.status, 'sending'),
      ),
    );
}

/**
 * Rows still queued or being sent for a run's channels (its community's, or its app's): each part of the scope counted
 * on its own index range (outbox-scope.ts), not one OR that walks the due index past other runs' queues (decision 106).
 */
export async function outboxRemaining(db: Db, scope: OutboxScope, channels: MessageChannel[]): Promise<number> {
  let n = 0;
  for (const part of scopeParts(scope, channels)) {
    const [row] = await db
      .select({ n: count() })
      .from(outbox)
      .where(and(part, inArray(outbox.status, ['queued', 'sending'])));
    n += Number(row?.n ?? 0);
  }
  return n;
}

/** When something next becomes due: a queued row's next attempt, or a claimed row's lease end. */
export async function outboxNextDueAt(
  db: Db,
  of: OutboxScope,
  channels: MessageChannel[],
  leaseMs: number,
): Promise<number | undefined> {
  // Each part of the scope asks for its least on its own, an index lookup (outbox-scope.ts); one statement for all.
  const parts = scopeParts(of, channels);
  const queued = await leastOf(
    db,
    outbox.nextAttemptAt,
    parts.map((part) => and(eq(outbox.status, 'queued'), part)),
  );
  const claimed = await leastOf(
    db,
    outbox.claimedAt,
    parts.map((part) => and(eq(outbox.status, 'sending'), part, lte(outbox.claimedAt, Number.MAX_SAFE_INTEGER))),
  );
  const candidates = [queued, claimed === undefined ? undefined : claimed + leaseMs].filter(
    (x): x is number => typeof x === 'number',
  );
  return candidates.length ? Math.min(...candidates) : undefined;
}

/** The least `column` of the rows each condition keeps, asked as one statement (a `min` per condition, unioned). */
async function leastOf(
  db: Db,
  column: typeof outbox.nextAttemptAt | typeof outbox.claimedAt,
  conditions: Array<SQL | undefined>,
): Promise<number | undefined> {
  const [first, ...rest] = conditions.map((where) =>
    db
      .select({ at: min(column) })
      .from(outbox)
      .where(where)
      .$dynamic(),
  );
  if (!first) return undefined;
  const rows = await rest.reduce((all, q) => all.unionAll(q).$dynamic(), first);
  const found = rows.map((r) => r.at).filter((x): x is number => x !== null);
  return found.length ? Math.min(...found) : undefined;
}
