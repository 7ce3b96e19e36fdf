/**
 * @module The team of a brand or an agency: who has office rights, adding someone by VK id, changing a role or the
 * section checkboxes, and removing a member. Every write runs in one transaction with its audit row; rights are read
 * per request (team-authority.ts), so a removed member's next request is refused.
 */
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Identity, Platform } from '../../auth/identity.ts';
import { rowNotInYourOffice } from '../../auth/office-gate.ts';
import { type Db, schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import type { MembershipRole } from '../../db/schema/organization.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError } from '../../http/errors.ts';
import { profileUrl } from '../../profile-url.ts';
import { changesNothing, recordAudit } from '../audit.ts';
import {
  AGENCY_ROLES,
  actorMemberships,
  authorityOver,
  covers,
  grantProblem,
  type MembershipRow,
  managerRemovalProblem,
  TEAM_SECTIONS,
  type TeamAuthority,
  type TeamScope,
} from './team-authority.ts';
import { authorityOverRow, resolveScope } from './team-scope.ts';

const { brands, memberships } = schema;

export interface TeamMember {
  id: number;
  platform: Platform;
  userId: string;
  /** The VK profile id (vk.com/id…) for VK members, else null. */
  vkProfileId: number | null;
  /** The member's profile page where the platform has one (server/profile-url.ts), else null. */
  profileUrl: string | null;
  role: MembershipRole;
  sections: string[];
  /** `agency`: an agency-wide row (covers every brand); `brand`: this one brand. */
  scope: 'agency' | 'brand';
  brandId: number | null;
  brandName: string | null;
  /** For an agency manager of chosen brands: every brand they manage; null for agency-wide roles and brand roles. */
  managedBrands: { id: number; name: string }[] | null;
  /**
   * For an agency manager: the brands where the same person holds a brand role, which their manager rows cannot join
   * (setManagerBrands refuses 409 already_member), so the office says so before Save. Empty for other roles.
   */
  brandRoleBrands: number[];
  since: number;
  /** Whether the caller may change this row. */
  editable: boolean;
  /** Whether the caller may remove this row (an agency manager's: the agency owner alone). */
  removable: boolean;
}

/** "Not yours" reads byte for byte like "does not exist" (the office gate's one 404). */
const memberNotFound = rowNotInYourOffice;

/** What a row's sections are in effect (an agency owner holds all). */
const effectiveSections = (row: MembershipRow) => (row.role === 'agency_admin' ? [...TEAM_SECTIONS] : row.sections);

async function brandNames(db: Db, agencyId: number): Promise<Map<number, string>> {
  const rows = await db.select().from(brands).where(eq(brands.agencyId, agencyId));
  return new Map(rows.map((b) => [b.id, b.name]));
}

function toMember(
  row: MembershipRow,
  names: Map<number, string>,
  all: MembershipRow[],
  rights: { editable: boolean; removable: boolean },
): TeamMember {
  const chosen =
    row.role === 'agency_manager' && row.brandId !== null
      ? all
          .filter(
            (r) =>
              r.role === 'agency_manager' &&
              r.brandId !== null &&
              r.platform === row.platform &&
              r.platformUserId === row.platformUserId,
          )
          .map((r) => ({ id: r.brandId as number, name: names.get(r.brandId as number) ?? '' }))
      : null;
  const brandRoleBrands =
    row.role === 'agency_manager'
      ? all
          .filter(
            (r) =>
              (r.role === 'brand_admin' || r.role === 'brand_member') &&
              r.brandId !== null &&
              r.platform === row.platform &&
              r.platformUserId === row.platformUserId,
          )
          .map((r) => r.brandId as number)
      : [];
  return {
    id: row.id,
    platform: row.platform,
    userId: row.platformUserId,
    vkProfileId: row.platform === 'vk' && /^\d+$/.test(row.platformUserId) ? Number(row.platformUserId) : null,
    profileUrl: profileUrl(row.platform, row.platformUserId),
    role: row.role,
    sections: effectiveSections(row),
    scope: row.brandId === null ? 'agency' : 'brand',
    brandId: row.brandId,
    brandName: row.brandId === null ? null : (names.get(row.brandId) ?? null),
    managedBrands: chosen,
    brandRoleBrands,
    since: row.createdAt,
    ...rights,
  };
}

/**
 * The people with office rights on a brand: its own members and the agency-wide ones who cover it.
 * @example const { members } = await brandTeam(db, identity, 4);
 */
export async function brandTeam(db: Db, actor: Identity, brandId: number) {
  const { scope, authority } = await resolveScope(db, actor, { brandId });
  const all = await agencyRows(db, scope.agencyId);
  const names = await brandNames(db, scope.agencyId);
  const mine = await actorMemberships(db, actor, scope.agencyId);
  return {
    members: all.filter((r) => covers(r, brandId)).map((r) => toMember(r, names, all, rightsOver(mine, r))),
    roles: authority.roles,
  };
}

/** Every membership of the agency (agency owners and agency-wide managers with `team` only). */
export async function agencyTeam(db: Db, actor: Identity, agencyId: number): Promise<{ members: TeamMember[] }> {
  await resolveScope(db, actor, { brandId: null, agencyId });
  const all = await agencyRows(db, agencyId);
  const names = await brandNames(db, agencyId);
  const mine = await actorMemberships(db, actor, agencyId);
  return { members: all.map((r) => toMember(r, names, all, rightsOver(mine, r))) };
}

const agencyRows = (db: Db, agencyId: number) =>
  db
    .select()
    .from(memberships)
    .where(eq(memberships.agencyId, agencyId))
    .orderBy(asc(memberships.createdAt), asc(memberships.id));

/** Whether the caller (their rows `mine`) may change `row`, and remove it (the server's own checks, mirrored). */
function rightsOver(mine: MembershipRow[], row: MembershipRow): { editable: boolean; removable: boolean } {
  const authority = authorityOver(mine, { agencyId: row.agencyId, brandId: row.brandId });
  const editable = authority?.roles.includes(row.role) === true;
  return { editable, removable: editable && authority !== undefined && removableWith(authority, row.role) };
}

/** Whether a caller who may change a row of `role` may also remove it. */
const removableWith = (authority: Pick<TeamAuthority, 'isAgencyAdmin'>, role: MembershipRole) =>
  role !== 'agency_manager' || managerRemovalProblem(authority) === null;

/** Refuses taking an agency manager's row away (role_not_allowed) unless the caller is the agency owner. */
export function refuseManagerRemoval(authority: Pick<TeamAuthority, 'isAgencyAdmin'>): void {
  const problem = managerRemovalProblem(authority);
  if (problem) throw new ApiError(403, problem.code, problem.message);
}

/** The row and the caller's authority over its scope (404 for ids outside the caller's agency or brand). */
async function editableRow(db: Db | Tx, actor: Identity, id: number) {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, id)).limit(1);
  if (!row) throw memberNotFound();
  const scope: TeamScope = { agencyId: row.agencyId, brandId: row.brandId };
  const authority = await authorityOverRow(db as Db, actor, scope);
  if (!authority.roles.includes(row.role)) {
    throw new ApiError(403, 'role_not_allowed', `You may not change a ${row.role}`);
  }
  return { row, scope, authority };
}

/** The agency's owners other than `exceptId`, read inside the transaction that is about to change one. */
async function otherAgencyAdmins(tx: Tx, agencyId: number, exceptId: number): Promise<number> {
  const rows = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.agencyId, agencyId), eq(memberships.role, 'agency_admin'), isNull(memberships.brandId)));
  return rows.filter((r) => r.id !== exceptId).length;
}

const auditView = (row: MembershipRow) => ({
  platform: row.platform,
  userId: row.platformUserId,
  brandId: row.brandId,
  role: row.role,
  sections: row.sections,
});

/** Another membership of this person that already covers the scope (they are a member there already). */
export async function coveringMembership(
  tx: Db | Tx,
  who: { platform: Platform; userId: string },
  scope: TeamScope,
): Promise<MembershipRow | undefined> {
  const rows = await tx
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.platform, who.platform),
        eq(memberships.platformUserId, who.userId),
        eq(memberships.agencyId, scope.agencyId),
        scope.brandId === null
          ? isNull(memberships.brandId)
          : or(eq(memberships.brandId, scope.brandId), isNull(memberships.brandId)),
      ),
    );
  return rows.find((r) => (scope.brandId === null ? r.brandId === null : covers(r, scope.brandId)));
}

export interface NewMember {
  brandId: number | null;
  agencyId?: number | undefined;
  vkUserId: number;
  role: MembershipRole;
  sections: string[];
}

/** Gives a VK user office rights at once (no link): the membership exists from this commit. */
export async function addMember(deps: Deps, actor: Identity, input: NewMember): Promise<TeamMember> {
  const { scope, authority } = await resolveScope(deps.db, actor, input);
  const sections = normaliseSections(input.role, input.sections);
  const problem = grantProblem(authority, scope, input.role, sections);
  if (problem) throw new ApiError(403, problem.code, problem.message);
  const who = { platform: 'vk' as const, userId: String(input.vkUserId) };
  const row = await inTransaction(deps.db, async (tx) => {
    if (await coveringMembership(tx, who, scope)) {
      throw new ApiError(409, 'already_member', `VK user ${input.vkUserId} already has rights here; edit them instead`);
    }
    const created = inserted(
      await tx
        .insert(memberships)
        .values({
          platform: who.platform,
          platformUserId: who.userId,
          agencyId: scope.agencyId,
          brandId: scope.brandId,
          role: input.role,
          sections,
          createdAt: deps.now(),
        })
        .returning(),
    );
    await recordAudit(tx, {
      actor,
      brandId: scope.brandId,
      agencyId: scope.agencyId,
      section: 'team',
      action: 'member.add',
      entity: 'membership',
      entityId: created.id,
      after: auditView(created),
    });
    return created;
  });
  const names = await brandNames(deps.db, scope.agencyId);
  return toMember(row, names, [row], { editable: true, removable: removableWith(authority, row.role) });
}

/** Sections stored for a role: an agency owner's list is implied (all), others keep what was ticked, de-duplicated. */
export function normaliseSections(role: MembershipRole, sections: readonly string[]): string[] {
  if (role === 'agency_admin') return [];
  return TEAM_SECTIONS.filter((s) => sections.includes(s));
}

/** Changes a member's role and/or section checkboxes. */
export async function updateMember(
  deps: Deps,
  actor: Identity,
  id: number,
  change: { role?: MembershipRole | undefined; sections?: string[] | undefined },
): Promise<TeamMember> {
  const { row, scope, authority } = await editableRow(deps.db, actor, id);
  const role = change.role ?? row.role;
  const sections = normaliseSections(role, change.sections ?? row.sections);
  const problem = grantProblem(authority, scope, role, sections, effectiveSections(row));
  if (problem) throw new ApiError(403, problem.code, problem.message);
  // An agency manager's row given a brand role is that manager taken out of the brand.
  if (row.role === 'agency_manager' && role !== 'agency_manager') refuseManagerRemoval(authority);
  const self = row.platform === actor.platform && row.platformUserId === actor.userId;
  if (row.role === 'agency_admin' && role !== 'agency_admin' && self) {
    throw new ApiError(409, 'self_demotion', 'An agency owner cannot demote themselves; another owner can');
  }
  const updated = await inTransaction(deps.db, async (tx) => {
    const [before] = await tx.select().from(memberships).where(eq(memberships.id, id)).limit(1);
    if (!before) throw memberNotFound();
    if (
      before.role === 'agency_admin' &&
      role !== 'agency_admin' &&
      (await otherAgencyAdmins(tx, before.agencyId, id)) === 0
    ) {
      throw new ApiError(409, 'last_agency_admin', 'The agency must keep at least one owner');
    }
    if (changesNothing(auditView(before), auditView({ ...before, role, sections }))) return before;
    const [after] = await tx.update(memberships).set({ role, sections }).where(eq(memberships.id, id)).returning();
    if (!after) throw memberNotFound();
    await recordAudit(tx, {
      actor,
      brandId: after.brandId,
      agencyId: after.agencyId,
      section: 'team',
      action: 'member.update',
      entity: 'membership',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
  const names = await brandNames(deps.db, scope.agencyId);
  return toMember(updated, names, [updated], { editable: true, removable: removableWith(authority, updated.role) });
}

/** Removes a membership; the person's next request no longer finds it. */
export async function removeMember(deps: Deps, actor: Identity, id: number): Promise<void> {
  const { row, authority } = await editableRow(deps.db, actor, id);
  if (row.role === 'agency_manager') refuseManagerRemoval(authority);
  await inTransaction(deps.db, async (tx) => {
    const [before] = await tx.select().from(memberships).where(eq(memberships.id, id)).limit(1);
    if (!before) throw memberNotFound();
    if (before.role === 'agency_admin' && (await otherAgencyAdmins(tx, before.agencyId, id)) === 0) {
      throw new ApiError(409, 'last_agency_admin', 'The agency must keep at least one owner');
    }
    await tx.delete(memberships).where(eq(memberships.id, id));
    await recordAudit(tx, {
      actor,
      brandId: before.brandId,
      agencyId: before.agencyId,
      section: 'team',
      action: 'member.remove',
      entity: 'membership',
      entityId: id,
      before: auditView(before),
    });
  });
}

/** The agencies whose team the caller may see as a whole (for the agency-wide view's picker). */
export async function agencyIdsOf(db: Db, actor: Identity): Promise<number[]> {
  const rows = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.platform, actor.platform),
        eq(memberships.platformUserId, actor.userId),
        isNull(memberships.brandId),
        inArray(memberships.role, [...AGENCY_ROLES]),
      ),
    );
  return [...new Set(rows.map((r) => r.agencyId))];
}
