/**
 * @module The wheel's attempt economy: `dailyFreeAttempts` renew every campaign day (at the reset hour in the
 * campaign's time zone); each completed task earns its `attemptsGranted` bonus attempts once; at most
 * `dailyAttemptLimit` attempts of either kind per day. Free attempts are spent before bonus ones.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import type { CampaignRow } from '../../campaigns/campaign.service.ts';
import { schema } from '../../db/client.ts';
import type { DbOrTx } from '../../funnel/record-event.ts';
import { campaignDay, nextDayStart } from '../campaign-day.ts';
import type { WheelSettings } from '../settings.ts';

export interface AttemptsState {
  day: string;
  usedToday: number;
  dailyLimit: number;
  freeLeftToday: number;
  bonusEarned: number;
  bonusLeft: number;
  availableNow: number;
  /** What the next spin would spend, or why there is none. */
  next: 'free' | 'bonus' | 'daily_limit' | 'none_left';
  nextResetAt: number;
}

export function attemptsState(
  db: DbOrTx,
  campaign: CampaignRow,
  wheel: WheelSettings,
  participantId: number,
  at: number,
): AttemptsState {
  const day = campaignDay(at, campaign.timeZone, wheel.resetHour);
  const today = db
    .select({ kind: schema.wheelAttempts.kind, n: count() })
    .from(schema.wheelAttempts)
    .where(and(eq(schema.wheelAttempts.participantId, participantId), eq(schema.wheelAttempts.day, day)))
    .groupBy(schema.wheelAttempts.kind)
    .all();
  const freeUsed = today.find((r) => r.kind === 'free')?.n ?? 0;
  const usedToday = today.reduce((s, r) => s + r.n, 0);
  const bonusUsed =
    db
      .select({ n: count() })
      .from(schema.wheelAttempts)
      .where(and(eq(schema.wheelAttempts.participantId, participantId), eq(schema.wheelAttempts.kind, 'bonus')))
      .get()?.n ?? 0;
  const bonusEarned =
    db
      .select({ n: sql<number>`coalesce(sum(${schema.tasks.attemptsGranted}), 0)` })
      .from(schema.taskCompletions)
      .innerJoin(schema.tasks, eq(schema.tasks.id, schema.taskCompletions.taskId))
      .where(and(eq(schema.taskCompletions.participantId, participantId), eq(schema.taskCompletions.status, 'done')))
      .get()?.n ?? 0;
  const freeLeftToday = Math.max(0, wheel.dailyFreeAttempts - freeUsed);
  const bonusLeft = Math.max(0, bonusEarned - bonusUsed);
  const limitLeft = Math.max(0, wheel.dailyAttemptLimit - usedToday);
  const availableNow = Math.min(limitLeft, freeLeftToday + bonusLeft);
  const next =
    availableNow > 0 ? (freeLeftToday > 0 ? 'free' : 'bonus') : limitLeft === 0 ? 'daily_limit' : 'none_left';
  return {
    day,
    usedToday,
    dailyLimit: wheel.dailyAttemptLimit,
    freeLeftToday,
    bonusEarned,
    bonusLeft,
    availableNow,
    next,
    nextResetAt: nextDayStart(at, campaign.timeZone, wheel.resetHour),
  };
}
