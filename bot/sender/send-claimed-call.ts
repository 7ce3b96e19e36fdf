/**
 * @module One claimed call on its way to VK: it waits for its slot at the token's rate gate, takes the last look
 * (last-look.ts), goes out only while this process still holds the token's lease, and has its answer recorded
 * (record-outcomes.ts). A token VK refuses fails no row: the call's rows go back to the queue unspent.
 */
import { type OutboxRow, type SendRequest, unclaim } from '../../server/mailing/outbox-claim.ts';
import { lastLook } from './last-look.ts';
import type { RateGate } from './rate-gate.ts';
import { recordOutcomes } from './record-outcomes.ts';
import type { SenderChannel } from './sender-channel.ts';
import { countSkipped, type SenderOptions, type SenderProgress } from './sender-options.ts';
import { type RowOutcome, sendRequest } from './vk-calls.ts';
import { tokenRefusal } from './vk-errors.ts';

/**
 * Sends one claimed call through `gate` and records what VK answered; `onRefused` is told when VK refused the token
 * itself (how long to pause the channel, and why).
 * @example await sendClaimedCall(o, ch, gate, req, progress, (pauseMs, reason) => pause(channel, pauseMs, reason))
 */
export async function sendClaimedCall(
  o: Pick<SenderOptions, 'db' | 'now'>,
  ch: SenderChannel,
  gate: RateGate,
  req: SendRequest,
  progress: SenderProgress,
  onRefused: (pauseMs: number, reason: string) => void,
): Promise<void> {
  const answered = await gate.take();
  // Once the slot opened: what changed since the claim (a cancel, a brand switched off, a consent withdrawn) stays.
  const call = await lastLook(o.db, req, o.now(), (byReason) => countSkipped(progress, byReason));
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
    // A call's rows are of one community (toRequests): its messages are sent as it, its notifications name it.
    outcomes = await sendRequest(ch.api, call, { groupId: (call.rows[0] as OutboxRow).vkGroupId });
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
  await recordOutcomes(o, call, outcomes, progress);
}
