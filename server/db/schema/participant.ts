/**
 * @module A platform user inside one campaign, and the append-only events of their journey.
 * The current stage is kept on the participant (updated in the same transaction as the event),
 * so "who is stuck where" is an index range, not a scan of events.
 */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaign.ts';
import { createdAt } from './organization.ts';

export const participants = sqliteTable(
  'participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    stage: text('stage').notNull().default('opened'),
    stageIndex: integer('stage_index').notNull().default(0),
    stageReachedAt: integer('stage_reached_at').notNull(),
    /** Launch source of the first open (`vk_ref`), for funnel breakdowns. */
    source: text('source'),
    language: text('language').notNull().default('ru'),
    referralCode: text('referral_code').notNull(),
    referredBy: integer('referred_by'),
    /** A beta tester's play before the launch: left out of statistics and deleted when the campaign goes live. */
    isTester: integer('is_tester', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: integer('last_seen_at').notNull().default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [
    uniqueIndex('participants_user_idx').on(t.campaignId, t.platform, t.platformUserId),
    uniqueIndex('participants_referral_idx').on(t.referralCode),
    index('participants_stage_idx').on(t.campaignId, t.stage, t.stageReachedAt),
    index('participants_referred_by_idx').on(t.referredBy),
  ],
);

export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id').references(() => participants.id),
    type: text('type').notNull(),
    at: integer('at').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
  },
  (t) => [
    index('events_campaign_type_at_idx').on(t.campaignId, t.type, t.at),
    index('events_participant_at_idx').on(t.participantId, t.at),
  ],
);
