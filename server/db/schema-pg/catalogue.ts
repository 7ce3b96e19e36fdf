/** @module PostgreSQL mirror of ../schema/catalogue.ts: offer categories, offers, favourites, category subscriptions. */
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { OFFER_STATUSES } from '../schema/catalogue.ts';
import { campaigns } from './campaign.ts';
import { unixMs } from './columns.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

export { OFFER_STATUSES };

export const offerCategories = pgTable(
  'offer_categories',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    parentExternalId: text('parent_external_id'),
    updatedAt: unixMs('updated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('offer_categories_external_idx').on(t.campaignId, t.externalId)],
);

export const offers = pgTable(
  'offers',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    externalId: text('external_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    imageUrl: text('image_url'),
    oldPrice: integer('old_price'),
    price: integer('price'),
    discountPercent: integer('discount_percent'),
    currency: text('currency').notNull().default('RUB'),
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    categoryExternalId: text('category_external_id'),
    region: text('region'),
    howToUse: text('how_to_use'),
    url: text('url'),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('active'),
    endedAt: unixMs('ended_at'),
    updatedAt: unixMs('updated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('offers_external_idx').on(t.campaignId, t.externalId),
    index('offers_campaign_status_idx').on(t.campaignId, t.status, t.categoryExternalId),
  ],
);

export const offerFavourites = pgTable(
  'offer_favourites',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    offerId: integer('offer_id')
      .notNull()
      .references(() => offers.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('offer_favourites_idx').on(t.participantId, t.offerId)],
);

export const offerCategorySubscriptions = pgTable(
  'offer_category_subscriptions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    categoryExternalId: text('category_external_id').notNull(),
    language: text('language').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('offer_category_subscriptions_idx').on(t.participantId, t.categoryExternalId),
    index('offer_category_subscriptions_category_idx').on(t.campaignId, t.categoryExternalId),
  ],
);
