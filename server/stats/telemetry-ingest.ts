/**
 * @module Storing a batch of the mini app's telemetry: one participant lookup (the user index), then its rows are
 * inserted and the participant's sessions brought up to date (telemetry-sessions.ts) in one transaction together with
 * the other batches that arrived within `WRITE_WINDOW_MS`; each is answered after that transaction's COMMIT.
 * Why the window: a batch's COMMIT (its WAL pages) and the INSERT's build were a third of a batch's server CPU, paid
 * once per window instead of once per batch (docs/decisions/031-telemetry-batches-a-minute.md). Telemetry is sent in
 * the background, so nobody waits for the quarter second. Times are the server's: arrival minus the age the client says
 * each event has (clamped to the flush window), so a wrong phone clock cannot move events into another day. A beta
 * tester's telemetry is not statistics and is not stored.
 */
import type { Identity } from '../auth/identity.ts';
import type { TelemetryKind } from '../db/schema/telemetry.ts';
import { inTransaction } from '../db/transactions.ts';
import type { Deps } from '../deps.ts';
import { findParticipant, notJoined } from '../promo/promo-context.ts';
import { appendTelemetry, type TelemetryRow } from './telemetry-sessions.ts';

/** The oldest event a batch may carry: the client flushes every few seconds and on hide, so older is a stale queue. */
export const MAX_EVENT_AGE_MS = 10 * 60_000;

export interface TelemetryEventInput {
  kind: TelemetryKind;
  /** Milliseconds between the event and the send, by the client's clock (only differences of it are used). */
  ageMs: number;
  screen?: string;
  message?: string;
}

export interface TelemetryBatch {
  campaignId: number;
  build?: string;
  events: TelemetryEventInput[];
}

/**
 * @example await storeTelemetry(deps, identity, { campaignId: 1, build: 'abc', events: [{ kind: 'screen_view', ageMs: 0, screen: 'campaign' }] })
 */
export async function storeTelemetry(
  deps: Deps,
  identity: Identity,
  batch: TelemetryBatch,
): Promise<{ stored: number }> {
  const participant = await findParticipant(deps.db, batch.campaignId, identity);
  if (!participant) throw notJoined();
  if (participant.isTester || batch.events.length === 0) return { stored: 0 };
  const now = deps.now();
  const rows = batch.events.map(
    (e): TelemetryRow => ({
      campaignId: participant.campaignId,
      participantId: participant.id,
      platform: participant.platform,
      kind: e.kind,
      at: now - Math.min(Math.max(0, Math.round(e.ageMs)), MAX_EVENT_AGE_MS),
      screen: e.screen ?? '',
      build: batch.build ?? null,
      message: e.kind === 'client_error' ? (e.message ?? '').slice(0, 500) : null,
    }),
  );
  await storeInWindow(deps.db, rows);
  return { stored: rows.length };
}

/** How long a batch waits for others to share its transaction. */
export const WRITE_WINDOW_MS = 250;

/** A batch waiting for its window's transaction. */
interface Waiting {
  rows: TelemetryRow[];
  stored(): void;
  failed(error: unknown): void;
}

/** The open window of each database (a process may hold several: tests, tools). */
const openWindows = new WeakMap<Deps['db'], Waiting[]>();

/** Resolves once `rows` are committed, with every batch of the same window; rejects if that transaction fails. */
function storeInWindow(db: Deps['db'], rows: TelemetryRow[]): Promise<void> {
  let window = openWindows.get(db);
  if (!window) {
    const batches: Waiting[] = [];
    window = batches;
    openWindows.set(db, batches);
    setTimeout(() => {
      openWindows.delete(db);
      void storeAll(db, batches);
    }, WRITE_WINDOW_MS);
  }
  const batches = window;
  return new Promise((stored, failed) => batches.push({ rows, stored, failed }));
}

async function storeAll(db: Deps['db'], batches: Waiting[]): Promise<void> {
  try {
    await inTransaction(db, (tx) =>
      appendTelemetry(
        tx,
        batches.flatMap((b) => b.rows),
      ),
    );
  } catch (error) {
    for (const b of batches) b.failed(error);
    return;
  }
  for (const b of batches) b.stored();
}
