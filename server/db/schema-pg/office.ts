/** @module PostgreSQL mirror of ../schema/office.ts: the office audit log. */
import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { agencies, brands, createdAt } from './organization.ts';

export const officeAudit = pgTable(
  'office_audit',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    brandId: integer('brand_id').references(() => brands.id),
    agencyId: integer('agency_id').references(() => agencies.id),
    actorPlatform: text('actor_platform').notNull(),
    actorUserId: text('actor_user_id').notNull(),
    section: text('section').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('office_audit_brand_at_idx').on(t.brandId, t.createdAt),
    index('office_audit_agency_at_idx').on(t.agencyId, t.createdAt),
    index('office_audit_entity_idx').on(t.entity, t.entityId),
  ],
);
