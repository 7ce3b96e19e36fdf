/**
 * @module Reading the office audit log (`GET /api/admin/audit`). Who may read what: an agency owner (`agency_admin`)
 * every entry of every brand of their agency and the agency's own entries (settings, white label, agency-wide team
 * and invitations, manager coverage); an agency manager the brands they cover, and a `brand_admin` their brand, in
 * both cases only the entries of the sections they hold there (plus the agency's acts on that brand: its name,
 * communities, apps, switching it off); anyone else nothing (403). Entries carry whole before/after documents, so a
 * section the reader does not hold stays closed here too: a brand admin with `stats` alone must not read campaign
 * documents through the log. Agency-level entries are the owner's alone: they record acts and people above any one
 * brand. Filters narrow within that.
 *
 * `launch` entries (status changes, a published campaign's dates moved: decision 116, 117) are read by those who may
 * launch there, which means holding `campaigns` too: `launch` alone gives nothing, as it launches nothing. Status
 * changes written before 117 were filed under `campaigns`; they read as `launch` (`sectionAsRead`), so the filter
 * answers who launched and stopped what for the whole history, and a reader without `launch` sees none of them.
 */
import { and, desc, eq, gte, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Identity } from '../auth/identity.ts';
import { isOpenTo, type MembershipRow } from '../auth/permissions.ts';
import { launchWithoutCampaigns } from '../auth/sections.ts';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';
import { personOf } from '../profile-url.ts';

/** The `brandId` filter's value for the agency's own entries (those of no brand). */
export const AGENCY_ONLY = 'agency';

export interface AuditQuery {
  /** One brand, or `agency` for the agency-level entries only. */
  brandId?: number | typeof AGENCY_ONLY;
  /** The actor, by platform and user id: the id alone is shared by a VK, an OK and a Telegram user. */
  person?: { platform: string; userId: string };
  section?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  to?: number;
  /** Entries older than this id (the previous page's `next`). */
  before?: number;
  limit: number;
}

/** The sections of one brand's entries a reader may see; `all` for the agency owner. */
type BrandSections = Map<number, Set<string> | 'all'>;

/** What an identity may read: brand entries by brand and section, agency-level entries of `agencyIds`. */
export interface AuditScope {
  brands: BrandSections;
  agencyIds: number[];
}

/** The pseudo-section of the agency's own acts; on a brand's entry it is readable by whoever reads that brand. */
const AGENCY_SECTION = 'agency';

export const noAuditRights = () => new ApiError(403, 'forbidden', 'No audit rights for this brand');

/** The brands and agencies whose audit log this identity may read. */
export async function auditScope(db: Db, identity: Identity): Promise<AuditScope> {
  const { memberships, brands } = schema;
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.platform, identity.platform), eq(memberships.platformUserId, identity.userId)));
  const scope: AuditScope = {
    brands: new Map(),
    agencyIds: [...new Set(rows.filter((m) => m.role === 'agency_admin').map((m) => m.agencyId))],
  };
  const grant = (brandId: number, m: MembershipRow) => {
    const had = scope.brands.get(brandId);
    if (had === 'all') return;
    if (m.role === 'agency_admin') scope.brands.set(brandId, 'all');
    else scope.brands.set(brandId, new Set([...(had ?? []), ...m.sections, AGENCY_SECTION]));
  };
  // An agency-wide row (owner, or a manager of every brand) covers each brand of its agency, present and future.
  const wide = rows.filter((m) => m.brandId === null && (m.role === 'agency_admin' || m.role === 'agency_manager'));
  if (wide.length > 0) {
    const agencies = [...new Set(wide.map((m) => m.agencyId))];
    const all = await db
      .select({ id: brands.id, agencyId: brands.agencyId })
      .from(brands)
      .where(inArray(brands.agencyId, agencies));
    for (const m of wide) for (const b of all) if (b.agencyId === m.agencyId) grant(b.id, m);
  }
  // A brand the agency switched off is closed to its brand roles, its log included (permissions.ts's `isOpenTo`).
  const brandIds = [...new Set(rows.flatMap((m) => (m.brandId === null ? [] : [m.brandId])))];
  const states = new Map(
    brandIds.length === 0
      ? []
      : (
          await db
            .select({ id: brands.id, disabledAt: brands.disabledAt })
            .from(brands)
            .where(inArray(brands.id, brandIds))
        ).map((b) => [b.id, b]),
  );
  for (const m of rows) {
    const brand = m.brandId === null ? undefined : states.get(m.brandId);
    if (!brand || !isOpenTo(brand, m.role)) continue;
    if (m.role === 'agency_manager' || m.role === 'brand_admin') grant(brand.id, m);
  }
  for (const sections of scope.brands.values()) {
    if (sections !== 'all' && launchWithoutCampaigns([...sections])) sections.delete('launch');
  }
  return scope;
}

/**
 * The status changes of a campaign (campaign-lifecycle.ts) filed under `campaigns` before they had a section of
 * their own (decision 117); the rows stay as written. A date moved in a published campaign's save before then is
 * inside that save's `campaign.revise` entry, with its texts: it stays under `campaigns`.
 */
export const STATUS_ACTIONS_FILED_AS_CAMPAIGNS = [
  'campaign.draft',
  'campaign.scheduled',
  'campaign.live',
  'campaign.go_live_refused',
  'campaign.paused',
  'campaign.resume',
  'campaign.ended',
  'campaign.archived',
];

/** An entry's section as read: the one written, except an old status change's `campaigns`, which reads `launch`. */
const sectionAsRead = (a: typeof schema.officeAudit) =>
  sql<string>`(case when ${a.section} = 'campaigns' and ${inArray(a.action, STATUS_ACTIONS_FILED_AS_CAMPAIGNS)} then 'launch' else ${a.section} end)`;

/** Whether the identity may open the audit log at all (the office's `canSeeAudit`). */
export async function canReadAudit(db: Db, identity: Identity): Promise<boolean> {
  const scope = await auditScope(db, identity);
  return scope.brands.size > 0 || scope.agencyIds.length > 0;
}

/** The brand entries `brands` lets through: one condition per distinct section list (a wide manager's brands share one). */
function brandRows(brands: BrandSections): SQL | undefined {
  const a = schema.officeAudit;
  const bySections = new Map<string, { ids: number[]; sections: string[] | 'all' }>();
  for (const [brandId, sections] of brands) {
    const list = sections === 'all' ? 'all' : [...sections].sort();
    const key = list === 'all' ? list : list.join(',');
    const group = bySections.get(key) ?? { ids: [], sections: list };
    group.ids.push(brandId);
    bySections.set(key, group);
  }
  const parts = [...bySections.values()].map(({ ids, sections }) =>
    sections === 'all' ? inArray(a.brandId, ids) : and(inArray(a.brandId, ids), inArray(sectionAsRead(a), sections)),
  );
  return parts.length > 0 ? or(...parts) : undefined;
}

/** The rows a query may list: within the scope, narrowed by the brand filter; undefined when it may list none. */
function placeFilter(scope: AuditScope, brandId: AuditQuery['brandId']): SQL | undefined {
  const a = schema.officeAudit;
  const agencyRows =
    scope.agencyIds.length > 0 ? and(isNull(a.brandId), inArray(a.agencyId, scope.agencyIds)) : undefined;
  if (brandId === AGENCY_ONLY) return agencyRows;
  if (brandId !== undefined) {
    const sections = scope.brands.get(brandId);
    return sections === undefined ? undefined : brandRows(new Map([[brandId, sections]]));
  }
  const brands = brandRows(scope.brands);
  return brands && agencyRows ? or(brands, agencyRows) : (brands ?? agencyRows);
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
  if (q.person !== undefined) {
    where.push(eq(a.actorPlatform, q.person.platform), eq(a.actorUserId, q.person.userId));
  }
  if (q.section !== undefined) where.push(eq(sectionAsRead(a), q.section));
  if (q.from !== undefined) where.push(gte(a.createdAt, q.from));
  if (q.to !== undefined) where.push(lte(a.createdAt, q.to));
  if (q.before !== undefined) where.push(lt(a.id, q.before));
  const rows = await db
    .select({
      entry: a,
      section: sectionAsRead(a),
      brandName: brands.name,
      agencyId: agencies.id,
      agencyName: agencies.name,
    })
    .from(a)
    .leftJoin(brands, eq(brands.id, a.brandId))
    // Rows written before the column existed name no agency: their brand's agency stands in.
    .leftJoin(agencies, eq(agencies.id, sql`coalesce(${a.agencyId}, ${brands.agencyId})`))
    .where(and(...where))
    .orderBy(desc(a.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map(({ entry: e, section, brandName, agencyId, agencyName }) => ({
      id: e.id,
      brandId: e.brandId,
      brandName,
      agencyId,
      agencyName,
      actor: personOf(e.actorPlatform, e.actorUserId),
      section,
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
