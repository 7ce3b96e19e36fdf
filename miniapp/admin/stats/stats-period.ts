/**
 * The period the dashboard's label names. Its figures are loaded measure by measure, and one may fail: the label must
 * name the period the filter asks for (the one each failed measure's Retry asks again), never the last one answered,
 * which would put the new period's figures or errors under the old period's days.
 */
import type { StatsFilter } from './stats-api.ts';

export interface StatsPeriod {
  from: string;
  to: string;
  timeZone: string;
}

/**
 * The days picked, in the scope's zone (the server's answer named it; the filter does not change it), or the
 * server's own days while none are picked. Nothing before the server has answered once: the zone is not known.
 * @example shownPeriod({ from: '2026-06-01', to: '2026-06-07' }, lastAnswer) // → 1–7 June in lastAnswer's zone
 */
export function shownPeriod(filter: StatsFilter, answered: StatsPeriod | undefined): StatsPeriod | undefined {
  if (!answered) return undefined;
  if (filter.from && filter.to) return { from: filter.from, to: filter.to, timeZone: answered.timeZone };
  return { from: answered.from, to: answered.to, timeZone: answered.timeZone };
}
