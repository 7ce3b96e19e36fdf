/** @module A brand's promo campaign: mechanic, schedule, texts, look and ordered funnel stages. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { apps, brands, communities, createdAt } from './organization.ts';

/** Other-language versions of text columns, `{ en: { title, description, rulesText } }` (decision 017). */
export type TextTranslations = Partial<Record<'ru' | 'en', Record<string, string | undefined>>>;

/** `code`: the participant types a code from a product pack; each unused code of the entry pool is one instant-win play.
 * `calculator`: inputs, a formula and a lead form (server/calculator/, server/leads/). */
export const MECHANICS = ['tasks', 'quiz', 'wheel', 'code', 'calculator'] as const;
/** Lifecycle: draft → scheduled (published, goes live at its start) → live → paused → ended → archived. */
export const CAMPAIGN_STATUSES = ['draft', 'scheduled', 'live', 'paused', 'ended', 'archived'] as const;
export const LEGAL_TYPES = ['instant_win', 'draw', 'merit_contest', 'giveaway'] as const;

export type Mechanic = (typeof MECHANICS)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type LegalType = (typeof LEGAL_TYPES)[number];

export interface CampaignTheme {
  accent?: string;
  coverUrl?: string;
}

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    /** Schedule in UTC milliseconds; the time zone says how brands and users read it. */
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Moscow'),
    legalType: text('legal_type', { enum: LEGAL_TYPES }).notNull().default('instant_win'),
    rulesText: text('rules_text').notNull().default(''),
    translations: text('translations', { mode: 'json' }).$type<TextTranslations>().notNull().default(sql`'{}'`),
    theme: text('theme', { mode: 'json' }).$type<CampaignTheme>().notNull().default(sql`'{}'`),
    /** Mechanic settings (quiz questions, wheel limits, unlock rule) validated by the promo module. */
    settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    /** Ordered funnel stage keys; the participant's stage is one of them. */
    stages: text('stages', { mode: 'json' }).$type<string[]>().notNull().default(sql`'["opened"]'`),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull().default(sql`(unixepoch('subsec') * 1000)`),
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

/**
 * Every published version of a campaign's document (server/office/campaigns/campaign-document.ts), numbered from 1
 * per campaign; the unique index makes two publishers racing for the same number fail instead of both writing.
 */
export const campaignRevisions = sqliteTable(
  'campaign_revisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    number: integer('number').notNull(),
    document: text('document', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    createdByPlatform: text('created_by_platform').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('campaign_revisions_number_idx').on(t.campaignId, t.number)],
);
