/**
 * @module Sessions of telemetry: a participant's events in time order, cut wherever 30 minutes pass without one
 * (`SESSION_GAP_MS`), whatever the client said about sessions — so a phone that slept, a lost `session_start` or two
 * tabs all count the same way. `SessionFold` is the one place that rule lives: the ingest folds each batch into the
 * stored sessions with it (telemetry-sessions.ts), and `walkSessions` uses it again only for the few stored sessions
 * a range's edge cuts through (docs/decisions/028-stats-rollups.md).
 */
import { and, asc, eq, gte, lt, lte } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import type { TelemetryKind } from '../db/schema/telemetry.ts';
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

/**
 * Folds events, given in (at, id) order, into sessions per participant. Sessions handed to the constructor are still
 * open: the next events of their participant may extend them.
 */
export class SessionFold {
  readonly done: Session[] = [];
  private readonly open = new Map<number, Session>();

  constructor(open: Iterable<Session> = []) {
    for (const s of open) this.open.set(s.participantId, s);
  }

  add(participantId: number, at: number, kind: TelemetryKind, screen: string): void {
    let s = this.open.get(participantId);
    if (s && at - s.end > SESSION_GAP_MS) {
      this.done.push(s);
      s = undefined;
    }
    if (!s) {
      s = { participantId, start: at, end: at, lastScreen: '', screenViews: 0, errors: 0 };
      this.open.set(participantId, s);
    }
    s.end = at;
    if (kind === 'screen_view') {
      s.screenViews += 1;
      s.lastScreen = screen;
    } else if (kind === 'client_error') {
      s.errors += 1;
    }
  }

  /** Every session, the finished ones first. */
  sessions(): Session[] {
    return [...this.done, ...this.open.values()];
  }
}

export interface SessionWalkQuery {
  campaignIds: number[];
  from: number;
  until: number;
  platform?: 'vk' | 'ok' | 'telegram';
  /** Participants left out (beta testers). */
  exclude?: ReadonlySet<number>;
}

type StoredSession = Session & { campaignId: number };

const stored = schema.telemetrySessions;
const storedColumns = {
  campaignId: stored.campaignId,
  participantId: stored.participantId,
  start: stored.startAt,
  end: stored.endAt,
  lastScreen: stored.lastScreen,
  screenViews: stored.screenViews,
  errors: stored.errors,
};

/**
 * The events of one stored session inside [from, until), folded again: a range sees only its part of a session that
 * crosses its edge, as if the events outside had never been read.
 */
async function cutSession(db: Db, s: StoredSession, from: number, until: number): Promise<Session[]> {
  const t = schema.telemetryEvents;
  const rows = await db
    .select({ at: t.at, kind: t.kind, screen: t.screen })
    .from(t)
    .where(
      and(
        eq(t.campaignId, s.campaignId),
        eq(t.participantId, s.participantId),
        gte(t.at, Math.max(s.start, from)),
        lte(t.at, s.end),
        lt(t.at, until),
      ),
    )
    .orderBy(asc(t.at), asc(t.id));
  const fold = new SessionFold();
  for (const r of rows) fold.add(s.participantId, r.at, r.kind, r.screen);
  return fold.sessions();
}

/**
 * The stored sessions an edge of the range cuts through (begun before `from` and reaching into the range, or begun in
 * it and reaching `until`), folded again from their events inside the range; and their participants.
 */
export async function edgeSessions(
  db: Db,
  q: SessionWalkQuery,
): Promise<{ pieces: Session[]; participants: number[] }> {
  const cut: StoredSession[] = [];
  const platform = q.platform === undefined ? undefined : eq(stored.platform, q.platform);
  const kept = (s: StoredSession) => !q.exclude?.has(s.participantId);
  for (const campaignId of q.campaignIds) {
    const across = await db
      .select(storedColumns)
      .from(stored)
      .where(
        and(
          eq(stored.campaignId, campaignId),
          gte(stored.endAt, q.until),
          gte(stored.startAt, q.from),
          lt(stored.startAt, q.until),
          platform,
        ),
      );
    for (const s of across) if (kept(s)) cut.push(s);
    const before = await db
      .select(storedColumns)
      .from(stored)
      .where(and(eq(stored.campaignId, campaignId), gte(stored.endAt, q.from), lt(stored.startAt, q.from), platform));
    for (const s of before) if (kept(s)) cut.push(s);
  }
  const pieces: Session[] = [];
  for (const s of cut) pieces.push(...(await cutSession(db, s, q.from, q.until)));
  return { pieces, participants: [...new Set(cut.map((s) => s.participantId))] };
}

/**
 * Every session with its first event in [from, until), as if only the events in [from, until) existed: a session open
 * at the end of the range is cut there, one begun before it starts at its first event inside. Read from the stored
 * sessions; only those crossing an edge of the range are folded again from their events. The dashboard aggregates
 * in SQL instead (session-split.ts); this whole list is the reference the tests compare with.
 * @example const sessions = await walkSessions(db, { campaignIds: [1], from, until });
 */
export async function walkSessions(db: Db, q: SessionWalkQuery): Promise<Session[]> {
  const out: Session[] = [];
  const platform = q.platform === undefined ? undefined : eq(stored.platform, q.platform);
  for (const campaignId of q.campaignIds) {
    const inside = await db
      .select(storedColumns)
      .from(stored)
      .where(
        and(
          eq(stored.campaignId, campaignId),
          gte(stored.startAt, q.from),
          lt(stored.startAt, q.until),
          lt(stored.endAt, q.until),
          platform,
        ),
      );
    for (const s of inside) if (!q.exclude?.has(s.participantId)) out.push(s);
  }
  out.push(...(await edgeSessions(db, q)).pieces);
  return out;
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
