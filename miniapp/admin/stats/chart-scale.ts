/** The axes of the office's charts: days and numbers in the member's language; y from 0, counts in whole steps. */
import { dateTimeFormat, type Language } from '../../intl-formats.ts';
import { formatInt, formatShare } from './stats-format.ts';

/**
 * The value axis's labels, written as the figures beside the chart are (stats-format.ts): "10 000" and "12,5 %" in
 * Russian, "10,000" and "12.5%" in English, instead of the script's "10000" and "12.5%" in either.
 */
export function valueTicks(language: Language, percent: boolean): (splits: number[]) => string[] {
  return (splits) => splits.map((v) => (percent ? formatShare(v, language) : formatInt(v, language)));
}

/**
 * The time axis's labels ("4 нояб." / "4 Nov") for its ticks (seconds, days at midday UTC), instead of uPlot's own
 * US "11/4", which a Russian reader takes for 11 April.
 */
export function dayTicks(language: Language): (splits: number[]) => string[] {
  const day = dateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return (splits) => splits.map((seconds) => day.format(seconds * 1000));
}

/**
 * Tick steps for counts (participants, sessions, rewards): 1, 2, 5, 10, 20, 50, … — a count has no tick at half a
 * participant.
 */
export const COUNT_INCREMENTS: number[] = Array.from({ length: 10 }, (_, power) =>
  [1, 2, 5].map((m) => m * 10 ** power),
).flat();

/**
 * From 0 to a little above the largest value. With nothing above 0 (a funnel no one has entered yet) counts still run
 * to 1 and shares to 1 %: scaled to the data alone, the axis read "1e-9".
 */
export function yRange(max: number | null, percent: boolean): [number, number] {
  return [0, Math.max(max ?? 0, percent ? 0.01 : 1) * 1.1];
}

const DAY = 86_400;

/** Tick steps for the time axis, whole days only: the values are per day, so a tick at 04:00 would repeat its date. */
export const DAY_INCREMENTS: number[] = [1, 2, 3, 7, 14, 30, 61, 91, 182, 365].map((days) => days * DAY);

/**
 * The time axis's extent: half a day either side of the first and last day (each sits at its midday). One day is then
 * that day, not the years around it that uPlot picks for a single point.
 */
export function dayRange(min: number | null, max: number | null): [number, number] {
  const first = min ?? 0;
  return [first - DAY / 2, (max ?? first) + DAY / 2];
}

/** The time axis's ticks: the first day, then every `step` seconds (whole days) up to `max`. */
export function daySplits(days: number[], max: number, step: number): number[] {
  const ticks: number[] = [];
  for (let t = days[0] ?? max; t <= max; t += Math.max(step, DAY)) ticks.push(t);
  return ticks;
}
