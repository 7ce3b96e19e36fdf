/** @module PostgreSQL mirror of ../schema/beta.ts: beta testers of a scheduled campaign and its tester link. */
import { integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { BETA_TESTER_SOURCES } from '../schema/beta.ts';
import { campaigns } from './campaign.ts';

export { BETA_TESTER_SOURCES };

import { unixMs } from './columns.ts';

export const betaTesters = pgTable(
  'beta_testers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    source: text('source', { enum: BETA_TESTER_SOURCES }).notNull(),
    addedAt: unixMs('added_at').notNull(),
  },
  (t) => [uniqueIndex('beta_testers_user_idx').on(t.campaignId, t.platform, t.platformUserId)],
);

export const betaLinks = pgTable(
  'beta_links',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    token: text('token').notNull(),
    createdAt: unixMs('created_at').notNull(),
  },
  (t) => [uniqueIndex('beta_links_campaign_idx').on(t.campaignId), uniqueIndex('beta_links_token_idx').on(t.token)],
);
