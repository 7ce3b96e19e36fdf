/**
 * @module Storing a batch of the mini app's telemetry: one participant lookup (the user index), then one multi-row
 * INSERT and the participant's sessions brought up to date (telemetry-sessions.ts) in one transaction, whatever the
 * batch holds. Times are the server's: arrival minus the age the client says
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
  await inTransaction(deps.db, (tx) => appendTelemetry(tx, rows));
  return { stored: rows.length };
}
