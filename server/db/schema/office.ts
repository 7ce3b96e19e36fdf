/**
 * @module The back office's own records. `office_audit` keeps every office write (who, as which platform identity,
 * when, what, the entity before and after), written in the same transaction as the change it describes, so the log
 * can neither miss a committed change nor show one that was rolled back.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { agencies, brands, createdAt } from './organization.ts';

export const officeAudit = sqliteTable(
  'office_audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The brand the change belongs to (null for agency-level changes). */
    brandId: integer('brand_id').references(() => brands.id),
    /**
     * The agency the change belongs to: the brand's agency for a brand row, the agency itself for an agency-level
     * row, so the agency owner can read both (server/office/audit-log.ts). Null only on rows written before 0.12.
     */
    agencyId: integer('agency_id').references(() => agencies.id),
    actorPlatform: text('actor_platform').notNull(),
    actorUserId: text('actor_user_id').notNull(),
    /** The permission section the write needed (`campaigns`, `prizes`, ...). */
    section: text('section').notNull(),
    /** What happened, `entity.verb`: `campaign.create`, `campaign.publish`, `pool.import`, ... */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }).$type<unknown>(),
    after: text('after', { mode: 'json' }).$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('office_audit_brand_at_idx').on(t.brandId, t.createdAt),
    index('office_audit_agency_at_idx').on(t.agencyId, t.createdAt),
    index('office_audit_entity_idx').on(t.entity, t.entityId),
  ],
);
