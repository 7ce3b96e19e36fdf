/**
 * @module The journal of incoming VK updates (Callback API and Bots Long Poll), so none is lost or handled twice.
 * VK gets `ok` only after the raw update is stored as `received`; the handler runs afterwards and the row becomes
 * `handled` when it finished. A crash (or `kill -9`) between the two leaves the row `received` with a stale claim,
 * and the recovery pass handles it again — handlers are idempotent (consent upserts, task completion that stays
 * done, replies keyed by message, tickets keyed by message). A repeated `event_id` is never taken again.
 */
import { and, asc, count, eq, lte, sql } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';
import type { VkUpdate } from './community-updates.ts';

const { callbackEvents } = schema;

/** A claim older than this is considered dead (its process crashed or the handler hangs). */
export const RECOVERY_AFTER_MS = 10_000;
/** After this many attempts that threw, the event is marked `failed` (kept with its error for a human). */
export const MAX_EVENT_ATTEMPTS = 5;

export type JournaledEvent = typeof callbackEvents.$inferSelect;
/** A journal row's key: VK's event id within its community. */
export type JournalKey = Pick<JournaledEvent, 'vkGroupId' | 'eventId'>;

const journalRow = (key: JournalKey) =>
  and(eq(callbackEvents.vkGroupId, key.vkGroupId), eq(callbackEvents.eventId, key.eventId));

/**
 * Stores a fresh update as `received` and claimed by the caller; false when its community sent its `event_id` before.
 * VK's event ids are unique within a community only, so the journal is keyed by both.
 */
export async function recordReceived(
  db: Db,
  update: VkUpdate & { event_id: string },
  groupId: number,
  now: number,
): Promise<boolean> {
  return journal(db, update, groupId, now, { type: update.type, status: 'received', attempts: 1, claimedAt: now });
}

/**
 * Stores an update refused at the edge (a shape VK never sends) as `failed` with the reason, so it is kept for a
 * human and never taken as work; false when its community sent its `event_id` before.
 */
export async function recordRejected(
  db: Db,
  update: VkUpdate & { event_id: string },
  groupId: number,
  now: number,
  reason: string,
): Promise<boolean> {
  // The type of a refused update is whatever the sender wrote: kept, but bounded.
  return journal(db, update, groupId, now, {
    type: update.type.slice(0, 64),
    status: 'failed',
    attempts: 0,
    lastError: reason,
  });
}

/**
 * One journal row per community and `event_id` (the payload without the Callback API secret); false when it was there. Resolves
 * after COMMIT: VK is answered `ok` only for an update that is on disk.
 */
async function journal(
  db: Db,
  update: VkUpdate & { event_id: string },
  groupId: number,
  now: number,
  row: Pick<typeof callbackEvents.$inferInsert, 'type' | 'status' | 'attempts' | 'claimedAt' | 'lastError'>,
): Promise<boolean> {
  const { secret: _secret, ...payload } = update;
  const inserted = await inTransaction(db, (tx) =>
    tx
      .insert(callbackEvents)
      .values({ eventId: update.event_id, vkGroupId: groupId, receivedAt: now, payload, ...row })
      .onConflictDoNothing()
      .returning({ id: callbackEvents.eventId }),
  );
  return inserted.length > 0;
}

/** Parks a journaled event as `failed` at once (its payload can never be handled, e.g. a shape VK never sends). */
export async function markFailed(db: Db, key: JournalKey, reason: string): Promise<void> {
  await inTransaction(db, (tx) =>
    tx
      .update(callbackEvents)
      .set({ status: 'failed', lastError: reason })
      .where(and(journalRow(key), eq(callbackEvents.status, 'received'))),
  );
}

export async function markHandled(db: Db, key: JournalKey, now: number): Promise<void> {
  await inTransaction(db, (tx) =>
    tx.update(callbackEvents).set({ status: 'handled', handledAt: now, lastError: null }).where(journalRow(key)),
  );
}

/** The handler threw: the row stays `received` (retried by recovery) until the attempts run out. */
export async function markAttemptFailed(db: Db, key: JournalKey, error: unknown): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [row] = await tx.select().from(callbackEvents).where(journalRow(key)).limit(1);
    if (row?.status !== 'received') return;
    await tx
      .update(callbackEvents)
      .set({
        lastError: errorWithCauses(error).slice(0, 2000),
        ...(row.attempts >= MAX_EVENT_ATTEMPTS ? { status: 'failed' as const } : {}),
      })
      .where(journalRow(key));
  });
}

/**
 * Takes `received` events whose claim is older than `staleMs`, oldest first, re-claiming each in one statement
 * so two recovering processes never take the same event. One that already had `MAX_EVENT_ATTEMPTS` claims is parked
 * as `failed` instead: its handler threw every time, or never finished (it took the process down, or hangs), and
 * retrying it for ever would hold up nothing less than the events behind it.
 */
export async function claimStale(
  db: Db,
  now: number,
  staleMs = RECOVERY_AFTER_MS,
  limit = 100,
): Promise<JournaledEvent[]> {
  const candidates = await db
    .select({
      vkGroupId: callbackEvents.vkGroupId,
      eventId: callbackEvents.eventId,
      claimedAt: callbackEvents.claimedAt,
      attempts: callbackEvents.attempts,
    })
    .from(callbackEvents)
    .where(and(eq(callbackEvents.status, 'received'), lte(callbackEvents.claimedAt, now - staleMs)))
    .orderBy(asc(callbackEvents.claimedAt), asc(callbackEvents.receivedAt))
    .limit(limit);
  if (candidates.length === 0) return [];
  const taken: JournaledEvent[] = [];
  await inTransaction(db, async (tx) => {
    for (const c of candidates) {
      // Only if nobody re-claimed it since we looked: the claim time is the compare-and-set token.
      const unchanged = and(
        journalRow(c),
        eq(callbackEvents.status, 'received'),
        eq(callbackEvents.claimedAt, c.claimedAt ?? 0),
      );
      if (c.attempts >= MAX_EVENT_ATTEMPTS) {
        await tx
          .update(callbackEvents)
          .set({
            status: 'failed',
            lastError: sql`'attempts exhausted (${sql.raw(String(c.attempts))}); last error: ' || coalesce(${callbackEvents.lastError}, 'none recorded: the handler never finished')`,
          })
          .where(unchanged);
        continue;
      }
      const [row] = await tx
        .update(callbackEvents)
        .set({ claimedAt: now, attempts: sql`${callbackEvents.attempts} + 1` })
        .where(unchanged)
        .returning();
      if (row) taken.push(row);
    }
  });
  return taken;
}

/** How many events wait for recovery, and how many gave up (for health checks and tests). */
export async function journalCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = { received: 0, handled: 0, failed: 0 };
  const rows = await db
    .select({ status: callbackEvents.status, n: count() })
    .from(callbackEvents)
    .groupBy(callbackEvents.status);
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/**
 * The messages of the error's causes, then its stack: the database's own reason is the cause of drizzle's "Failed
 * query" error on PostgreSQL (on SQLite it is the error itself), and it must survive the cut to 2,000 characters.
 */
function errorWithCauses(error: unknown): string {
  const causes: string[] = [];
  for (let e = (error as Error)?.cause; e && causes.length < 4; e = (e as Error).cause) {
    causes.push(`cause: ${(e as Error).message ?? String(e)}`);
  }
  return [...causes, String((error as Error)?.stack ?? error)].join('\n');
}
