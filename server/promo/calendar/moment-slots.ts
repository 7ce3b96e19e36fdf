/**
 * @module Drawing a prize calendar's winning moments: `spread` draws N instants at random over the whole window,
 * `per_day` and `per_hour` draw K in every local day (from the campaign's reset hour) or local hour of the campaign's
 * time zone. Instants come from a cryptographic generator (node:crypto `randomInt`), so nobody can predict a moment
 * from the ones already seen.
 */
import { randomInt } from 'node:crypto';
import { nextDayStart } from '../campaign-day.ts';

export const GENERATION_MODES = ['spread', 'per_day', 'per_hour'] as const;
export type GenerationMode = (typeof GENERATION_MODES)[number];

/** At most this many moments per request (all rewards together): a year of per-hour moments for one prize. */
export const MAX_MOMENTS_PER_GENERATION = 10_000;

export interface SlotPlan {
  mode: GenerationMode;
  /** `spread`: moments in the whole window; `per_day`/`per_hour`: moments in each slot. */
  count: number;
  from: number;
  to: number;
  timeZone: string;
  /** Local hour at which a `per_day` slot begins (the campaign's day boundary). */
  resetHour: number;
}

/** A uniform integer in [min, max), crypto-strong. */
export type RandomInt = (min: number, max: number) => number;
export const cryptoRandomInt: RandomInt = (min, max) => randomInt(min, max);

const minuteFormatters = new Map<string, Intl.DateTimeFormat>();

/** When the local hour after `at` begins: whole-hour and half-hour offsets both give local hour boundaries. */
export function nextLocalHourStart(at: number, timeZone: string): number {
  let f = minuteFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, minute: '2-digit', second: '2-digit' });
    minuteFormatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, Number(p.value)]));
  const intoHour = ((parts.minute ?? 0) * 60 + (parts.second ?? 0)) * 1000 + (at % 1000);
  return at - intoHour + 3_600_000;
}

/** The slots of a plan, one at a time: the whole window, or its local days or hours (the first and last may be partial). */
function* slots(plan: Pick<SlotPlan, 'mode' | 'from' | 'to' | 'timeZone' | 'resetHour'>): Generator<[number, number]> {
  if (plan.to <= plan.from) return;
  if (plan.mode === 'spread') {
    yield [plan.from, plan.to];
    return;
  }
  const next =
    plan.mode === 'per_day'
      ? (at: number) => nextDayStart(at, plan.timeZone, plan.resetHour)
      : (at: number) => nextLocalHourStart(at, plan.timeZone);
  for (let start = plan.from; start < plan.to; ) {
    const end = Math.min(next(start), plan.to);
    yield [start, end];
    start = end;
  }
}

/** The slots of a plan: the whole window, or its local days or hours (the first and last may be partial). */
export function slotsOf(plan: Pick<SlotPlan, 'mode' | 'from' | 'to' | 'timeZone' | 'resetHour'>): [number, number][] {
  return [...slots(plan)];
}

const NOMINAL_SLOT_MS = { per_day: 86_400_000, per_hour: 3_600_000 } as const;

/**
 * How many moments a plan makes, without drawing them (to refuse a too-large request before any work). Slots are
 * walked only until the count passes `limit`; the rest of the window is then counted by its nominal slot length
 * (exact for hours, within a day or two for days across clock changes), since the number is only reported in the
 * refusal: walking twenty years of hours, once per prize, held the server for seconds.
 * @example momentCount({ mode: 'per_hour', count: 10, from, to: from + 20 * YEAR, … }, 10_000) // ≈ 1,752,000, after 1,001 slots
 */
export function momentCount(plan: SlotPlan, limit = Number.POSITIVE_INFINITY): number {
  if (plan.mode === 'spread') return plan.count;
  let moments = 0;
  for (const [, end] of slots(plan)) {
    moments += plan.count;
    if (moments > limit) return moments + Math.ceil((plan.to - end) / NOMINAL_SLOT_MS[plan.mode]) * plan.count;
  }
  return moments;
}

/**
 * The plan's moments, sorted.
 * @example drawMoments({ mode: 'per_day', count: 2, from, to: from + 3 * DAY, timeZone: 'Europe/Moscow', resetHour: 0 }) // 6 or 8 instants, 2 in each local day
 */
export function drawMoments(plan: SlotPlan, random: RandomInt = cryptoRandomInt): number[] {
  const moments: number[] = [];
  for (const [start, end] of slots(plan)) {
    for (let i = 0; i < plan.count; i++) moments.push(random(start, end));
  }
  return moments.sort((a, b) => a - b);
}
