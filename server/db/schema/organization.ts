/** @module Who owns what: agencies serve brands; brands own VK apps and communities; people get memberships. */
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => integer('created_at').notNull().default(sql`(unixepoch('subsec') * 1000)`);

export const agencies = sqliteTable('agencies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  /** White label (server/office/agency/): the office shows the agency's logo (https or a small data: image) and accent. */
  logoUrl: text('logo_url'),
  accent: text('accent'),
  /** Whether a community's admins (signed `vk_viewer_group_role=admin`) may claim brand admin; off by default. */
  allowCommunityAdminClaim: integer('allow_community_admin_claim', { mode: 'boolean' }).notNull().default(false),
  /** When the agency last saved it (ms; 0 before any save): an edit names it, one save per copy (one-save-per-copy.ts). */
  updatedAt: integer('updated_at').notNull().default(0),
  createdAt: createdAt(),
});

export const brands = sqliteTable(
  'brands',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    /** Switched off by the agency: its campaigns stop for participants, its brand roles lose access; nothing deleted. */
    disabledAt: integer('disabled_at'),
    /** Its last rename by the agency (ms; 0 before any): a rename names it (office/one-save-per-copy.ts). */
    updatedAt: integer('updated_at').notNull().default(0),
    /** The agency's key for the "new brand" that made it (null: made without one), unique per agency: a double click
     * or a retry is this brand, not a second one (office/agency/agency-brands.ts). */
    clientKey: text('client_key'),
    createdAt: createdAt(),
  },
  (t) => [index('brands_agency_idx').on(t.agencyId), uniqueIndex('brands_client_key_idx').on(t.agencyId, t.clientKey)],
);

/** A client's mini app: one per brand and platform set, with the ids each platform knows it by. */
export const apps = sqliteTable(
  'apps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    name: text('name').notNull(),
    vkAppId: integer('vk_app_id'),
    okAppKey: text('ok_app_key'),
    telegramBotId: text('telegram_bot_id'),
    /** The VK app's secure key and service token, AES-256-GCM ciphertext (server/office/agency/secret-box.ts). */
    vkSecretCiphertext: text('vk_secret_ciphertext'),
    vkServiceTokenCiphertext: text('vk_service_token_ciphertext'),
    /** Its last save by the agency (ms; 0 before any): an edit names it (office/one-save-per-copy.ts). */
    updatedAt: integer('updated_at').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('apps_vk_app_idx').on(t.vkAppId),
    uniqueIndex('apps_ok_app_key_idx').on(t.okAppKey),
    uniqueIndex('apps_telegram_bot_idx').on(t.telegramBotId),
    index('apps_brand_idx').on(t.brandId),
  ],
);

export const communities = sqliteTable(
  'communities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    brandId: integer('brand_id')
      .notNull()
      .references(() => brands.id),
    vkGroupId: integer('vk_group_id').notNull(),
    name: text('name').notNull(),
    /** The community token, AES-256-GCM ciphertext (server/office/agency/secret-box.ts); never answered in full. */
    tokenCiphertext: text('token_ciphertext'),
    /**
     * Its Callback API server here (decision 084): the secret VK signs each update with, sealed like the token (never
     * answered), and the confirmation string VK gave this community (not a secret: VK shows it to its admins).
     */
    callbackSecretCiphertext: text('callback_secret_ciphertext'),
    callbackConfirmation: text('callback_confirmation'),
    /** Its last save by the agency (ms; 0 before any): an edit names it (office/one-save-per-copy.ts). */
    updatedAt: integer('updated_at').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('communities_vk_group_idx').on(t.vkGroupId)],
);

export const MEMBERSHIP_ROLES = ['agency_admin', 'agency_manager', 'brand_admin', 'brand_member'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/** A person's rights in the back office: agency-wide (brandId null) or one brand, per section. */
export const memberships = sqliteTable(
  'memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    platform: text('platform', { enum: ['vk', 'ok', 'telegram'] }).notNull(),
    platformUserId: text('platform_user_id').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    brandId: integer('brand_id').references(() => brands.id),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    /** Sections this member may open, e.g. ["campaigns","prizes","mailings","stats","support"]. */
    sections: text('sections', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('memberships_person_scope_idx').on(t.platform, t.platformUserId, t.agencyId, t.brandId),
    index('memberships_brand_idx').on(t.brandId),
  ],
);

export { createdAt };
