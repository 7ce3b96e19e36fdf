/** @module The sender's progress on the terminal: one redrawn line on a TTY, a line every few seconds otherwise. */
import type { SenderProgress } from './sender-options.ts';

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (p: SenderProgress) => void {
  const started = Date.now();
  let lastLine = 0;
  return (p) => {
    const done = p.sent + p.failed;
    const total = done + p.remaining;
    const ratio = total === 0 ? 1 : done / total;
    const width = 30;
    const filled = Math.round(ratio * width);
    const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
    const line =
      `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ` +
      `sent ${p.sent} failed ${p.failed} (consent lost ${p.revoked}) retries ${p.retried} ` +
      `${rate.toFixed(0)} msg/s ${p.requests} requests`;
    if (stream.isTTY) stream.write(`\r${line}\x1b[K`);
    else if (Date.now() - lastLine > 2000 || p.remaining === 0) {
      lastLine = Date.now();
      stream.write(`${line}\n`);
    }
  };
}
