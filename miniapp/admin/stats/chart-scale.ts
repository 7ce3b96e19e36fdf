/** The y axis of the office's charts: from 0, counts in whole steps, shares as they are. */

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
