/**
 * @module The beta test before a launch: who may see a scheduled campaign early (`beta_testers`, added by the brand
 * or through the campaign's tester link) and the link itself (`beta_links`, one random token per campaign, rotated or
 * revoked by the brand). A tester's participation is flagged `participants.is_tester` and wiped when the campaign
 * goes live (server/office/beta/).
 */
import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaign.ts';

export const BETA_TESTER_SOURCES = ['office', 'link'] as const;

export const betaTesters = sqliteTable(
  'beta_testers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    source: text('source', { enum: BETA_TESTER_SOURCES }).notNull(),
    addedAt: integer('added_at').notNull(),
  },
  (t) => [uniqueIndex('beta_testers_user_idx').on(t.campaignId, t.platform, t.platformUserId)],
);

export const betaLinks = sqliteTable(
  'beta_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    token: text('token').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [uniqueIndex('beta_links_campaign_idx').on(t.campaignId), uniqueIndex('beta_links_token_idx').on(t.token)],
);
