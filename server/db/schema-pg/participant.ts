/** @module PostgreSQL mirror of ../schema/participant.ts: participants and their append-only events. */
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { campaigns } from './campaign.ts';
import { nowMs, unixMs } from './columns.ts';
import { createdAt } from './organization.ts';

export const participants = pgTable(
  'participants',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    stage: text('stage').notNull().default('opened'),
    stageIndex: integer('stage_index').notNull().default(0),
    stageReachedAt: unixMs('stage_reached_at').notNull(),
    source: text('source'),
    language: text('language').notNull().default('ru'),
    referralCode: text('referral_code').notNull(),
    referredBy: integer('referred_by'),
    isTester: boolean('is_tester').notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: unixMs('last_seen_at').notNull().default(nowMs),
  },
  (t) => [
    uniqueIndex('participants_user_idx').on(t.campaignId, t.platform, t.platformUserId),
    uniqueIndex('participants_referral_idx').on(t.referralCode),
    index('participants_stage_idx').on(t.campaignId, t.stage, t.stageReachedAt),
    index('participants_referred_by_idx').on(t.referredBy),
  ],
);

export const events = pgTable(
  'events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id').references(() => participants.id),
    type: text('type').notNull(),
    at: unixMs('at').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('events_campaign_type_at_idx').on(t.campaignId, t.type, t.at),
    index('events_participant_at_idx').on(t.participantId, t.at),
  ],
);
