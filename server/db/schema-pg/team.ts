/** @module PostgreSQL mirror of ../schema/team.ts: invitations into the back office. */
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { INVITATION_PLATFORMS } from '../schema/team.ts';
import { unixMs } from './columns.ts';
import { agencies, brands, createdAt, MEMBERSHIP_ROLES } from './organization.ts';

export { INVITATION_PLATFORMS };

export const invitations = pgTable(
  'invitations',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    tokenHash: text('token_hash').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agencies.id),
    brandId: integer('brand_id').references(() => brands.id),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    sections: jsonb('sections').$type<string[]>().notNull(),
    platform: text('platform', { enum: INVITATION_PLATFORMS }).notNull(),
    platformUserId: text('platform_user_id'),
    expiresAt: unixMs('expires_at').notNull(),
    createdByPlatform: text('created_by_platform').notNull(),
    createdByUserId: text('created_by_user_id').notNull(),
    usedAt: unixMs('used_at'),
    usedByUserId: text('used_by_user_id'),
    revokedAt: unixMs('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('invitations_token_idx').on(t.tokenHash), index('invitations_agency_idx').on(t.agencyId)],
);
