/** @module PostgreSQL mirror of ../schema/telemetry.ts: what the mini app reports about itself. */
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { TELEMETRY_KINDS } from '../schema/telemetry.ts';

export { TELEMETRY_KINDS };

import { campaigns } from './campaign.ts';
import { unixMs } from './columns.ts';
import { participants } from './participant.ts';

export const telemetryEvents = pgTable(
  'telemetry_events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    kind: text('kind', { enum: TELEMETRY_KINDS }).notNull(),
    at: unixMs('at').notNull(),
    screen: text('screen').notNull().default(''),
    build: text('build'),
    message: text('message'),
  },
  (t) => [
    index('telemetry_events_campaign_at_idx').on(t.campaignId, t.at),
    index('telemetry_events_campaign_kind_at_idx').on(t.campaignId, t.kind, t.at),
    // One participant's events in a time range: a batch that arrives out of order re-folds only that participant's
    // sessions (without it, SQLite walked every event of the campaign in the range), and the beta wipe finds a
    // tester's rows.
    index('telemetry_events_participant_at_idx').on(t.participantId, t.at),
  ],
);

export const telemetrySessions = pgTable(
  'telemetry_sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    startAt: unixMs('start_at').notNull(),
    endAt: unixMs('end_at').notNull(),
    lastScreen: text('last_screen').notNull().default(''),
    screenViews: integer('screen_views').notNull().default(0),
    errors: integer('errors').notNull().default(0),
  },
  (t) => [
    index('telemetry_sessions_campaign_start_idx').on(t.campaignId, t.startAt),
    index('telemetry_sessions_campaign_end_idx').on(t.campaignId, t.endAt, t.startAt),
    index('telemetry_sessions_participant_end_idx').on(t.participantId, t.endAt),
  ],
);
