/**
 * @module Stats per rule and per broadcast: rows by status, failures by reason, and conversion — the user reached
 * the target stage after the message — for those sent a message versus the holdout that was deliberately sent
 * nothing, per variant. What went out is `byStatus.sent` of all rows but the holdout, as the office's bar shows it
 * (miniapp/admin/mailings/delivery-bar.ts); there is no "progress" share: the share of rows decided (sent, failed or
 * closed) read 100% for a broadcast stopped half-way and contradicted the bar (decision 071).
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';
import { byLargest, CLOSE_REASONS, type CloseReason, closeReasonOf } from './close-reasons.ts';

const { outbox, participants, messageRules, broadcasts, campaigns } = schema;

export interface Conversion {
  users: number;
  converted: number;
  rate: number;
}

export interface MessageStats {
  total: number;
  byStatus: Record<string, number>;
  failedByReason: Record<string, number>;
  /**
   * Rows closed unsent, by the reason stored when they were closed (close-reasons.ts), the largest first; they add up
   * to `byStatus.cancelled`.
   */
  cancelledByReason: Partial<Record<CloseReason, number>>;
  /** Recipients of a sent message who opened the mini app after it. */
  openedAfter: number;
  targetStage: string | null;
  treated: Conversion;
  holdout: Conversion;
  /** Treated rate minus holdout rate, in percentage points; null without a holdout. */
  liftPoints: number | null;
  byVariant: Record<string, Conversion>;
}

const conv = (users: number, converted: number): Conversion => ({
  users,
  converted,
  rate: users === 0 ? 0 : Math.round((converted / users) * 10_000) / 10_000,
});

async function statsFor(
  db: Db,
  where: ReturnType<typeof eq>,
  stages: string[],
  targetStage: string | null,
): Promise<MessageStats> {
  const target = targetStage === null ? -1 : stages.indexOf(targetStage);
  const rows = await db
    .select({
      status: outbox.status,
      reason: outbox.errorReason,
      variant: outbox.variant,
      n: count(),
      converted: sql<number>`coalesce(sum(case when ${participants.stageIndex} >= ${target} and ${target} >= 0 then 1 else 0 end), 0)`,
      // Opened the app after the message: seen (any launch) later than it was sent.
      opened: sql<number>`coalesce(sum(case when ${outbox.sentAt} is not null and ${participants.lastSeenAt} > ${outbox.sentAt} then 1 else 0 end), 0)`,
    })
    .from(outbox)
    .leftJoin(participants, eq(participants.id, outbox.participantId))
    .where(where)
    .groupBy(outbox.status, outbox.errorReason, outbox.variant);
  const s: MessageStats = {
    total: 0,
    byStatus: {},
    failedByReason: {},
    cancelledByReason: {},
    openedAfter: 0,
    targetStage,
    treated: conv(0, 0),
    holdout: conv(0, 0),
    liftPoints: null,
    byVariant: {},
  };
  let treated = [0, 0];
  let holdout = [0, 0];
  const variants = new Map<string, [number, number]>();
  for (const r of rows) {
    // SUM comes back as text or bigint on some drivers: a number from here on.
    const converted = Number(r.converted);
    s.total += r.n;
    s.openedAfter += Number(r.opened);
    s.byStatus[r.status] = (s.byStatus[r.status] ?? 0) + r.n;
    const reason = r.reason ?? 'unknown';
    if (r.status === 'failed') s.failedByReason[reason] = (s.failedByReason[reason] ?? 0) + r.n;
    if (r.status === 'cancelled') {
      const closed = closeReasonOf(r.reason);
      s.cancelledByReason[closed] = (s.cancelledByReason[closed] ?? 0) + r.n;
    }
    if (r.status === 'sent') treated = [(treated[0] ?? 0) + r.n, (treated[1] ?? 0) + converted];
    if (r.status === 'holdout') holdout = [(holdout[0] ?? 0) + r.n, (holdout[1] ?? 0) + converted];
    if (r.status === 'sent' || r.status === 'holdout') {
      const key = r.variant ?? 'default';
      const v = variants.get(key) ?? [0, 0];
      variants.set(key, [v[0] + r.n, v[1] + converted]);
    }
  }
  s.cancelledByReason = byLargest(s.cancelledByReason, CLOSE_REASONS);
  s.treated = conv(treated[0] ?? 0, treated[1] ?? 0);
  s.holdout = conv(holdout[0] ?? 0, holdout[1] ?? 0);
  if (s.holdout.users > 0 && s.treated.users > 0) {
    s.liftPoints = Math.round((s.treated.rate - s.holdout.rate) * 10_000) / 100;
  }
  for (const [k, [n, c]] of variants) s.byVariant[k] = conv(n, c);
  return s;
}

export async function ruleStats(db: Db, ruleId: number): Promise<MessageStats> {
  const [rule] = await db
    .select({ rule: messageRules, stages: campaigns.stages })
    .from(messageRules)
    .innerJoin(campaigns, eq(campaigns.id, messageRules.campaignId))
    .where(eq(messageRules.id, ruleId))
    .limit(1);
  if (!rule) throw new ApiError(404, 'rule_not_found', `Rule ${ruleId} does not exist`);
  return statsFor(
    db,
    and(eq(outbox.ruleId, ruleId), eq(outbox.kind, 'rule')) as ReturnType<typeof eq>,
    rule.stages,
    rule.rule.notStage,
  );
}

export async function broadcastStats(db: Db, broadcastId: number): Promise<MessageStats> {
  const [b] = await db
    .select({ b: broadcasts, stages: campaigns.stages })
    .from(broadcasts)
    .innerJoin(campaigns, eq(campaigns.id, broadcasts.campaignId))
    .where(eq(broadcasts.id, broadcastId))
    .limit(1);
  if (!b) throw new ApiError(404, 'broadcast_not_found', `Broadcast ${broadcastId} does not exist`);
  return statsFor(
    db,
    and(eq(outbox.broadcastId, broadcastId), eq(outbox.kind, 'broadcast')) as ReturnType<typeof eq>,
    b.stages,
    b.b.targetStage,
  );
}
