/**
 * @module The outbox sender: claims due rows, sends them within the token's rate (a `RateGate` in front of vk-io,
 * about one second of requests in flight), and records each answer in its own transaction right after it arrives
 * (send-claimed-call.ts). Only the process holding a token's lease (token-turn.ts) claims and sends for it; the others
 * wait their turn. Killed at any moment it loses nothing: claimed rows come back when their lease ends and are resent
 * with the same `random_id`, which VK drops for recipients who already got the message.
 */
import { outboxNextDueAt, outboxRemaining } from '../../server/mailing/outbox-answers.ts';
import { claimRequests, type MessageChannel, type SendRequest } from '../../server/mailing/outbox-claim.ts';
import { closeSwitchedOffWaiting } from '../../server/mailing/outbox-switched-off.ts';
import { HeldTurns } from './held-turns.ts';
import { RefusedTokens } from './refused-tokens.ts';
import { sendClaimedCall } from './send-claimed-call.ts';
import { channelNow } from './sender-channel.ts';
import { countSkipped, requireSenderTimings, type SenderOptions, type SenderProgress } from './sender-options.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Drains the outbox; resolves with the totals when `once` and nothing more is due, or when aborted.
 * @example await runSender({ db, now: Date.now, channels: { message: { api, turn, window: 20 } }, scope: { vkGroupId }, appId, leaseMs: 60000, once: true })
 */
export async function runSender(o: SenderOptions): Promise<SenderProgress> {
  requireSenderTimings(o);
  const progress: SenderProgress = {
    sent: 0,
    failed: 0,
    retried: 0,
    revoked: 0,
    skipped: 0,
    skippedBy: {},
    remaining: 0,
    requests: 0,
  };
  const active = Object.keys(o.channels) as MessageChannel[];
  const inFlight = new Set<Promise<void>>();
  const perChannel = new Map<MessageChannel, number>(active.map((c) => [c, 0]));
  let lastReport = 0;
  const report = async (force = false) => {
    if (!o.onProgress) return;
    const t = Date.now();
    if (!force && t - lastReport < 250) return;
    lastReport = t;
    progress.remaining = await outboxRemaining(o.db, o.scope, active);
    o.onProgress({ ...progress });
  };

  const turns = new HeldTurns();
  try {
    await drain(o, progress, active, inFlight, perChannel, report, turns, new RefusedTokens());
  } finally {
    await Promise.allSettled(inFlight);
    await turns.stopAll();
  }
  await report(true);
  progress.remaining = await outboxRemaining(o.db, o.scope, active);
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
  refused: RefusedTokens,
): Promise<void> {
  // Set after a turn that found nothing to send while every channel had its token and this process its lease: the
  // next turns ask only when a row is due (one read) until one is, instead of opening the token and claiming in a
  // write transaction every second (with a run per community, that was a write a second for each: decision 088).
  let quiet = false;
  while (!o.signal?.aborted) {
    if (quiet && !o.once) {
      const next = await outboxNextDueAt(o.db, o.scope, active, o.leaseMs);
      const now = o.now();
      if (next === undefined || next > now) {
        await sleep(
          Math.max(20, Math.min(o.idleMs ?? 1000, next === undefined ? Number.POSITIVE_INFINITY : next - now)),
        );
        continue;
      }
      quiet = false;
    }
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
            scope: o.scope,
            channel,
            now: o.now(),
            leaseMs: o.leaseMs,
          }).then(
            (closed) => countSkipped(progress, { brand_switched_off: closed }),
            (err) => console.error('sender: closing a switched-off brand’s rows failed; tried again next turn', err),
          );
        }
        continue;
      }
      if (refused.paused(channel, ch, o.now())) {
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
          scope: o.scope,
          // Rows closed instead of claimed are counted too: every row ends in a total (decision 106).
          onClosed: (closed) => {
            countSkipped(progress, closed.cancelledBy);
            progress.failed += closed.failed;
          },
        });
      } catch (err) {
        // e.g. SQLITE_BUSY past the busy timeout: nothing was claimed; try again on the next turn.
        console.error('sender: claim failed', err);
      }
      for (const req of requests) {
        claimedAny = true;
        perChannel.set(channel, (perChannel.get(channel) ?? 0) + 1);
        const onRefused = (pauseMs: number, reason: string) => refused.pause(channel, ch, o.now() + pauseMs, reason);
        const p = sendClaimedCall(o, ch, gate, req, progress, onRefused)
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
    const next = sending.length > 0 ? await outboxNextDueAt(o.db, o.scope, sending, o.leaseMs) : undefined;
    const now = o.now();
    quiet = !waitingForTurn && sending.length === active.length && (next === undefined || next > now);
    if (o.once && (next === undefined || next > now + (o.drainWaitMs ?? 5000))) break;
    const untilDue = next === undefined ? Number.POSITIVE_INFINITY : next - now;
    // Waiting for a token's lease: look again a few times a second (its keeper tries to take it), not in a spin.
    const pause = waitingForTurn ? Math.min(o.idleMs ?? 1000, 250) : Math.min(o.idleMs ?? 1000, untilDue);
    await sleep(Math.max(20, pause));
  }
}
