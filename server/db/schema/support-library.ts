/**
 * @module A brand's support library: canned answers the desk inserts into a reply (with `{name}`, `{code}`,
 * `{campaign}` filled on the server at send time), knowledge-base articles the participant's help screen shows before
 * the ticket form, and each participant's view of and "did this help?" answer to an article (one row per person and
 * article), from which the office ranks articles by deflection (server/support/kb-deflection.ts).
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaign.ts';
import { brands, createdAt } from './organization.ts';

export const cannedAnswers = sqliteTable(
  'canned_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    title: text('title').notNull(),
    bodyRu: text('body_ru').notNull(),
    bodyEn: text('body_en'),
    position: integer('position').notNull().default(0),
    /** The office's key for the Add that wrote it (null: without one), unique per brand: a double click or a retry is
     * this answer, not a second one (canned-answers.ts). */
    clientKey: text('client_key'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('canned_answers_brand_idx').on(t.brandId, t.position),
    uniqueIndex('canned_answers_client_key_idx').on(t.brandId, t.clientKey),
  ],
);

export const kbArticles = sqliteTable(
  'kb_articles',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    /** Shown only in this campaign's help; null: in every campaign of the brand. */
    campaignId: integer('campaign_id').references(() => campaigns.id),
    titleRu: text('title_ru').notNull(),
    bodyRu: text('body_ru').notNull(),
    titleEn: text('title_en'),
    bodyEn: text('body_en'),
    position: integer('position').notNull().default(0),
    published: integer('published', { mode: 'boolean' }).notNull().default(false),
    /** The office's key for the Add that wrote it (null: without one), unique per brand: a double click or a retry is
     * this article, not a second one (knowledge-base.ts). */
    clientKey: text('client_key'),
    createdAt: createdAt(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    index('kb_articles_brand_idx').on(t.brandId, t.published, t.position),
    uniqueIndex('kb_articles_client_key_idx').on(t.brandId, t.clientKey),
  ],
);

export const kbFeedback = sqliteTable(
  'kb_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    /** First time the participant opened the article. */
    viewedAt: integer('viewed_at').notNull(),
    /** "Did this help?": null until answered; the latest answer counts. */
    helped: integer('helped', { mode: 'boolean' }),
    answeredAt: integer('answered_at'),
  },
  (t) => [uniqueIndex('kb_feedback_person_idx').on(t.articleId, t.platform, t.platformUserId)],
);
