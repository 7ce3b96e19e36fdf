/** @module PostgreSQL mirror of ../schema/organization.ts: agencies, brands, their apps, communities and memberships. */
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { MEMBERSHIP_ROLES } from '../schema/organization.ts';
import { nowMs, unixMs, vkId } from './columns.ts';

export { MEMBERSHIP_ROLES, type MembershipRole } from '../schema/organization.ts';

const createdAt = () => unixMs('created_at').notNull().default(nowMs);

export const agencies = pgTable('agencies', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  name: text('name').notNull(),
  logoUrl: text('logo_url'),
  accent: text('accent'),
  allowCommunityAdminClaim: boolean('allow_community_admin_claim').notNull().default(false),
  updatedAt: unixMs('updated_at').notNull().default(0),
  createdAt: createdAt(),
});

export const brands = pgTable(
  'brands',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    disabledAt: unixMs('disabled_at'),
    updatedAt: unixMs('updated_at').notNull().default(0),
    /** The agency's key for the "new brand" that made it (null: made without one), unique per agency: a double click
     * or a retry is this brand, not a second one (office/agency/agency-brands.ts). */
    clientKey: text('client_key'),
    createdAt: createdAt(),
  },
  (t) => [index('brands_agency_idx').on(t.agencyId), uniqueIndex('brands_client_key_idx').on(t.agencyId, t.clientKey)],
);

export const apps = pgTable(
  'apps',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    name: text('name').notNull(),
    vkAppId: vkId('vk_app_id'),
    okAppKey: text('ok_app_key'),
    telegramBotId: text('telegram_bot_id'),
    vkSecretCiphertext: text('vk_secret_ciphertext'),
    vkServiceTokenCiphertext: text('vk_service_token_ciphertext'),
    updatedAt: unixMs('updated_at').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('apps_vk_app_idx').on(t.vkAppId),
    uniqueIndex('apps_ok_app_key_idx').on(t.okAppKey),
    uniqueIndex('apps_telegram_bot_idx').on(t.telegramBotId),
    index('apps_brand_idx').on(t.brandId),
  ],
);

export const communities = pgTable(
  'communities',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    vkGroupId: vkId('vk_group_id').notNull(),
    name: text('name').notNull(),
    tokenCiphertext: text('token_ciphertext'),
    callbackSecretCiphertext: text('callback_secret_ciphertext'),
    callbackConfirmation: text('callback_confirmation'),
    updatedAt: unixMs('updated_at').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('communities_vk_group_idx').on(t.vkGroupId)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    brandId: integer('brand_id').references(() => brands.id),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    sections: jsonb('sections').$type<string[]>().notNull().default([]),
    createdAt: createdAt(),
  },
  (t) => [
    // NULL brand ids are distinct here as in SQLite, so both allow several agency-wide rows for one person and agency.
    uniqueIndex('memberships_person_scope_idx').on(t.platform, t.platformUserId, t.agencyId, t.brandId),
    index('memberships_brand_idx').on(t.brandId),
  ],
);

export { createdAt };
