/**
 * @module The journal of incoming VK updates (Callback API and Bots Long Poll), so none is lost or handled twice.
 * VK gets `ok` only after the raw update is stored as `received`; the handler runs afterwards and the row becomes
 * `handled` when it finished. A crash (or `kill -9`) between the two leaves the row `received` with a stale claim,
 * and the recovery pass handles it again — handlers are idempotent (consent upserts, task completion that stays
 * done, replies keyed by message, tickets keyed by message). A repeated `event_id` is never taken again.
 */
import { and, asc, count, eq, lte, sql } from 'drizzle-orm';
import { type Db, schema } from '../../server/db/client.ts';

const { callbackEvents } = schema;

/** A claim older than this is considered dead (its process crashed or the handler hangs). */
export const RECOVERY_AFTER_MS = 10_000;
/** After this many attempts that threw, the event is marked `failed` (kept with its error for a human). */
export const MAX_EVENT_ATTEMPTS = 5;

export interface VkUpdate {
  type: string;
  group_id?: number;
  event_id?: string;
  object?: unknown;
  [extra: string]: unknown;
}

export type JournaledEvent = typeof callbackEvents.$inferSelect;

/** Stores a fresh update as `received` and claimed by the caller; false when its `event_id` was seen before. */
export function recordReceived(db: Db, update: VkUpdate & { event_id: string }, groupId: number, now: number): boolean {
  const { secret: _secret, ...payload } = update;
  const row = db
    .insert(callbackEvents)
    .values({
      eventId: update.event_id,
      vkGroupId: groupId,
      type: update.type,
      receivedAt: now,
      status: 'received',
      payload,
      attempts: 1,
      claimedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: callbackEvents.eventId })
    .get();
  return row !== undefined;
}

export function markHandled(db: Db, eventId: string, now: number): void {
  db.update(callbackEvents)
    .set({ status: 'handled', handledAt: now, lastError: null })
    .where(eq(callbackEvents.eventId, eventId))
    .run();
}

/** The handler threw: the row stays `received` (retried by recovery) until the attempts run out. */
export function markAttemptFailed(db: Db, eventId: string, error: unknown): void {
  const row = db.select().from(callbackEvents).where(eq(callbackEvents.eventId, eventId)).get();
  if (row?.status !== 'received') return;
  db.update(callbackEvents)
    .set({
      lastError: String((error as Error)?.stack ?? error).slice(0, 2000),
      ...(row.attempts >= MAX_EVENT_ATTEMPTS ? { status: 'failed' as const } : {}),
    })
    .where(eq(callbackEvents.eventId, eventId))
    .run();
}

/**
 * Takes `received` events whose claim is older than `staleMs`, oldest first, re-claiming each in one statement
 * so two recovering processes never take the same event.
 */
export function claimStale(db: Db, now: number, staleMs = RECOVERY_AFTER_MS, limit = 100): JournaledEvent[] {
  const candidates = db
    .select({ eventId: callbackEvents.eventId, claimedAt: callbackEvents.claimedAt })
    .from(callbackEvents)
    .where(and(eq(callbackEvents.status, 'received'), lte(callbackEvents.claimedAt, now - staleMs)))
    .orderBy(asc(callbackEvents.claimedAt), asc(callbackEvents.receivedAt))
    .limit(limit)
    .all();
  const taken: JournaledEvent[] = [];
  for (const c of candidates) {
    // Only if nobody re-claimed it since we looked: the claim time is the compare-and-set token.
    const row = db
      .update(callbackEvents)
      .set({ claimedAt: now, attempts: sql`${callbackEvents.attempts} + 1` })
      .where(
        and(
          eq(callbackEvents.eventId, c.eventId),
          eq(callbackEvents.status, 'received'),
          eq(callbackEvents.claimedAt, c.claimedAt ?? 0),
        ),
      )
      .returning()
      .get();
    if (row) taken.push(row);
  }
  return taken;
}

/** How many events wait for recovery, and how many gave up (for health checks and tests). */
export function journalCounts(db: Db): Record<string, number> {
  const out: Record<string, number> = { received: 0, handled: 0, failed: 0 };
  const rows = db
    .select({ status: callbackEvents.status, n: count() })
    .from(callbackEvents)
    .groupBy(callbackEvents.status)
    .all();
  for (const r of rows) out[r.status] = r.n;
  return out;
}
