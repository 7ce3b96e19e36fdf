/**
 * @module Reading the office audit log (`GET /api/admin/audit`). Who may read what: an agency owner (`agency_admin`)
 * every brand of their agency and the agency's own entries (settings, white label, agency-wide team and invitations,
 * manager coverage); an agency manager the brands they cover; a `brand_admin` their brand; anyone else nothing
 * (403). Agency-level entries are the owner's alone: they record acts and people above any one brand, and a manager's
 * or brand admin's view of the agency ends at the brands they answer for. Filters narrow within that.
 */
import { and, desc, eq, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';

/** The `brandId` filter's value for the agency's own entries (those of no brand). */
export const AGENCY_ONLY = 'agency';

export interface AuditQuery {
  /** One brand, or `agency` for the agency-level entries only. */
  brandId?: number | typeof AGENCY_ONLY;
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

/** What an identity may read: brand entries of `brandIds`, agency-level entries of `agencyIds`. */
export interface AuditScope {
  brandIds: number[];
  agencyIds: number[];
}

export const noAuditRights = () => new ApiError(403, 'forbidden', 'No audit rights for this brand');

/** The brands and agencies whose audit log this identity may read. */
export async function auditScope(db: Db, identity: Identity): Promise<AuditScope> {
  const { memberships, brands } = schema;
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.platform, identity.platform), eq(memberships.platformUserId, identity.userId)));
  const owned = rows.filter((m) => m.role === 'agency_admin').map((m) => m.agencyId);
  // An agency-wide row (owner, or a manager of every brand) covers each brand of its agency, present and future.
  const wide = rows.filter((m) => m.brandId === null && (m.role === 'agency_admin' || m.role === 'agency_manager'));
  const ids = new Set<number>();
  if (wide.length > 0) {
    const agencies = [...new Set(wide.map((m) => m.agencyId))];
    for (const b of await db.select({ id: brands.id }).from(brands).where(inArray(brands.agencyId, agencies))) {
      ids.add(b.id);
    }
  }
  for (const m of rows) {
    if ((m.role === 'brand_admin' || m.role === 'agency_manager') && m.brandId !== null) ids.add(m.brandId);
  }
  return { brandIds: [...ids], agencyIds: [...new Set(owned)] };
}

/** Whether the identity may open the audit log at all (the office's `canSeeAudit`). */
export async function canReadAudit(db: Db, identity: Identity): Promise<boolean> {
  const scope = await auditScope(db, identity);
  return scope.brandIds.length > 0 || scope.agencyIds.length > 0;
}

/** The rows a query may list: within the scope, narrowed by the brand filter; undefined when it may list none. */
function placeFilter(scope: AuditScope, brandId: AuditQuery['brandId']): SQL | undefined {
  const a = schema.officeAudit;
  const agencyRows =
    scope.agencyIds.length > 0 ? and(isNull(a.brandId), inArray(a.agencyId, scope.agencyIds)) : undefined;
  if (brandId === AGENCY_ONLY) return agencyRows;
  if (brandId !== undefined) return scope.brandIds.includes(brandId) ? eq(a.brandId, brandId) : undefined;
  const brandRows = scope.brandIds.length > 0 ? inArray(a.brandId, scope.brandIds) : undefined;
  return brandRows && agencyRows ? or(brandRows, agencyRows) : (brandRows ?? agencyRows);
}

/**
 * One page of entries, newest first.
 * @example await readAudit(db, identity, { brandId: 3, section: 'campaigns', limit: 50 });
 */
export async function readAudit(db: Db, identity: Identity, q: AuditQuery) {
  const place = placeFilter(await auditScope(db, identity), q.brandId);
  if (place === undefined) throw noAuditRights();
  const { officeAudit: a, brands, agencies } = schema;
  const where: SQL[] = [place];
  if (q.person !== undefined) where.push(eq(a.actorUserId, q.person));
  if (q.section !== undefined) where.push(eq(a.section, q.section));
  if (q.from !== undefined) where.push(gte(a.createdAt, q.from));
  if (q.to !== undefined) where.push(lte(a.createdAt, q.to));
  if (q.before !== undefined) where.push(lt(a.id, q.before));
  const rows = await db
    .select({ entry: a, brandName: brands.name, agencyId: agencies.id, agencyName: agencies.name })
    .from(a)
    .leftJoin(brands, eq(brands.id, a.brandId))
    // Rows written before the column existed name no agency: their brand's agency stands in.
    .leftJoin(agencies, eq(agencies.id, sql`coalesce(${a.agencyId}, ${brands.agencyId})`))
    .where(and(...where))
    .orderBy(desc(a.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map(({ entry: e, brandName, agencyId, agencyName }) => ({
      id: e.id,
      brandId: e.brandId,
      brandName,
      agencyId,
      agencyName,
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
