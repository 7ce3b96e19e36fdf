/**
 * @module The office's tenant gate, run on every `/api/admin` route (server/http/office-route.ts) BEFORE its input is
 * validated: it finds the brand the request is about (a campaign, brand or community in the path, or `brandId` in the
 * query or JSON body) and refuses a caller who may not open the route's section there. Someone who is no member of
 * that brand gets the same 404 whether the row exists or not, so ids of other tenants reveal nothing; a member
 * without the section gets 403. Handlers still run their own check (server/auth/permissions.ts): this gate only makes
 * the refusal come first and look the same everywhere.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../http/router.ts';
import { readRowId, readVkId, rowId } from '../http/row-id.ts';
import type { Identity } from './identity.ts';
import { findPermission } from './permissions.ts';
import { BRAND_SECTIONS, type Section } from './sections.ts';

/** What an office route needs: a brand section, `agency` (agency owner/manager), `audit`, or `any` member. */
export type OfficeSection = Section | 'agency' | 'audit' | 'any';

export { BRAND_SECTIONS };

type Kind = 'campaign' | 'brand' | 'community';
type BrandRef = { kind: Kind; brandId?: number } | null;

/**
 * The one answer for "no such row" and "a row of a brand you are no member of" (no id echoed: the same bytes). A
 * brand asked for by id answers like permissions.ts (403) so the brand routes keep their one refusal.
 */
/** A row below the brand (a member, an invitation) that is not in the caller's office, or does not exist: one answer. */
export const rowNotInYourOffice = () => new ApiError(404, 'not_found', 'Not found in your office');

export function notInYourOffice(kind: Kind, section: OfficeSection): ApiError {
  if (kind === 'campaign') return new ApiError(404, 'campaign_not_found', 'Campaign does not exist in your brands');
  if (kind === 'community')
    return new ApiError(404, 'community_not_found', 'Community is not connected to your brands');
  return forbidden(section);
}

const forbidden = (section: OfficeSection) =>
  new ApiError(
    403,
    'forbidden',
    section === 'any' ? 'No rights for this brand' : `No ${section} rights for this brand`,
  );

/**
 * An id read the way the route's validator will read it (server/http/row-id.ts): a spelling it refuses must not
 * name a brand here either, or the gate would judge another row than the handler (or the 404 of one and the 422
 * of the other would tell ids apart). A JSON body's id is already a number.
 */
const bodyId = (v: unknown): number | undefined => rowId().safeParse(v).data;

async function brandOfCampaign(db: Db, id: number): Promise<BrandRef> {
  const [row] = await db
    .select({ brandId: schema.campaigns.brandId })
    .from(schema.campaigns)
    .where(eq(schema.campaigns.id, id))
    .limit(1);
  return { kind: 'campaign', brandId: row?.brandId };
}

async function brandOfCommunity(db: Db, vkGroupId: number): Promise<BrandRef> {
  const [row] = await db
    .select({ brandId: schema.communities.brandId })
    .from(schema.communities)
    .where(eq(schema.communities.vkGroupId, vkGroupId))
    .limit(1);
  return { kind: 'community', brandId: row?.brandId };
}

async function existingBrand(db: Db, id: number): Promise<BrandRef> {
  const [row] = await db.select({ id: schema.brands.id }).from(schema.brands).where(eq(schema.brands.id, id)).limit(1);
  return { kind: 'brand', brandId: row?.id };
}

/**
 * The brand a request is about, read from the matched route pattern (`…/campaigns/:id…`, `…/:brandId…`,
 * `…/communities/:groupId…`), then `?brandId=`, then a JSON body's `brandId`. `null` when the request names none
 * or names it malformed (validation then answers 422 with the reason; a malformed id reveals nothing).
 */
async function brandOfRequest(c: Parameters<Parameters<typeof createMiddleware<AppEnv>>[0]>[0]): Promise<BrandRef> {
  const { db } = c.var.deps;
  const pattern = c.req.routePath;
  const param = (name: string) => readRowId(c.req.param(name));
  if (/\/campaigns\/:id(\/|$)/.test(pattern)) {
    const id = param('id');
    return id === undefined ? null : brandOfCampaign(db, id);
  }
  if (pattern.includes('/:brandId')) {
    const id = param('brandId');
    return id === undefined ? null : existingBrand(db, id);
  }
  if (/\/communities\/:groupId(\/|$)/.test(pattern)) {
    const id = readVkId(c.req.param('groupId'));
    return id === undefined ? null : brandOfCommunity(db, id);
  }
  const fromQuery = c.req.query('brandId');
  if (fromQuery !== undefined) {
    const id = readRowId(fromQuery);
    return id === undefined ? null : existingBrand(db, id);
  }
  if (c.req.header('content-type')?.startsWith('application/json')) {
    // Hono caches the parsed body, so the validator after this gate reads the same one.
    const body: unknown = await c.req.json().catch(() => undefined);
    const id = body && typeof body === 'object' ? bodyId((body as { brandId?: unknown }).brandId) : undefined;
    return id === undefined ? null : existingBrand(db, id);
  }
  return null;
}

/** Whether the caller is an agency owner or manager anywhere. */
async function holdsAgencyRole(db: Db, identity: Identity): Promise<boolean> {
  const [row] = await db
    .select({ id: schema.memberships.id })
    .from(schema.memberships)
    .where(
      and(
        eq(schema.memberships.platform, identity.platform),
        eq(schema.memberships.platformUserId, identity.userId),
        inArray(schema.memberships.role, ['agency_admin', 'agency_manager']),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Whether any membership of the caller covers this brand, whatever its sections. */
export async function isBrandMember(db: Db, identity: Identity, brandId: number): Promise<boolean> {
  for (const section of BRAND_SECTIONS) if (await findPermission(db, identity, brandId, section)) return true;
  return false;
}

/**
 * Middleware for one office route. Brand sections and `any` are judged here when the request names a brand;
 * `agency` and `audit` rules live with their routes (the gate still hides other tenants' rows behind the 404).
 */
export const officeGate = (section: OfficeSection) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const identity = c.var.identity;
    if (!identity) return next();
    const { db } = c.var.deps;
    // Agency acts are for agency roles only: anyone else is refused before the body is read (one answer for all);
    // which agency or brand an agency role may touch, the route decides.
    if (section === 'agency' && !(await holdsAgencyRole(db, identity))) throw forbidden(section);
    const ref = await brandOfRequest(c);
    if (ref === null) return next();
    if (ref.brandId === undefined || !(await isBrandMember(db, identity, ref.brandId))) {
      throw notInYourOffice(ref.kind, section);
    }
    if ((BRAND_SECTIONS as readonly string[]).includes(section)) {
      if (!(await findPermission(db, identity, ref.brandId, section as Section))) throw forbidden(section);
    }
    return next();
  });
