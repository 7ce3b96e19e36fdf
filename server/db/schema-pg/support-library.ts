/** @module PostgreSQL mirror of ../schema/support-library.ts: canned answers, knowledge-base articles, feedback. */
import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { campaigns } from './campaign.ts';
import { unixMs } from './columns.ts';
import { brands, createdAt } from './organization.ts';

export const cannedAnswers = pgTable(
  'canned_answers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
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
    updatedAt: unixMs('updated_at').notNull(),
  },
  (t) => [
    index('canned_answers_brand_idx').on(t.brandId, t.position),
    uniqueIndex('canned_answers_client_key_idx').on(t.brandId, t.clientKey),
  ],
);

export const kbArticles = pgTable(
  'kb_articles',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    campaignId: integer('campaign_id').references(() => campaigns.id),
    titleRu: text('title_ru').notNull(),
    bodyRu: text('body_ru').notNull(),
    titleEn: text('title_en'),
    bodyEn: text('body_en'),
    position: integer('position').notNull().default(0),
    published: boolean('published').notNull().default(false),
    /** The office's key for the Add that wrote it (null: without one), unique per brand: a double click or a retry is
     * this article, not a second one (knowledge-base.ts). */
    clientKey: text('client_key'),
    createdAt: createdAt(),
    updatedAt: unixMs('updated_at').notNull(),
  },
  (t) => [
    index('kb_articles_brand_idx').on(t.brandId, t.published, t.position),
    uniqueIndex('kb_articles_client_key_idx').on(t.brandId, t.clientKey),
  ],
);

export const kbFeedback = pgTable(
  'kb_feedback',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    articleId: integer('article_id')
      .notNull()
      .references(() => kbArticles.id),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    viewedAt: unixMs('viewed_at').notNull(),
    helped: boolean('helped'),
    answeredAt: unixMs('answered_at'),
  },
  (t) => [uniqueIndex('kb_feedback_person_idx').on(t.articleId, t.platform, t.platformUserId)],
);
