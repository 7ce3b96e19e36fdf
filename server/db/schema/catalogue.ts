/**
 * @module The catalogue of a retailer's offers (issue 17). `offer_categories` and `offers` are the campaign's
 * catalogue as last imported (CSV or YML feed), keyed by the retailer's own ids so a re-import updates in place; an
 * offer missing from a later import is `ended`, never deleted (favourites and notifications point at it). Prices are
 * integers in minor units (kopecks); dates are the campaign's local dates `YYYY-MM-DD`, both ends included.
 * `offer_favourites` and `offer_category_subscriptions` belong to a participant; a subscription notifies its owner
 * through the outbox when an import adds offers in the category.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { campaigns } from './campaign.ts';
import { createdAt } from './organization.ts';
import { participants } from './participant.ts';

export const OFFER_STATUSES = ['active', 'ended'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const offerCategories = sqliteTable(
  'offer_categories',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    externalId: text('external_id').notNull(),
    name: text('name').notNull(),
    parentExternalId: text('parent_external_id'),
    updatedAt: integer('updated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('offer_categories_external_idx').on(t.campaignId, t.externalId)],
);

export const offers = sqliteTable(
  'offers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    endedAt: integer('ended_at'),
    updatedAt: integer('updated_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('offers_external_idx').on(t.campaignId, t.externalId),
    index('offers_campaign_status_idx').on(t.campaignId, t.status, t.categoryExternalId),
  ],
);

export const offerFavourites = sqliteTable(
  'offer_favourites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

export const offerCategorySubscriptions = sqliteTable(
  'offer_category_subscriptions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: integer('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    participantId: integer('participant_id')
      .notNull()
      .references(() => participants.id),
    categoryExternalId: text('category_external_id').notNull(),
    /** The subscriber's language when they subscribed: the notification is written in it. */
    language: text('language').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('offer_category_subscriptions_idx').on(t.participantId, t.categoryExternalId),
    index('offer_category_subscriptions_category_idx').on(t.campaignId, t.categoryExternalId),
  ],
);
