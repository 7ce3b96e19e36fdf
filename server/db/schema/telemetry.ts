/**
 * @module What the mini app reports about itself: session starts, heartbeats, screen views and client errors, each
 * with the screen and the build. A table of its own rather than rows in `events`: these are many (a heartbeat a
 * minute per open app), carry typed columns the dashboard groups by (screen, kind, platform) without parsing JSON on
 * two databases, and are not funnel facts (they never move a participant's stage).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaign.ts';
import { participants } from './participant.ts';

export const TELEMETRY_KINDS = ['session_start', 'heartbeat', 'screen_view', 'client_error'] as const;
export type TelemetryKind = (typeof TELEMETRY_KINDS)[number];

export const telemetryEvents = sqliteTable(
  'telemetry_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    /** The participant's platform, copied so the platform filter needs no join. */
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    kind: text('kind', { enum: TELEMETRY_KINDS }).notNull(),
    /** Server time of the event: arrival time minus the age the client reported (clamped), never the client's clock. */
    at: integer('at').notNull(),
    screen: text('screen').notNull().default(''),
    build: text('build'),
    /** Client errors only: the message (cut to 500 characters). */
    message: text('message'),
  },
  (t) => [index('telemetry_events_campaign_at_idx').on(t.campaignId, t.at)],
);
