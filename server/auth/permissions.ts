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

export type Section = 'campaigns' | 'prizes' | 'mailings' | 'stats' | 'support' | 'team';
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
  return rows.find(
    (m) =>
      (m.brandId === null || m.brandId === brandId) &&
      (m.role === 'agency_admin' || m.sections.includes(section)) &&
      // A brand-scoped role on an agency-wide row would widen access; only agency roles may span brands.
      (m.brandId !== null || m.role === 'agency_admin' || m.role === 'agency_manager'),
  );
}

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
