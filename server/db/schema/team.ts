/**
 * @module Invitations into the back office. A one-time link carries a random token; only its SHA-256 is stored, so a
 * leaked database gives no working link. The invitation presets the scope (agency, brand or agency-wide), role and
 * sections, optionally binds the platform user who may accept it, and ends used, revoked or expired — never deleted,
 * so the team screen and the audit log can show what happened to it.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { agencies, brands, createdAt, MEMBERSHIP_ROLES } from './organization.ts';

export const INVITATION_PLATFORMS = ['vk', 'ok', 'telegram'] as const;

export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** SHA-256 (hex) of the link's token; the token itself is shown once, to its creator. */
    tokenHash: text('token_hash').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    /** The brand the membership will cover; null for an agency-wide role. */
    brandId: integer('brand_id').references(() => brands.id),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    sections: text('sections', { mode: 'json' }).$type<string[]>().notNull(),
    platform: text('platform', { enum: INVITATION_PLATFORMS }).notNull(),
    /** When set, only this platform user may accept (an invitation by VK id). */
    platformUserId: text('platform_user_id'),
    expiresAt: integer('expires_at').notNull(),
    createdByPlatform: text('created_by_platform').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    usedAt: integer('used_at'),
    usedByUserId: text('used_by_user_id'),
    revokedAt: integer('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_token_idx').on(t.tokenHash), index('invitations_agency_idx').on(t.agencyId)],
);
