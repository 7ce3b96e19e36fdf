/**
 * @module The outbox sender: claims due rows, sends them within the token's rate (a `RateGate` in front of vk-io,
 * about one second of requests in flight), and records each answer in its own transaction right after it arrives.
 * Only the process holding a token's lease (token-turn.ts) claims and sends for it; the others wait their turn.
 * Killed at any moment it loses nothing: claimed rows come back when their lease ends and are resent with the
 * same `random_id`, which VK drops for recipients who already got the message.
 */
import type { API } from 'vk-io';
import type { Db } from '../../server/db/client.ts';
import {
  outboxNextDueAt,
  outboxRemaining,
  type RowAnswer,
  recordAnswers,
} from '../../server/mailing/outbox-answers.ts';
import { claimRequests, type MessageChannel, type SendRequest, unclaim } from '../../server/mailing/outbox-claim.ts';
import { closeSwitchedOffWaiting } from '../../server/mailing/outbox-switched-off.ts';
import { HeldTurns } from './held-turns.ts';
import { lastLook } from './last-look.ts';
import type { RateGate } from './rate-gate.ts';
import type { TokenTurn } from './token-turn.ts';
import { type RowOutcome, sendRequest } from './vk-calls.ts';
import { classifyVkError, MAX_ATTEMPTS, tokenRefusal } from './vk-errors.ts';

export interface SenderChannel {
  api: API;
  /** The token's lease across processes and, while held, its rate gate. */
  turn: TokenTurn;
  /** Requests kept in flight; about one second's worth at the token's rate. */
  window: number;
}

/**
 * A channel whose token may change while the sender runs (the community's token, replaced in the office): asked
 * before each claim, so the rows claimed go out with the token stored now; undefined when there is none to send with,
 * `withheld` when the agency switched the brand off (its rows are then closed by the sender's pass, decision 064).
 */
export interface ChannelSource {
  current(): Promise<SenderChannel | 'withheld' | undefined>;
}

export interface SenderOptions {
  db: Db;
  now: () => number;
  channels: Partial<Record<MessageChannel, SenderChannel | ChannelSource>>;
  groupId: number;
  appId: number;
  /** A claimed row is taken again after this long without an answer recorded. */
  leaseMs: number;
  /** Stop when nothing is due now or within `drainWaitMs` (the CLI's `--once`). */
  once: boolean;
  drainWaitMs?: number;
  idleMs?: number;
  onProgress?: (p: SenderProgress) => void;
  signal?: AbortSignal;
}

export interface SenderProgress {
  sent: number;
  failed: number;
  retried: number;
  revoked: number;
  /** Rows still queued or sending for this sender's community. */
  remaining: number;
  requests: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drains the outbox; resolves with the totals when `once` and nothing more is due, or when aborted.
 * @example await runSender({ db, now: Date.now, channels: { message: { api, gate, window: 20 } }, groupId, appId, leaseMs: 60000, once: true })
 */
export async function runSender(o: SenderOptions): Promise<SenderProgress> {
  // A lease or pause that is not a number makes every "is it due" comparison false: rows never come back and the
  // idle sleep becomes 1 ms (a spinning core). Refuse to start instead.
  for (const [name, value] of [
    ['leaseMs', o.leaseMs],
    ['drainWaitMs', o.drainWaitMs ?? 0],
    ['idleMs', o.idleMs ?? 0],
  ] as const) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`runSender: ${name} must be a number ≥ 0, got ${value}`);
  }
  const progress: SenderProgress = { sent: 0, failed: 0, retried: 0, revoked: 0, remaining: 0, requests: 0 };
  const active = Object.keys(o.channels) as MessageChannel[];
  const inFlight = new Set<Promise<void>>();
  const perChannel = new Map<MessageChannel, number>(active.map((c) => [c, 0]));
  let lastReport = 0;
  const report = async (force = false) => {
    if (!o.onProgress) return;
    const t = Date.now();
    if (!force && t - lastReport < 250) return;
    lastReport = t;
    progress.remaining = await outboxRemaining(o.db, o.groupId, active);
    o.onProgress({ ...progress });
  };

  const turns = new HeldTurns();
  try {
    await drain(o, progress, active, inFlight, perChannel, report, turns, new Map());
  } finally {
    await Promise.allSettled(inFlight);
    await turns.stopAll();
  }
  await report(true);
  progress.remaining = await outboxRemaining(o.db, o.groupId, active);
  return progress;
}

async function drain(
  o: SenderOptions,
  progress: SenderProgress,
  active: MessageChannel[],
  inFlight: Set<Promise<void>>,
  perChannel: Map<MessageChannel, number>,
  report: () => Promise<void>,
  turns: HeldTurns,
  /** Channels whose token VK refused, until when: the same token waits; a token replaced in the office goes at once. */
  refused: Map<MessageChannel, { ch: SenderChannel; until: number }>,
): Promise<void> {
  while (!o.signal?.aborted) {
    let claimedAny = false;
    let waitingForTurn = false;
    // The channels that have a token now (or calls in flight): only their rows keep a `once` run going.
    const sending: MessageChannel[] = [];
    for (const channel of active) {
      const busy = perChannel.get(channel) ?? 0;
      const found = await channelNow(o.channels[channel]);
      const ch = found === 'withheld' ? undefined : found;
      if (!ch) {
        // No token to send with: nothing leaves. Withheld from a switched-off brand, no claim closes its rows either,
        // so this pass does (decision 064): none waits for switch-on. With none stored or configured, the channel
        // costs only the look for a token (decision 069): not a read of the outbox every idle turn.
        if (busy > 0) sending.push(channel);
        await turns.drop(channel);
        if (found === 'withheld') {
          await closeSwitchedOffWaiting(o.db, {
            vkGroupId: o.groupId,
            channel,
            now: o.now(),
            leaseMs: o.leaseMs,
          }).catch((err) =>
            console.error('sender: closing a switched-off brand’s rows failed; tried again next turn', err),
          );
        }
        continue;
      }
      const pause = refused.get(channel);
      if (pause?.ch === ch && o.now() < pause.until) {
        // Its rows wait queued, looked at again each idle turn (as with no token at all); a `once` run ends.
        if (busy > 0) sending.push(channel);
        continue;
      }
      sending.push(channel);
      await turns.use(channel, ch.turn);
      // Another process holds the token's lease: it sends; this one waits to take over.
      const gate = ch.turn.gate();
      if (!gate) {
        waitingForTurn = true;
        continue;
      }
      // Claim in halves of the window, so claiming (a write transaction) stays rare.
      if (busy > ch.window / 2) continue;
      let requests: SendRequest[] = [];
      try {
        requests = await claimRequests(o.db, {
          now: o.now(),
          maxRequests: ch.window - busy,
          leaseMs: o.leaseMs,
          channels: [channel],
          vkGroupId: o.groupId,
        });
      } catch (err) {
        // e.g. SQLITE_BUSY past the busy timeout: nothing was claimed; try again on the next turn.
        console.error('sender: claim failed', err);
      }
      for (const req of requests) {
        claimedAny = true;
        perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
        const onRefused = (pauseMs: number, reason: string) => {
          if (refused.get(channel)?.ch !== ch) {
            console.error(`sender: VK refused the ${channel} token (${reason}); its rows stay queued, sending paused`);
          }
          refused.set(channel, { ch, until: o.now() + pauseMs });
        };
        const p = dispatch(o, ch, gate, req, progress, onRefused)
          // A failed write leaves the rows claimed: they come back after the lease with the same random_id.
          .catch((err) => console.error('sender: recording an answer failed', err))
          .finally(() => {
            inFlight.delete(p);
            perChannel.set(channel, (perChannel.get(channel) ?? 1) - 1);
            report().catch((err) => console.error('sender: progress report failed', err));
          });
        inFlight.add(p);
      }
    }
    if (claimedAny) {
      if (inFlight.size > 0) await Promise.race(inFlight);
      continue;
    }
    if (inFlight.size > 0) {
      await Promise.race(inFlight);
      continue;
    }
    const next = sending.length > 0 ? await outboxNextDueAt(o.db, o.groupId, sending, o.leaseMs) : undefined;
    const now = o.now();
    if (o.once && (next === undefined || next > now + (o.drainWaitMs ?? 5000))) break;
    const untilDue = next === undefined ? Number.POSITIVE_INFINITY : next - now;
    // Waiting for a token's lease: look again a few times a second (its keeper tries to take it), not in a spin.
    const pause = waitingForTurn ? Math.min(o.idleMs ?? 1000, 250) : Math.min(o.idleMs ?? 1000, untilDue);
    await sleep(Math.max(20, pause));
  }
}

function channelNow(c: SenderChannel | ChannelSource | undefined): Promise<SenderChannel | 'withheld' | undefined> {
  if (c === undefined || !('current' in c)) return Promise.resolve(c);
  return c.current();
}

async function dispatch(
  o: SenderOptions,
  ch: SenderChannel,
  gate: RateGate,
  req: SendRequest,
  progress: SenderProgress,
  onRefused: (pauseMs: number, reason: string) => void,
) {
  const answered = await gate.take();
  // Once the slot opened: what changed since the claim (a cancel, a brand switched off, a consent withdrawn) stays.
  const call = await lastLook(o.db, req, o.now());
  if (!call) {
    answered();
    return;
  }
  if (!ch.turn.holds(gate)) {
    // The lease ran out (or passed to another process) while this call waited for its slot: it must not go out.
    // Its rows go back to the queue for the holder, instead of waiting out their claim.
    answered();
    await unclaim(o.db, call.rows, o.now());
    return;
  }
  progress.requests += 1;
  let outcomes: Map<number, RowOutcome>;
  try {
    outcomes = await sendRequest(ch.api, call, { groupId: o.groupId, appId: o.appId });
    answered();
  } catch (err) {
    answered();
    const e = err as { code?: number; message?: string };
    const code = typeof e.code === 'number' ? e.code : undefined;
    const refusal = tokenRefusal(code);
    if (refusal) {
      // Not the recipients' fault: nothing was sent, the rows go back unspent (their attempt not counted).
      onRefused(refusal.pauseMs, `vk_${code}: ${e.message ?? ''}`);
      await unclaim(o.db, call.rows, o.now());
      return;
    }
    outcomes = new Map(call.rows.map((r) => [r.id, { ok: false, code, message: e.message ?? String(err) }]));
  }
  await record(o, call, outcomes, progress);
}

/**
 * Decides each row's fate from its outcome (vk-errors.ts) and records the answer in one transaction, right after it
 * arrived; a user VK says we may no longer write to loses the consent in the same transaction.
 */
async function record(
  o: SenderOptions,
  req: SendRequest,
  outcomes: Map<number, RowOutcome>,
  progress: SenderProgress,
): Promise<void> {
  const now = o.now();
  const counts = { sent: 0, failed: 0, retried: 0, revoked: 0 };
  const rows: RowAnswer[] = req.rows.map((row) => {
    const out = outcomes.get(row.id) ?? { ok: false, message: 'no outcome' };
    if (out.ok) {
      counts.sent += 1;
      return { id: row.id, status: 'sent', messageId: out.messageId };
    }
    const verdict = classifyVkError(out.code, out.message, row.channel, row.attempts);
    if (verdict.action === 'retry' && row.attempts < MAX_ATTEMPTS) {
      counts.retried += 1;
      return {
        id: row.id,
        status: 'retry',
        nextAttemptAt: now + verdict.delayMs,
        reason: verdict.reason,
        code: out.code,
      };
    }
    counts.failed += 1;
    if (verdict.action === 'revoke') {
      counts.revoked += 1;
      return { id: row.id, status: 'failed', reason: verdict.reason, code: out.code, consentLostBy: row.vkUserId };
    }
    const reason = verdict.action === 'retry' ? `attempts_exhausted: ${verdict.reason}` : verdict.reason;
    return { id: row.id, status: 'failed', reason, code: out.code };
  });
  await recordAnswers(o.db, { vkGroupId: o.groupId, channel: req.channel, now, rows });
  // Counted once committed: a failed write leaves the rows claimed, to be sent again after the lease.
  progress.sent += counts.sent;
  progress.failed += counts.failed;
  progress.retried += counts.retried;
  progress.revoked += counts.revoked;
}
