/**
 * @module Sessions rebuilt from telemetry: a participant's events in time order, cut wherever 30 minutes pass without
 * one (`SESSION_GAP_MS`), whatever the client said about sessions — so a phone that slept, a lost `session_start` or
 * two tabs all count the same way. One pass over the scan; per session we keep only what the measures need.
 */
import type { Db } from '../db/client.ts';
import { telemetryPoints } from '../db/telemetry-scan.ts';
import { SESSION_GAP_MS } from './stats.schemas.ts';

export interface Session {
  participantId: number;
  start: number;
  end: number;
  /** The last screen viewed in the session ('' when none was). */
  lastScreen: string;
  screenViews: number;
  errors: number;
}

export interface SessionWalkQuery {
  campaignIds: number[];
  from: number;
  until: number;
  platform?: string;
  /** Participants left out (beta testers). */
  exclude?: ReadonlySet<number>;
}

/**
 * Every session with its first event in [from, until) (events after `until` are not read, so a session open at the
 * end of the range is cut there), in order of their end.
 * @example const sessions = await walkSessions(db, { campaignIds: [1], from, until });
 */
export async function walkSessions(db: Db, q: SessionWalkQuery): Promise<Session[]> {
  const done: Session[] = [];
  for (const campaignId of q.campaignIds) {
    const open = new Map<number, Session>();
    const scan = { campaignId, from: q.from, until: q.until, platform: q.platform };
    for await (const chunk of telemetryPoints(db, scan)) {
      for (const [pid, at, kind, screen] of chunk) {
        if (q.exclude?.has(pid)) continue;
        let s = open.get(pid);
        if (s && at - s.end > SESSION_GAP_MS) {
          done.push(s);
          s = undefined;
        }
        if (!s) {
          s = { participantId: pid, start: at, end: at, lastScreen: '', screenViews: 0, errors: 0 };
          open.set(pid, s);
        }
        s.end = at;
        if (kind === 'screen_view') {
          s.screenViews += 1;
          s.lastScreen = screen;
        } else if (kind === 'client_error') {
          s.errors += 1;
        }
      }
    }
    for (const s of open.values()) done.push(s);
  }
  return done;
}

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The p-th percentile (nearest rank) of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);
