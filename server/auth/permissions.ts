/**
 * @module The back-office permission check, in one place: agency → brand → section. An agency-wide membership
 * (brandId null) covers every brand of that agency; a brand membership covers that brand only; the section
 * (`campaigns`, `prizes`, `mailings`, `stats`, `support`, ...) must be in the membership's list, except for
 * `agency_admin`, who has every section.
 */
import { and, eq } from 'drizzle-orm';
import { type Db, schema } from '../db/client.ts';
import { ApiError } from '../http/errors.ts';
import type { Identity } from './identity.ts';
import type { Section } from './sections.ts';

export type { Section } from './sections.ts';
export type MembershipRow = typeof schema.memberships.$inferSelect;

/** The membership that grants `section` on `brandId` to this identity, if any. */
export async function findPermission(
  db: Db,
  identity: Identity,
  brandId: number,
  section: Section,
): Promise<MembershipRow | undefined> {
  const [brand] = await db.select().from(schema.brands).where(eq(schema.brands.id, brandId)).limit(1);
  if (!brand) return undefined;
  const rows = await db
    .select()
    .from(schema.memberships)
    .where(
      and(
        eq(schema.memberships.platform, identity.platform),
        eq(schema.memberships.platformUserId, identity.userId),
        eq(schema.memberships.agencyId, brand.agencyId),
      ),
    );
  return rows.find((m) => reaches(m, brand) && (m.role === 'agency_admin' || m.sections.includes(section)));
}

type BrandState = Pick<typeof schema.brands.$inferSelect, 'id' | 'agencyId' | 'disabledAt'>;

const isAgencyRole = (role: MembershipRow['role']) => role === 'agency_admin' || role === 'agency_manager';

/**
 * Whether a brand the agency may have switched off is open to this role: a switched-off brand is closed to its brand
 * roles (sections, team, audit log); the agency keeps it, to switch it back on. The one home of that rule.
 */
export const isOpenTo = (brand: Pick<BrandState, 'disabledAt'>, role: MembershipRow['role']) =>
  brand.disabledAt === null || isAgencyRole(role);

/**
 * Whether the agency has switched the brand off (`brands.disabled_at`): the one read behind `requireBrandSwitchedOn`,
 * and for a step with no one to answer (the schedule pass reaching a broadcast's moment, mailing/broadcast.service.ts).
 * @example if (await brandSwitchedOff(tx, campaign.brandId)) return markNotSent()
 */
export async function brandSwitchedOff(db: Db, brandId: number): Promise<boolean> {
  const [brand] = await db
    .select({ disabledAt: schema.brands.disabledAt })
    .from(schema.brands)
    .where(eq(schema.brands.id, brandId))
    .limit(1);
  return brand?.disabledAt != null;
}

/**
 * 409 `brand_switched_off` when the agency has switched the brand off: an office step that would act for it towards
 * VK or its participants — the draw's re-check of a pick and its announcement, a broadcast sent or scheduled, a support
 * reply, a catalogue import that would alert subscribers — is refused before anything is written (decisions 053, 054).
 * Meanwhile its community token is withheld (agency-secrets.ts `communityToken`) and its messages are closed unsent
 * (mailing/outbox-stale.ts) or held until someone switches it on, so such a step could only fail — a 503 that invites
 * retrying — or be lost or delayed while counted as done. Only the agency's people reach a switched-off brand
 * (`isOpenTo`), so they are the ones told.
 * @example await requireBrandSwitchedOn(db, campaign.brandId)
 */
export async function requireBrandSwitchedOn(db: Db, brandId: number): Promise<void> {
  if (await brandSwitchedOff(db, brandId)) {
    throw new ApiError(409, 'brand_switched_off', 'The agency has switched this brand off; switch it on first');
  }
}

/**
 * Whether a membership row applies to a brand, sections aside: the brand's own row, or an agency role's agency-wide
 * row of the brand's agency (a brand role on an agency-wide row would widen access; only agency roles span brands),
 * and the brand open to that role.
 */
export const reaches = (m: Pick<MembershipRow, 'agencyId' | 'brandId' | 'role'>, brand: BrandState) =>
  m.agencyId === brand.agencyId &&
  (m.brandId === brand.id || (m.brandId === null && isAgencyRole(m.role))) &&
  isOpenTo(brand, m.role);

/** Throws 403 `forbidden` unless the identity may use `section` of this brand. */
export async function requirePermission(
  db: Db,
  identity: Identity,
  brandId: number,
  section: Section,
): Promise<MembershipRow> {
  const found = await findPermission(db, identity, brandId, section);
  if (!found) throw new ApiError(403, 'forbidden', `No ${section} rights for this brand`);
  return found;
}

/**
 * The `agency` rule (brands, their communities and apps, switching a brand off): the agency's `agency_admin`, or an
 * `agency_manager` agency-wide or for this brand. Sections do not matter; a brand role never qualifies.
 */
export async function findAgencyAccess(
  db: Db,
  identity: Identity,
  brandId: number,
): Promise<{ membership: MembershipRow; brand: typeof schema.brands.$inferSelect } | undefined> {
  const [brand] = await db.select().from(schema.brands).where(eq(schema.brands.id, brandId)).limit(1);
  if (!brand) return undefined;
  const membership = (await agencyMemberships(db, identity, brand.agencyId)).find((m) => managesBrand(m, brandId));
  return membership && { membership, brand };
}

/**
 * The `agency` rule on one of the agency's memberships: its `agency_admin`, or an `agency_manager` agency-wide or for
 * this brand. The caller checks the membership is of the brand's agency.
 * @example managesBrand({ role: 'agency_manager', brandId: null }, 3) // true
 */
export const managesBrand = (m: Pick<MembershipRow, 'brandId' | 'role'>, brandId: number) =>
  m.role === 'agency_admin' || (m.role === 'agency_manager' && (m.brandId === null || m.brandId === brandId));

/** Throws 403 `forbidden` (the same for a brand that is not the caller's and one that does not exist). */
export async function requireAgencyAccess(db: Db, identity: Identity, brandId: number) {
  const found = await findAgencyAccess(db, identity, brandId);
  if (!found) throw new ApiError(403, 'forbidden', 'No agency rights for this brand');
  return found;
}

/**
 * Agency-level acts: `agency_admin` only (settings, white label), or also an agency-wide `agency_manager`
 * (creating a brand). Throws 403 `forbidden` otherwise, the same for an agency that does not exist.
 */
export async function requireAgencyLevel(
  db: Db,
  identity: Identity,
  agencyId: number,
  who: 'owner' | 'agency-wide',
): Promise<MembershipRow> {
  const found = (await agencyMemberships(db, identity, agencyId)).find(
    (m) => m.role === 'agency_admin' || (who === 'agency-wide' && m.role === 'agency_manager' && m.brandId === null),
  );
  if (!found) throw new ApiError(403, 'forbidden', 'No agency rights for this agency');
  return found;
}

function agencyMemberships(db: Db, identity: Identity, agencyId: number): Promise<MembershipRow[]> {
  return db
    .select()
    .from(schema.memberships)
    .where(
      and(
        eq(schema.memberships.platform, identity.platform),
        eq(schema.memberships.platformUserId, identity.userId),
        eq(schema.memberships.agencyId, agencyId),
      ),
    );
}
