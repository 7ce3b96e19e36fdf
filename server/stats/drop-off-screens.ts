/**
 * @module Drop-off screens: the last screen viewed in each session — where people leave the app. Sessions in which no
 * screen was viewed count under `(none)`.
 */
import { count } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { rangeSplit } from './session-stats.ts';
import { rate } from './session-walk.ts';
import type { StatsDropOffScreens } from './stats.schemas.ts';
import { header, type StatsContext } from './stats-context.ts';

/** @example const body = await dropOffScreens(ctx); */
export async function dropOffScreens(ctx: StatsContext): Promise<StatsDropOffScreens> {
  const split = await rangeSplit(ctx);
  const t = schema.telemetrySessions;
  const ended = new Map<string, number>();
  const add = (lastScreen: string, n: number) => {
    const screen = lastScreen || '(none)';
    ended.set(screen, (ended.get(screen) ?? 0) + n);
  };
  const rows = await ctx.db
    .select({ lastScreen: t.lastScreen, n: count() })
    .from(t)
    .where(split.where)
    .groupBy(t.lastScreen);
  for (const r of rows) add(r.lastScreen, Number(r.n));
  for (const s of split.rest) add(s.lastScreen, 1);
  let sessions = 0;
  for (const n of ended.values()) sessions += n;
  return {
    ...header(ctx),
    sessions,
    screens: [...ended.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([screen, n]) => ({ screen, sessionsEnded: n, share: rate(n, sessions) })),
  };
}
