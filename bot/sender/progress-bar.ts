/**
 * @module The sender's progress on the terminal: one redrawn line on a TTY, a line every few seconds otherwise. The
 * bar is the share of the run's rows that were sent, as the office's bar is (decision 069): before, it filled with the
 * rows decided (sent or failed), so a run whose messages half failed read a full bar and "5/5" beside "sent 2 failed 3".
 */
import type { SenderProgress } from './sender-options.ts';

const WIDTH = 30;

/**
 * One line of progress: the bar and "sent of all" (sent, failed, closed unsent and still to send), then each count.
 * @example progressLine({ sent: 2, failed: 3, remaining: 0, … }, 12) // '[############..................] 2/5 sent · …'
 */
export function progressLine(p: SenderProgress, perSecond: number): string {
  const total = p.sent + p.failed + p.skipped + p.remaining;
  // Rounded down, as the office's: 199 of 200 sent is not a full bar.
  const filled = total === 0 ? 0 : Math.floor((p.sent / total) * WIDTH);
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${p.sent}/${total} sent · ` +
    `failed ${p.failed} (consent lost ${p.revoked}) ${p.skipped > 0 ? `skipped ${p.skipped} ` : ''}` +
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
