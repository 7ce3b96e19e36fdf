/**
 * @module Reading the office audit log (`GET /api/admin/audit`). Who may read what: an agency owner (`agency_admin`)
 * every brand of their agency, a `brand_admin` their brand; anyone else nothing (403). Filters narrow within that.
 */
import { and, desc, eq, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';

export interface AuditQuery {
  brandId?: number;
  /** The actor's platform user id (as recorded with their identity). */
  person?: string;
  section?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  to?: number;
  /** Entries older than this id (the previous page's `next`). */
  before?: number;
  limit: number;
}

export const noAuditRights = () => new ApiError(403, 'forbidden', 'No audit rights for this brand');

/** The brands whose audit log this identity may read. */
export async function auditableBrands(db: Db, identity: Identity): Promise<number[]> {
  const { memberships, brands } = schema;
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.platform, identity.platform), eq(memberships.platformUserId, identity.userId)));
  const ids = new Set<number>();
  const ownerAgencies = rows.filter((m) => m.role === 'agency_admin').map((m) => m.agencyId);
  if (ownerAgencies.length > 0) {
    for (const b of await db.select({ id: brands.id }).from(brands).where(inArray(brands.agencyId, ownerAgencies))) {
      ids.add(b.id);
    }
  }
  for (const m of rows) if (m.role === 'brand_admin' && m.brandId !== null) ids.add(m.brandId);
  return [...ids];
}

/**
 * One page of entries, newest first.
 * @example await readAudit(db, identity, { brandId: 3, section: 'campaigns', limit: 50 });
 */
export async function readAudit(db: Db, identity: Identity, q: AuditQuery) {
  const allowed = await auditableBrands(db, identity);
  if (allowed.length === 0 || (q.brandId !== undefined && !allowed.includes(q.brandId))) throw noAuditRights();
  const a = schema.officeAudit;
  const where: SQL[] = [inArray(a.brandId, q.brandId !== undefined ? [q.brandId] : allowed)];
  if (q.person !== undefined) where.push(eq(a.actorUserId, q.person));
  if (q.section !== undefined) where.push(eq(a.section, q.section));
  if (q.from !== undefined) where.push(gte(a.createdAt, q.from));
  if (q.to !== undefined) where.push(lte(a.createdAt, q.to));
  if (q.before !== undefined) where.push(lt(a.id, q.before));
  const rows = await db
    .select({ entry: a, brandName: schema.brands.name })
    .from(a)
    .leftJoin(schema.brands, eq(schema.brands.id, a.brandId))
    .where(and(...where))
    .orderBy(desc(a.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map(({ entry: e, brandName }) => ({
      id: e.id,
      brandId: e.brandId,
      brandName,
      actor: { platform: e.actorPlatform, userId: e.actorUserId },
      section: e.section,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
      at: e.createdAt,
    })),
    next: rows.length > q.limit ? (page.at(-1)?.entry.id ?? null) : null,
  };
}
