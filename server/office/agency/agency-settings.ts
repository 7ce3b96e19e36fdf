/**
 * @module The agency's white label: the name, logo and accent the office shows its brands (and invitation texts
 * use, `agencyBranding`), in place of any vendor name. Only the agency's owner (`agency_admin`) changes them.
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { requireAgencyLevel } from '../../auth/permissions.ts';
import { type Db, schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { recordAudit, setChangesNothing } from '../audit.ts';
import { nextSavedAt, SavedMeanwhileError } from '../one-save-per-copy.ts';

const { agencies } = schema;

export interface AgencyBranding {
  id: number;
  name: string;
  logoUrl: string | null;
  accent: string | null;
}

const brandingOf = (a: typeof agencies.$inferSelect): AgencyBranding => ({
  id: a.id,
  name: a.name,
  logoUrl: a.logoUrl,
  accent: a.accent,
});

/** A data: logo is up to 64 KB; the log keeps what kind and how long, not the image. */
const audited = (b: AgencyBranding) => ({
  ...b,
  logoUrl: b.logoUrl?.startsWith('data:')
    ? `${b.logoUrl.slice(0, b.logoUrl.indexOf(','))},… (${b.logoUrl.length} chars)`
    : b.logoUrl,
});

/**
 * The agency's name, logo and accent, for the office and for invitation texts; undefined for no such agency.
 * @example const { name } = (await agencyBranding(db, membership.agencyId)) ?? { name: '' }
 */
export async function agencyBranding(db: Db, agencyId: number): Promise<AgencyBranding | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, agencyId)).limit(1);
  return row && brandingOf(row);
}

/**
 * The owner's settings screen: the white label, whether community admins may claim brand admin (community-claim.ts),
 * and `updatedAt`, the copy a save names.
 */
export type AgencySettings = AgencyBranding & { allowCommunityAdminClaim: boolean; updatedAt: number };

const settingsOf = (a: typeof agencies.$inferSelect): AgencySettings => ({
  ...brandingOf(a),
  allowCommunityAdminClaim: a.allowCommunityAdminClaim,
  updatedAt: a.updatedAt,
});

/** The settings as the owner reads them (403 for anyone else, the same for an agency that does not exist). */
export async function readAgencySettings(deps: Deps, identity: Identity, agencyId: number): Promise<AgencySettings> {
  await requireAgencyLevel(deps.db, identity, agencyId, 'owner');
  const [row] = await deps.db.select().from(agencies).where(eq(agencies.id, agencyId)).limit(1);
  if (!row) throw new ApiError(403, 'forbidden', 'No agency rights for this agency');
  return settingsOf(row);
}

/**
 * Changes the white label if it is still the copy the edit was made on (`savedAt`, decision 045), else 409
 * `saved_meanwhile` and nothing written; null clears the logo or the accent. A save of the current copy that changes
 * nothing writes and records nothing (decision 067).
 * Switching the community admin claim is not an edit of these and leaves an open form's copy good.
 */
export async function saveAgencySettings(
  deps: Deps,
  identity: Identity,
  agencyId: number,
  input: { name?: string; logoUrl?: string | null; accent?: string | null; savedAt: number },
): Promise<AgencySettings> {
  await requireAgencyLevel(deps.db, identity, agencyId, 'owner');
  const { savedAt, ...change } = input;
  return inTransaction(deps.db, async (tx) => {
    const [before] = await tx.select().from(agencies).where(eq(agencies.id, agencyId));
    if (!before) throw new ApiError(403, 'forbidden', 'No agency rights for this agency');
    // The copy it was made on, saved as it is: nothing written, nothing audited, the copy still current (decision 067).
    const set = Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
    if (before.updatedAt === savedAt && setChangesNothing(before, set)) return settingsOf(before);
    // The check is in the UPDATE itself: a concurrent save of the same copy waits for this row and then matches nothing.
    const [row] = await tx
      .update(agencies)
      .set({ ...change, updatedAt: nextSavedAt(deps.now(), savedAt) })
      .where(and(eq(agencies.id, agencyId), eq(agencies.updatedAt, savedAt)))
      .returning();
    if (!row) throw new SavedMeanwhileError('white label');
    await recordAudit(tx, {
      actor: identity,
      brandId: null,
      agencyId,
      section: 'agency',
      action: 'agency.update_settings',
      entity: 'agency',
      entityId: agencyId,
      before: audited(brandingOf(before)),
      after: audited(brandingOf(row)),
    });
    return settingsOf(row);
  });
}
