/**
 * @module Drop-off screens: the last screen viewed in each session — where people leave the app. Sessions in which no
 * screen was viewed count under `(none)`.
 */
import { rangeSessions } from './session-stats.ts';
import { rate } from './session-walk.ts';
import type { StatsDropOffScreens } from './stats.schemas.ts';
import { header, type StatsContext } from './stats-context.ts';

/** @example const body = await dropOffScreens(ctx); */
export async function dropOffScreens(ctx: StatsContext): Promise<StatsDropOffScreens> {
  const sessions = await rangeSessions(ctx);
  const ended = new Map<string, number>();
  for (const s of sessions) {
    const screen = s.lastScreen || '(none)';
    ended.set(screen, (ended.get(screen) ?? 0) + 1);
  }
  return {
    ...header(ctx),
    sessions: sessions.length,
    screens: [...ended.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([screen, n]) => ({ screen, sessionsEnded: n, share: rate(n, sessions.length) })),
  };
}
