/**
 * @module Removing an agency manager from the agency: every row of theirs as agency manager (one agency-wide, or one per
 * chosen brand) goes in one transaction with one audit row. The office once sent one DELETE per brand, so a failure
 * half way left them removed from some brands and still managing others.
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { rowNotInYourOffice } from '../../auth/office-gate.ts';
import { schema } from '../../db/client.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { recordAudit } from '../audit.ts';
import { refuseManagerRemoval } from './team.service.ts';
import { authorityOverRow } from './team-scope.ts';

const { memberships } = schema;

/**
 * Removes the agency manager whose membership `id` is (any of their manager rows) from every brand they cover. Only
 * an agency owner may: the coverage is the agency's, and a manager must not take a fellow manager out of brands beyond
 * their own. A brand role the person also holds stays (it is the brand's, removed on the brand's team).
 * @example await removeAgencyManager(deps, owner, 12); // all of their manager rows, or none
 */
export async function removeAgencyManager(deps: Deps, actor: Identity, id: number): Promise<void> {
  const [row] = await deps.db.select().from(memberships).where(eq(memberships.id, id)).limit(1);
  if (!row) throw rowNotInYourOffice();
  const authority = await authorityOverRow(deps.db, actor, { agencyId: row.agencyId, brandId: null });
  if (row.role !== 'agency_manager') {
    throw new ApiError(409, 'not_agency_manager', 'Only an agency manager is removed from all their brands at once');
  }
  refuseManagerRemoval(authority);
  const person = and(
    eq(memberships.platform, row.platform),
    eq(memberships.platformUserId, row.platformUserId),
    eq(memberships.agencyId, row.agencyId),
    eq(memberships.role, 'agency_manager'),
  );
  await inTransaction(deps.db, async (tx) => {
    const before = await tx.select().from(memberships).where(person);
    // Removed meanwhile (another owner's tap): said as missing, as a second DELETE of one row is.
    if (before.length === 0) throw rowNotInYourOffice();
    await tx.delete(memberships).where(person);
    const brandIds = before.map((r) => r.brandId);
    await recordAudit(tx, {
      actor,
      brandId: null,
      agencyId: row.agencyId,
      section: 'team',
      action: 'member.remove',
      entity: 'membership',
      entityId: id,
      before: {
        platform: row.platform,
        userId: row.platformUserId,
        role: row.role,
        sections: row.sections,
        brands: brandIds.includes(null) ? 'all' : brandIds.sort((a, b) => (a ?? 0) - (b ?? 0)),
      },
    });
  });
}
