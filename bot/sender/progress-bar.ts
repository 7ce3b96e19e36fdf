/**
 * @module The sender's progress on the terminal: one redrawn line on a TTY, a line every few seconds otherwise. The
 * bar is the share of the run's rows that were sent, as the office's bar is (decision 069): before, it filled with the
 * rows decided (sent or failed), so a run whose messages half failed read a full bar and "5/5" beside "sent 2 failed 3".
 */
import type { StaleReason } from '../../server/mailing/outbox-stale.ts';
import type { SenderProgress } from './sender-options.ts';

const WIDTH = 30;

/** Why rows were closed unsent, in a word or two each: a terminal line has no room for the office's sentences. */
const SKIPPED_WORDS: Record<StaleReason, string> = {
  consent_revoked: 'consent',
  broadcast_cancelled: 'stopped',
  brand_switched_off: 'brand off',
  rule_or_campaign_not_live: 'not live',
  moved_on: 'moved on',
};

/** "skipped 5 (consent 3, stopped 2) ", the largest first; nothing when none were. */
function skippedPart(p: SenderProgress): string {
  if (p.skipped === 0) return '';
  const by = (Object.entries(p.skippedBy) as [StaleReason, number][]).sort(([, a], [, b]) => b - a);
  const why = by.map(([reason, n]) => `${SKIPPED_WORDS[reason]} ${n}`).join(', ');
  return `skipped ${p.skipped}${why ? ` (${why})` : ''} `;
}

/**
 * One line of progress: the bar and "sent of all" (sent, failed, closed unsent and still to send), then each count;
 * the rows closed unsent with why, so "skipped 40" is not read as one cause (decision 111).
 * @example progressLine({ sent: 2, failed: 3, remaining: 0, … }, 12) // '[############..................] 2/5 sent · …'
 */
export function progressLine(p: SenderProgress, perSecond: number): string {
  const total = p.sent + p.failed + p.skipped + p.remaining;
  // Rounded down, as the office's: 199 of 200 sent is not a full bar.
  const filled = total === 0 ? 0 : Math.floor((p.sent / total) * WIDTH);
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${p.sent}/${total} sent · ` +
    `failed ${p.failed} (consent lost ${p.revoked}) ${skippedPart(p)}` +
    `left ${p.remaining} retries ${p.retried} ` +
    `${perSecond.toFixed(0)} msg/s ${p.requests} requests`
  );
}

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (p: SenderProgress) => void {
  const started = Date.now();
  let lastLine = 0;
  return (p) => {
    const line = progressLine(p, (p.sent + p.failed) / Math.max(0.001, (Date.now() - started) / 1000));
    if (stream.isTTY) stream.write(`\r${line}\x1b[K`);
    else if (Date.now() - lastLine > 2000 || p.remaining === 0) {
      lastLine = Date.now();
      stream.write(`${line}\n`);
    }
  };
}
