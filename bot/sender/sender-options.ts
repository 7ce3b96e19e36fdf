/** @module What one run of the outbox sender is told (its database, clock, channels, community, lease, pace) and tells back. */
import type { Db } from '../../server/db/client.ts';
import type { MessageChannel } from '../../server/mailing/outbox-claim.ts';
import type { OutboxScope } from '../../server/mailing/outbox-scope.ts';
import type { StaleReason } from '../../server/mailing/outbox-stale.ts';
import type { ChannelSource, SenderChannel } from './sender-channel.ts';

export interface SenderOptions {
  db: Db;
  now: () => number;
  channels: Partial<Record<MessageChannel, SenderChannel | ChannelSource>>;
  /** The rows this run sends: its community's messages, or its VK app's notifications (decision 090). */
  scope: OutboxScope;
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
  /**
   * Rows this run closed instead of sending (consent withdrawn, brand switched off, broadcast stopped, rule or
   * campaign no longer live, participant moved on: outbox-stale.ts), so sent + failed + skipped + remaining is every
   * row it met (decision 106).
   */
  skipped: number;
  /** `skipped` by the reason each row was closed with: the terminal line says why (progress-bar.ts). */
  skippedBy: Partial<Record<StaleReason, number>>;
  /** Rows still queued or sending for this sender's scope. */
  remaining: number;
  requests: number;
}

/**
 * A lease or pause that is not a number makes every "is it due" comparison false: rows never come back and the idle
 * sleep becomes 1 ms (a spinning core). The run refuses to start instead.
 * @example requireSenderTimings({ leaseMs: Number.NaN }) // RangeError: runSender: leaseMs must be a number ≥ 0, got NaN
 */
/** Adds rows closed unsent to the run's totals, by reason. */
export function countSkipped(progress: SenderProgress, byReason: Partial<Record<StaleReason, number>>): void {
  for (const [reason, n] of Object.entries(byReason) as [StaleReason, number][]) {
    if (n === 0) continue;
    progress.skipped += n;
    progress.skippedBy[reason] = (progress.skippedBy[reason] ?? 0) + n;
  }
}

export function requireSenderTimings(o: Pick<SenderOptions, 'leaseMs' | 'drainWaitMs' | 'idleMs'>): void {
  for (const [name, value] of [
    ['leaseMs', o.leaseMs],
    ['drainWaitMs', o.drainWaitMs ?? 0],
    ['idleMs', o.idleMs ?? 0],
  ] as const) {
    if (!Number.isFinite(value) || value < 0)
      throw new RangeError(`runSender: ${name} must be a number ≥ 0, got ${value}`);
  }
}
