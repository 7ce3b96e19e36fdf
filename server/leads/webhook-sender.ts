/**
 * @module The CRM webhook sender: drains due lead deliveries (server/leads/webhook-delivery.ts) and POSTs each
 * signed lead with a timeout. Safe to kill at any moment: a claimed row whose answer never came is due again when
 * its lease ends, and the receiver sees the same Idempotency-Key. Run by the bot process (bot/main.ts).
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { ForbiddenAddressError, type Resolve } from './webhook-address-guard.ts';
import {
  type AttemptOutcome,
  type ClaimedDelivery,
  claimDeliveries,
  DEFAULT_POLICY,
  type DeliveryPolicy,
  recordAttempt,
  webhookRequest,
} from './webhook-delivery.ts';
import { postWebhook } from './webhook-post.ts';

export interface WebhookSenderDeps {
  db: Db;
  config: Config;
  now: () => number;
  /** DNS for the SSRF guard; tests give a fake one to play a rebinding name. */
  resolve?: Resolve;
}

export interface PassTotals {
  delivered: number;
  retried: number;
  failed: number;
}

async function attempt(
  deps: WebhookSenderDeps,
  claimed: ClaimedDelivery,
  policy: DeliveryPolicy,
): Promise<AttemptOutcome> {
  const request = await webhookRequest(deps.db, deps.config, claimed.leadId, deps.now());
  if ('problem' in request) return { outcome: 'no_webhook', error: request.problem };
  try {
    const status = await postWebhook(request, {
      timeoutMs: policy.timeoutMs,
      allowLocal: deps.config.CRM_WEBHOOK_ALLOW_LOCAL,
      ...(deps.resolve ? { resolve: deps.resolve } : {}),
    });
    return status >= 200 && status < 300
      ? { outcome: 'delivered', httpStatus: status }
      : { outcome: 'http_error', httpStatus: status };
  } catch (e) {
    const err = e as Error;
    if (err.name === 'TimeoutError' || err.name === 'AbortError') {
      return { outcome: 'timeout', error: `no answer within ${policy.timeoutMs} ms` };
    }
    if (err instanceof ForbiddenAddressError) return { outcome: 'refused_address', error: err.message };
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { outcome: 'network_error', error: cause ? `${err.message} (${cause})` : err.message };
  }
}

/** One pass: claim what is due and deliver it, concurrently within the batch. */
export async function deliverDue(
  deps: WebhookSenderDeps,
  policy: DeliveryPolicy = DEFAULT_POLICY,
): Promise<PassTotals> {
  const totals: PassTotals = { delivered: 0, retried: 0, failed: 0 };
  const claimed = await claimDeliveries(deps.db, deps.now(), policy);
  await Promise.all(
    claimed.map(async (c) => {
      const startedAt = deps.now();
      const result = await attempt(deps, c, policy);
      const next = await recordAttempt(deps.db, c, startedAt, deps.now(), result, policy);
      if (next === 'delivered') totals.delivered += 1;
      else if (next === 'failed') totals.failed += 1;
      else totals.retried += 1;
    }),
  );
  return totals;
}

/**
 * Runs passes until `signal` aborts (or once), sleeping `pollMs` when a pass found nothing to do.
 * @example await runLeadWebhooks(deps, { signal: abort.signal })
 */
export async function runLeadWebhooks(
  deps: WebhookSenderDeps,
  options: {
    once?: boolean;
    signal?: AbortSignal;
    pollMs?: number;
    policy?: DeliveryPolicy;
    log?: (line: string) => void;
  } = {},
): Promise<void> {
  const pollMs = options.pollMs ?? 1000;
  while (!options.signal?.aborted) {
    let worked = false;
    try {
      const t = await deliverDue(deps, options.policy ?? DEFAULT_POLICY);
      worked = t.delivered + t.retried + t.failed > 0;
      if (worked) options.log?.(`lead webhooks: ${JSON.stringify(t)}`);
    } catch (err) {
      // A database hiccup must not end the loop; the rows stay due.
      options.log?.(`lead webhooks: pass failed: ${(err as Error).message}`);
    }
    if (options.once) return;
    if (!worked) await new Promise((r) => setTimeout(r, pollMs));
  }
}
