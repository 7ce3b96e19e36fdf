/**
 * @module Writing telemetry and its sessions together: `appendTelemetry` inserts a batch and folds it into the stored
 * sessions of its participant in the same transaction, so `telemetry_sessions` always agrees with `telemetry_events`
 * and the dashboard never walks the events (docs/decisions/028-stats-rollups.md). Events of a participant usually
 * arrive in order, and then the batch only extends their last session or opens new ones; a batch that lands before or
 * between stored sessions (a late flush, a second tab) has the sessions near it folded again from their events.
 * `rebuildSessions` folds a whole campaign again (history written straight into the table: the demo, the bench).
 */
import { and, asc, eq, gt, gte, inArray, lte, or, sql } from 'drizzle-orm';
import { schema } from '../db/client.ts';
import { bound, statement } from '../db/prepared.ts';
import type { Tx } from '../db/transactions.ts';
import { type Session, SessionFold } from './session-walk.ts';
import { SESSION_GAP_MS } from './stats.schemas.ts';

export type TelemetryRow = typeof schema.telemetryEvents.$inferInsert;
type Platform = TelemetryRow['platform'];

const sessions = schema.telemetrySessions;
const events = schema.telemetryEvents;
const CHUNK = 500;
const REBUILD_PAGE = 50_000;

// The in-order path runs at every flush of every open app: its two statements are declared once (db/prepared.ts),
// so a batch does not pay for building and preparing them (0.56 → 0.39 ms of CPU per 5-event batch).
const sessionsNear = statement((tx) =>
  tx
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.participantId, sql.placeholder('participantId')),
        gte(sessions.endAt, sql.placeholder('from')),
        lte(sessions.startAt, sql.placeholder('until')),
      ),
    )
    .orderBy(asc(sessions.startAt)),
);
const extendSession = statement((tx) =>
  tx
    .update(sessions)
    .set({
      endAt: bound('endAt'),
      lastScreen: bound('lastScreen'),
      screenViews: bound('screenViews'),
      errors: bound('errors'),
    })
    .where(eq(sessions.id, sql.placeholder('id'))),
);

const sessionRow = (campaignId: number, platform: Platform, s: Session) => ({
  campaignId,
  participantId: s.participantId,
  platform,
  startAt: s.start,
  endAt: s.end,
  lastScreen: s.lastScreen,
  screenViews: s.screenViews,
  errors: s.errors,
});

async function insertSessions(tx: Tx, campaignId: number, platform: Platform, list: Session[]): Promise<void> {
  for (let i = 0; i < list.length; i += CHUNK) {
    const chunk = list.slice(i, i + CHUNK).map((s) => sessionRow(campaignId, platform, s));
    if (chunk.length > 0) await tx.insert(sessions).values(chunk);
  }
}

/** One participant's events from `from` to `until`, in stored order (served by `telemetry_events_participant_at_idx`). */
export const participantEventsBetween = (
  tx: Tx,
  campaignId: number,
  participantId: number,
  from: number,
  until: number,
) =>
  tx
    .select({ at: events.at, kind: events.kind, screen: events.screen })
    .from(events)
    .where(
      and(
        eq(events.campaignId, campaignId),
        eq(events.participantId, participantId),
        gte(events.at, from),
        lte(events.at, until),
      ),
    )
    .orderBy(asc(events.at), asc(events.id));

/** One participant's new events (already inserted), in (at, insertion) order, folded into their stored sessions. */
async function foldParticipant(tx: Tx, batch: TelemetryRow[]): Promise<void> {
  const first = batch[0] as TelemetryRow;
  const { campaignId, participantId, platform } = first;
  const lo = first.at;
  const hi = (batch[batch.length - 1] as TelemetryRow).at;
  const near = await sessionsNear.all(tx, { participantId, from: lo - SESSION_GAP_MS, until: hi + SESSION_GAP_MS });
  const last = near[0];
  if (near.length === 0 || (near.length === 1 && last && lo >= last.endAt)) {
    // In order: the batch continues the last session (or starts new ones); nothing stored needs reading again.
    const open: Session | undefined = last && {
      participantId,
      start: last.startAt,
      end: last.endAt,
      lastScreen: last.lastScreen,
      screenViews: last.screenViews,
      errors: last.errors,
    };
    const fold = new SessionFold(open ? [open] : []);
    for (const e of batch) fold.add(participantId, e.at, e.kind, e.screen ?? '');
    const all = fold.sessions();
    if (last && open) {
      await extendSession.run(tx, {
        id: last.id,
        endAt: open.end,
        lastScreen: open.lastScreen,
        screenViews: open.screenViews,
        errors: open.errors,
      });
    }
    await insertSessions(
      tx,
      campaignId,
      platform,
      all.filter((s) => s !== open),
    );
    return;
  }
  // Out of order: the sessions next to the batch are folded again from every event between them.
  const from = Math.min(lo, ...near.map((s) => s.startAt));
  const until = Math.max(hi, ...near.map((s) => s.endAt));
  await tx.delete(sessions).where(
    inArray(
      sessions.id,
      near.map((s) => s.id),
    ),
  );
  const rows = await participantEventsBetween(tx, campaignId, participantId, from, until);
  const fold = new SessionFold();
  for (const r of rows) fold.add(participantId, r.at, r.kind, r.screen);
  await insertSessions(tx, campaignId, platform, fold.sessions());
}

/**
 * Inserts telemetry rows and keeps their participants' sessions up to date, inside the caller's transaction.
 * @example await inTransaction(db, (tx) => appendTelemetry(tx, rows));
 */
export async function appendTelemetry(tx: Tx, rows: TelemetryRow[]): Promise<void> {
  if (rows.length === 0) return;
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insert(events).values(rows.slice(i, i + CHUNK));
  const byParticipant = new Map<number, { row: TelemetryRow; i: number }[]>();
  for (const [i, row] of rows.entries()) {
    const list = byParticipant.get(row.participantId) ?? [];
    list.push({ row, i });
    byParticipant.set(row.participantId, list);
  }
  for (const list of byParticipant.values()) {
    // Stored order is (at, id) and ids follow the insert order.
    list.sort((a, b) => a.row.at - b.row.at || a.i - b.i);
    await foldParticipant(
      tx,
      list.map((x) => x.row),
    );
  }
}

/**
 * Folds every event of a campaign into sessions again, replacing the stored ones (for history written straight into
 * `telemetry_events`).
 * @example await inTransaction(db, (tx) => rebuildSessions(tx, campaignId));
 */
export async function rebuildSessions(tx: Tx, campaignId: number): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.campaignId, campaignId));
  const fold = new SessionFold();
  const platformOf = new Map<number, Platform>();
  let after: [at: number, id: number] | undefined;
  for (;;) {
    const page = await tx
      .select({
        id: events.id,
        pid: events.participantId,
        platform: events.platform,
        at: events.at,
        kind: events.kind,
        screen: events.screen,
      })
      .from(events)
      .where(
        and(
          eq(events.campaignId, campaignId),
          after && or(gt(events.at, after[0]), and(eq(events.at, after[0]), gt(events.id, after[1]))),
        ),
      )
      .orderBy(asc(events.at), asc(events.id))
      .limit(REBUILD_PAGE);
    for (const r of page) {
      fold.add(r.pid, r.at, r.kind, r.screen);
      platformOf.set(r.pid, r.platform);
    }
    const last = page[page.length - 1];
    if (!last || page.length < REBUILD_PAGE) break;
    after = [last.at, last.id];
  }
  // Stored in order of their start, as the ingest would have written them.
  const all = fold.sessions().sort((a, b) => a.start - b.start || a.participantId - b.participantId);
  for (let i = 0; i < all.length; i += CHUNK) {
    const chunk = all.slice(i, i + CHUNK);
    await tx
      .insert(sessions)
      .values(chunk.map((s) => sessionRow(campaignId, platformOf.get(s.participantId) ?? 'vk', s)));
  }
}
