/**
 * @module Hand-built histories for the statistics tests: participants joined at a given time and telemetry events at
 * given times, written with their sessions the way the ingest writes them (the ingest route has its own tests).
 */

import type { MessagingWorld } from '../../../tests/bot/messaging-world.ts';
import { schema } from '../../db/client.ts';
import type { TelemetryKind } from '../../db/schema/telemetry.ts';
import { appendTelemetry } from '../telemetry-sessions.ts';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

let nextUser = 500_000;

/** A participant of the world's campaign who joined at `joinedAt`. */
export async function joined(
  w: MessagingWorld,
  joinedAt: number,
  o: {
    platform?: 'vk' | 'ok' | 'telegram';
    tester?: boolean;
    campaignId?: number;
    stage?: string;
    userId?: number;
  } = {},
): Promise<number> {
  const user = o.userId ?? nextUser++;
  const [row] = await w.write((tx) =>
    tx
      .insert(schema.participants)
      .values({
        campaignId: o.campaignId ?? w.campaignId,
        platform: o.platform ?? 'vk',
        platformUserId: String(user),
        stage: o.stage ?? 'opened',
        stageIndex: 0,
        stageReachedAt: joinedAt,
        referralCode: `hist-${user}`,
        isTester: o.tester ?? false,
        createdAt: joinedAt,
      })
      .returning({ id: schema.participants.id }),
  );
  if (!row) throw new Error('no participant');
  return row.id;
}

export interface HistoryEvent {
  at: number;
  kind?: TelemetryKind;
  screen?: string;
  message?: string;
}

/** Telemetry events of one participant (default kind: a heartbeat). */
export async function telemetry(
  w: MessagingWorld,
  participantId: number,
  events: HistoryEvent[],
  o: { platform?: 'vk' | 'ok' | 'telegram'; campaignId?: number } = {},
): Promise<void> {
  await w.write((tx) =>
    appendTelemetry(
      tx,
      events.map((e) => ({
        campaignId: o.campaignId ?? w.campaignId,
        participantId,
        platform: o.platform ?? 'vk',
        kind: e.kind ?? 'heartbeat',
        at: e.at,
        screen: e.screen ?? '',
        build: 'test-build',
        message: e.message ?? null,
      })),
    ),
  );
}
