/**
 * @module The CRM webhook's outbox: claiming due `lead_deliveries` rows, the signed request, and the result of each
 * attempt. A claim moves the row's `next_attempt_at` one lease ahead and counts the attempt, in a transaction and only
 * if the row is still due (compare-and-set), so two senders never take one row and a sender killed mid-call leaves it
 * due again when the lease runs out. The network call is outside every transaction. The receiver de-duplicates by
 * `Idempotency-Key` (the lead's stable key): a retry after a lost answer, or after a kill, is the same key.
 *
 * Signature: `X-Webhook-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>` with
 * `X-Webhook-Timestamp: <unix seconds>`; the receiver recomputes it and may refuse old timestamps.
 */
import { createHmac } from 'node:crypto';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { type Db, schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import { openWebhookSecret } from './webhook-secret.ts';

const { leads, leadDeliveries, leadDeliveryAttempts, calculators } = schema;

export interface DeliveryPolicy {
  /** How long a claimed row is held before another sender may take it (longer than `timeoutMs`). */
  leaseMs: number;
  timeoutMs: number;
  /** After this many attempts the row is `failed` and stays in the log. */
  maxAttempts: number;
  /** Back-off: `baseDelayMs × 2^(attempt − 1)`, at most `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  batch: number;
}

export const DEFAULT_POLICY: DeliveryPolicy = {
  leaseMs: 60_000,
  timeoutMs: 10_000,
  maxAttempts: 10,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  batch: 20,
};

export function backoffMs(attempt: number, policy: Pick<DeliveryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

export interface ClaimedDelivery {
  deliveryId: number;
  leadId: number;
  attempt: number;
}

/** Takes up to `batch` due rows for this sender. */
export async function claimDeliveries(db: Db, now: number, policy: DeliveryPolicy): Promise<ClaimedDelivery[]> {
  return inTransaction(db, async (tx) => {
    const due = await tx
      .select({ id: leadDeliveries.id, leadId: leadDeliveries.leadId, attempts: leadDeliveries.attempts })
      .from(leadDeliveries)
      .where(and(eq(leadDeliveries.status, 'pending'), lte(leadDeliveries.nextAttemptAt, now)))
      .orderBy(asc(leadDeliveries.nextAttemptAt), asc(leadDeliveries.id))
      .limit(policy.batch);
    const claimed: ClaimedDelivery[] = [];
    for (const row of due) {
      const taken = await tx
        .update(leadDeliveries)
        .set({ nextAttemptAt: now + policy.leaseMs, attempts: row.attempts + 1 })
        .where(
          and(
            eq(leadDeliveries.id, row.id),
            eq(leadDeliveries.status, 'pending'),
            eq(leadDeliveries.attempts, row.attempts),
            lte(leadDeliveries.nextAttemptAt, now),
          ),
        )
        .returning({ id: leadDeliveries.id });
      if (taken.length === 1) claimed.push({ deliveryId: row.id, leadId: row.leadId, attempt: row.attempts + 1 });
    }
    return claimed;
  });
}

export interface SignedRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
}

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The request for one lead, or undefined when its campaign has no webhook (or its secret cannot be opened). */
export async function webhookRequest(
  db: Db,
  config: Config,
  leadId: number,
  nowMs: number,
): Promise<SignedRequest | { problem: string }> {
  const [row] = await db
    .select({ lead: leads, url: calculators.webhookUrl, sealed: calculators.webhookSecretCiphertext })
    .from(leads)
    .innerJoin(calculators, eq(calculators.campaignId, leads.campaignId))
    .where(eq(leads.id, leadId))
    .limit(1);
  if (!row?.url || !row.sealed) return { problem: 'the campaign has no webhook' };
  let secret: string;
  try {
    secret = openWebhookSecret(config, row.lead.campaignId, row.sealed);
  } catch {
    return { problem: 'the webhook secret cannot be opened with this server’s keys' };
  }
  const l = row.lead;
  const body = JSON.stringify({
    event: 'lead.created',
    key: l.key,
    campaignId: l.campaignId,
    createdAt: new Date(l.createdAt).toISOString(),
    lead: {
      name: l.name,
      phone: l.phone,
      phoneVerified: l.phoneVerified,
      email: l.email,
      emailVerified: l.emailVerified,
      calculation: l.calculation,
    },
    consent: {
      at: new Date(l.consentAt).toISOString(),
      version: l.consentVersion,
      text: l.consentText,
      policyUrl: l.policyUrl,
    },
  });
  const timestamp = Math.floor(nowMs / 1000);
  return {
    url: row.url,
    body,
    headers: {
      'Content-Type': 'application/json',
      'Idempotency-Key': l.key,
      'X-Webhook-Timestamp': String(timestamp),
      'X-Webhook-Signature': signatureOf(secret, timestamp, body),
    },
  };
}

export interface AttemptOutcome {
  outcome: 'delivered' | 'http_error' | 'timeout' | 'network_error' | 'refused_address' | 'no_webhook';
  httpStatus?: number;
  error?: string;
}

/** Records an attempt in the log and moves the row on: delivered, retried after the back-off, or failed at the cap. */
export async function recordAttempt(
  db: Db,
  claimed: ClaimedDelivery,
  startedAt: number,
  finishedAt: number,
  result: AttemptOutcome,
  policy: DeliveryPolicy,
): Promise<'delivered' | 'retry' | 'failed'> {
  return inTransaction(db, async (tx) => {
    await tx.insert(leadDeliveryAttempts).values({
      leadId: claimed.leadId,
      attempt: claimed.attempt,
      startedAt,
      finishedAt,
      outcome: result.outcome,
      httpStatus: result.httpStatus ?? null,
      error: result.error?.slice(0, 500) ?? null,
    });
    // Only the sender that holds this attempt moves the row (a slower sender whose lease ran out does not).
    const mine = and(eq(leadDeliveries.id, claimed.deliveryId), eq(leadDeliveries.attempts, claimed.attempt));
    if (result.outcome === 'delivered') {
      await tx
        .update(leadDeliveries)
        .set({ status: 'delivered', deliveredAt: finishedAt, lastError: null })
        .where(eq(leadDeliveries.id, claimed.deliveryId));
      return 'delivered';
    }
    const error = result.error ?? `HTTP ${result.httpStatus}`;
    if (claimed.attempt >= policy.maxAttempts) {
      await tx
        .update(leadDeliveries)
        .set({ status: 'failed', lastError: error })
        .where(and(mine, eq(leadDeliveries.status, 'pending')));
      return 'failed';
    }
    await tx
      .update(leadDeliveries)
      .set({ nextAttemptAt: finishedAt + backoffMs(claimed.attempt, policy), lastError: error })
      .where(and(mine, eq(leadDeliveries.status, 'pending')));
    return 'retry';
  });
}
