/**
 * @module Who may change whose office rights. Read from the caller's memberships on every request (nothing cached, so
 * a removal or a demotion bites at the caller's next request). The rules:
 * - `agency_admin` (agency-wide) may grant every role and section anywhere in the agency;
 * - an `agency_manager` with the `team` section may manage the brands they cover and grant `agency_manager` there,
 *   never `agency_admin`;
 * - a brand admin with `team` may manage their brand with brand roles only; a brand member with `team` may give and
 *   change only the `brand_member` role, so they can neither make themselves (or anyone) brand admin nor touch a brand
 *   admin's row (found from outside: a member promoted themselves and demoted the admin);
 * - nobody but an agency admin grants a section they do not hold themselves (removing one is fine);
 * - only an agency admin takes an agency manager out of any brand, by whichever route (managerRemovalProblem);
 * - on a brand the agency switched off, brand roles have no authority (team-scope.ts): only the agency's people.
 */
import { and, eq } from 'drizzle-orm';
import type { Identity } from '../../auth/identity.ts';
import { BRAND_SECTIONS } from '../../auth/sections.ts';
import { type Db, schema } from '../../db/client.ts';
import type { MembershipRole } from '../../db/schema/organization.ts';

export type MembershipRow = typeof schema.memberships.$inferSelect;

/**
 * The sections a membership can hold: every brand section, from its one list (a copy here once left `leads` out, so
 * it could not be granted and any edit of a member silently dropped it). Billing and agency settings are never one.
 */
export const TEAM_SECTIONS = BRAND_SECTIONS;

export const AGENCY_ROLES: readonly MembershipRole[] = ['agency_admin', 'agency_manager'];
export const BRAND_ROLES: readonly MembershipRole[] = ['brand_admin', 'brand_member'];

/** Where a membership applies: one brand, or the whole agency (brandId null). */
export interface TeamScope {
  agencyId: number;
  brandId: number | null;
}

/** What the caller may do to memberships of one scope. */
export interface TeamAuthority {
  isAgencyAdmin: boolean;
  /** Roles the caller may give (or take away) in this scope. */
  roles: MembershipRole[];
  /** Sections the caller may add to someone's list in this scope. */
  sections: string[];
}

/** The caller's memberships in one agency, read fresh. */
export async function actorMemberships(
  db: Db,
  actor: Pick<Identity, 'platform' | 'userId'>,
  agencyId: number,
): Promise<MembershipRow[]> {
  const m = schema.memberships;
  return db
    .select()
    .from(m)
    .where(and(eq(m.platform, actor.platform), eq(m.platformUserId, actor.userId), eq(m.agencyId, agencyId)));
}

/** Whether a row covers the brand (null: the agency as a whole) the way server/auth/permissions.ts reads it. */
export function covers(row: MembershipRow, brandId: number | null): boolean {
  if (row.brandId === null) return AGENCY_ROLES.includes(row.role);
  return brandId !== null && row.brandId === brandId;
}

const holdsTeam = (row: MembershipRow) => row.role === 'agency_admin' || row.sections.includes('team');

/**
 * The caller's authority over memberships of `scope`, or undefined when they have none there.
 * @example authorityOver(rows, { agencyId: 1, brandId: 4 })?.roles // ['brand_admin', 'brand_member']
 */
export function authorityOver(rows: MembershipRow[], scope: TeamScope): TeamAuthority | undefined {
  const isAgencyAdmin = rows.some((r) => r.role === 'agency_admin' && r.brandId === null);
  if (isAgencyAdmin) {
    return {
      isAgencyAdmin,
      roles: scope.brandId === null ? [...AGENCY_ROLES] : ['agency_manager', ...BRAND_ROLES],
      sections: [...TEAM_SECTIONS],
    };
  }
  const withTeam = rows.filter((r) => covers(r, scope.brandId) && holdsTeam(r));
  if (withTeam.length === 0) return undefined;
  const manager = withTeam.some((r) => r.role === 'agency_manager');
  const sections = [...new Set(withTeam.flatMap((r) => r.sections))].filter((s) =>
    (TEAM_SECTIONS as readonly string[]).includes(s),
  );
  if (scope.brandId === null) return { isAgencyAdmin, roles: ['agency_manager'], sections };
  if (manager) return { isAgencyAdmin, roles: ['agency_manager', ...BRAND_ROLES], sections };
  const brandAdmin = withTeam.some((r) => r.role === 'brand_admin');
  return { isAgencyAdmin, roles: brandAdmin ? [...BRAND_ROLES] : ['brand_member'], sections };
}

/** Why a grant is refused, or null when it may go ahead. */
export function grantProblem(
  authority: TeamAuthority,
  scope: TeamScope,
  role: MembershipRole,
  sections: readonly string[],
  previousSections: readonly string[] = [],
): { code: string; message: string } | null {
  if (role === 'agency_admin' && scope.brandId !== null) {
    return { code: 'role_scope', message: 'An agency owner covers the whole agency, not one brand' };
  }
  if (BRAND_ROLES.includes(role) && scope.brandId === null) {
    return { code: 'role_scope', message: `A ${role} belongs to one brand: choose the brand` };
  }
  if (!authority.roles.includes(role)) {
    return { code: 'role_not_allowed', message: `You may not give the role ${role} here` };
  }
  const added = sections.filter((s) => !previousSections.includes(s));
  const missing = added.filter((s) => !authority.sections.includes(s));
  if (missing.length > 0) {
    return { code: 'section_not_held', message: `You cannot grant sections you do not hold: ${missing.join(', ')}` };
  }
  return null;
}

/**
 * Why taking an agency manager out of brands is refused, or null. Coverage is the agency's: only its owner removes an
 * agency manager's row, whichever route does it (one row, all their rows, narrowing their brands, or giving the row
 * another role). Found from outside: the one-row DELETE let an agency-wide manager with `team` take a chosen-brand
 * manager out brand by brand, though removing them at once was owner-only.
 * @example managerRemovalProblem(authorityOver(rows, scope)!) // null for an agency owner
 */
export function managerRemovalProblem(authority: Pick<TeamAuthority, 'isAgencyAdmin'>): {
  code: string;
  message: string;
} | null {
  if (authority.isAgencyAdmin) return null;
  return {
    code: 'role_not_allowed',
    message: "Only an agency owner takes an agency manager out of the agency's brands",
  };
}
