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
  (t) => [
    index('telemetry_events_campaign_at_idx').on(t.campaignId, t.at),
    // The top errors read only the errors (a few per cent of the rows), not the whole range.
    index('telemetry_events_campaign_kind_at_idx').on(t.campaignId, t.kind, t.at),
    // One participant's events in a time range: a batch that arrives out of order re-folds only that participant's
    // sessions (without it, SQLite walked every event of the campaign in the range), and the beta wipe finds a
    // tester's rows.
    index('telemetry_events_participant_at_idx').on(t.participantId, t.at),
  ],
);

/**
 * The sessions of each participant (events cut wherever 30 minutes pass without one), kept up to date in the same
 * transaction as the telemetry insert (server/stats/telemetry-sessions.ts), so the dashboard reads one row per session
 * instead of walking every event (docs/decisions/028-stats-rollups.md).
 */
export const telemetrySessions = sqliteTable(
  'telemetry_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    /** Times of the session's first and last event. */
    startAt: integer('start_at').notNull(),
    endAt: integer('end_at').notNull(),
    /** The last screen viewed ('' when none was). */
    lastScreen: text('last_screen').notNull().default(''),
    screenViews: integer('screen_views').notNull().default(0),
    errors: integer('errors').notNull().default(0),
  },
  (t) => [
    index('telemetry_sessions_campaign_start_idx').on(t.campaignId, t.startAt),
    // Sessions that began before a range and reach into it.
    index('telemetry_sessions_campaign_end_idx').on(t.campaignId, t.endAt, t.startAt),
    // The ingest finds the participant's sessions next to a new batch.
    index('telemetry_sessions_participant_end_idx').on(t.participantId, t.endAt),
  ],
);
