/**
 * @module Recording VK's answer to one call: each row's fate decided from its outcome (vk-errors.ts) — sent, retried
 * later, failed, or failed with the consent lost — written in one transaction right after the answer arrived.
 */
import { type RowAnswer, recordAnswers } from '../../server/mailing/outbox-answers.ts';
import type { OutboxRow, SendRequest } from '../../server/mailing/outbox-claim.ts';
import type { SenderOptions, SenderProgress } from './sender-options.ts';
import type { RowOutcome } from './vk-calls.ts';
import { classifyVkError, MAX_ATTEMPTS } from './vk-errors.ts';

/**
 * Decides each row's fate and records it; a user VK says we may no longer write to loses the consent in the same
 * transaction. The run's totals count the rows once committed.
 * @example await recordOutcomes(o, call, await sendRequest(api, call, ids), progress)
 */
export async function recordOutcomes(
  o: Pick<SenderOptions, 'db' | 'now'>,
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
  // A call's rows are of one community (toRequests): a consent lost is lost there.
  const vkGroupId = (req.rows[0] as OutboxRow).vkGroupId;
  await recordAnswers(o.db, { vkGroupId, channel: req.channel, now, rows });
  // Counted once committed: a failed write leaves the rows claimed, to be sent again after the lease.
  progress.sent += counts.sent;
  progress.failed += counts.failed;
  progress.retried += counts.retried;
  progress.revoked += counts.revoked;
}
