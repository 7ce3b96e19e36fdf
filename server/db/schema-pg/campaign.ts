/** @module PostgreSQL mirror of ../schema/campaign.ts: a brand's promo campaign. */
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  CAMPAIGN_STATUSES,
  type CampaignTheme,
  LEGAL_TYPES,
  MECHANICS,
  type TextTranslations,
} from '../schema/campaign.ts';
import { nowMs, unixMs } from './columns.ts';
import { apps, brands, communities, createdAt } from './organization.ts';

export {
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  type CampaignTheme,
  LEGAL_TYPES,
  type LegalType,
  MECHANICS,
  type Mechanic,
  type TextTranslations,
} from '../schema/campaign.ts';

export const campaigns = pgTable(
  'campaigns',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    appId: integer('app_id')
      .notNull()
      .references(() => apps.id),
    communityId: integer('community_id').references(() => communities.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    mechanic: text('mechanic', { enum: MECHANICS }).notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    startsAt: unixMs('starts_at').notNull(),
    endsAt: unixMs('ends_at').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Moscow'),
    legalType: text('legal_type', { enum: LEGAL_TYPES }).notNull().default('instant_win'),
    rulesText: text('rules_text').notNull().default(''),
    translations: jsonb('translations').$type<TextTranslations>().notNull().default({}),
    theme: jsonb('theme').$type<CampaignTheme>().notNull().default({}),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    stages: jsonb('stages').$type<string[]>().notNull().default(['opened']),
    createdAt: createdAt(),
    updatedAt: unixMs('updated_at').notNull().default(nowMs),
    /** How many times the office saved the document: a save must name the one it edited (no lost update). */
    editVersion: integer('edit_version').notNull().default(0),
    /** The office's key for the click that made this draft (null: made without one), unique per brand, so a double
     * click or a retry of "create" or "duplicate" is the draft already made (office/campaigns/draft-keys.ts). */
    clientKey: text('client_key'),
    /** What the keyed draft was made from (a template and places, or a campaign), as `draftSource` writes it: the
     * same key sent for something else is refused. */
    createdFrom: text('created_from'),
  },
  (t) => [
    uniqueIndex('campaigns_brand_slug_idx').on(t.brandId, t.slug),
    uniqueIndex('campaigns_client_key_idx').on(t.brandId, t.clientKey),
    index('campaigns_community_idx').on(t.communityId, t.status),
    index('campaigns_app_idx').on(t.appId, t.status),
  ],
);

export const campaignRevisions = pgTable(
  'campaign_revisions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    number: integer('number').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    createdByPlatform: text('created_by_platform').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('campaign_revisions_number_idx').on(t.campaignId, t.number)],
);
