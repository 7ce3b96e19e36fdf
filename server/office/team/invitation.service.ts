/**
 * @module Invitations into the office: a one-time link with an expiry and a preset role and sections (optionally bound
 * to one VK user), listed and revoked by the team, accepted by the invitee's verified launch. The token is shown once
 * and stored only as its SHA-256. Acceptance marks the invitation used with a conditional UPDATE in the same
 * transaction that creates the membership, so of two accepts at once exactly one wins.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Identity, Platform } from '../../auth/identity.ts';
import { rowNotInYourOffice } from '../../auth/office-gate.ts';
import { type Db, schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import type { MembershipRole } from '../../db/schema/organization.ts';
import { inTransaction } from '../../db/transactions.ts';
import type { Deps } from '../../deps.ts';
import { ApiError, fieldRefusal } from '../../http/errors.ts';
import { type Person, personOf } from '../../profile-url.ts';
import { recordAudit } from '../audit.ts';
import { invitationMadeWithKey, keyedInvitationToken } from './invitation-keys.ts';
import { invitationText } from './invitation-text.ts';
import { inviterStillGrants } from './inviter-rights.ts';
import { coveringMembership, normaliseSections } from './team.service.ts';
import { grantProblem } from './team-authority.ts';
import { authorityOverRow, resolveScope } from './team-scope.ts';

const { agencies, brands, invitations, memberships } = schema;
type InvitationRow = typeof invitations.$inferSelect;

export const HOUR_MS = 3_600_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type InvitationStatus = 'pending' | 'used' | 'revoked' | 'expired';

export interface InvitationView {
  id: number;
  agencyId: number;
  brandId: number | null;
  role: MembershipRole;
  sections: string[];
  platform: Platform;
  /** The one user who may accept, for an invitation by id. */
  boundUserId: string | null;
  status: InvitationStatus;
  expiresAt: number;
  createdAt: number;
  createdBy: Person;
  usedAt: number | null;
  /** Who accepted it: always on the invitation's own platform (`refusal` answers `wrong_platform` to any other). */
  usedBy: Person | null;
  revokedAt: number | null;
}

export function statusOf(row: InvitationRow, now: number): InvitationStatus {
  if (row.usedAt !== null) return 'used';
  if (row.revokedAt !== null) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

/** `inviterLost`: the inviter may no longer grant it (inviter-rights.ts), so a pending link is revoked in fact. */
function view(row: InvitationRow, now: number, inviterLost = false): InvitationView {
  const status = statusOf(row, now);
  return {
    id: row.id,
    agencyId: row.agencyId,
    brandId: row.brandId,
    role: row.role,
    sections: row.sections,
    platform: row.platform,
    boundUserId: row.platformUserId,
    status: status === 'pending' && inviterLost ? 'revoked' : status,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    createdBy: personOf(row.createdByPlatform, row.createdByUserId),
    usedAt: row.usedAt,
    usedBy: row.usedByUserId === null ? null : personOf(row.platform, row.usedByUserId),
    revokedAt: row.revokedAt,
  };
}

export interface NewInvitation {
  brandId: number | null;
  agencyId?: number | undefined;
  role: MembershipRole;
  sections: string[];
  platform: Platform;
  /** Binds the invitation to one VK user: nobody else may accept it. */
  vkUserId?: number | undefined;
  expiresInHours: number;
  /** The office's key for this click (invitation-keys.ts): a repeat is the invitation, and the link, it made. */
  clientKey?: string | undefined;
}

export interface CreatedInvitation extends InvitationView {
  /** Shown once; only its hash is kept. */
  token: string;
  hash: string;
  url: string | null;
  /** Ready to copy or send: names the agency, never the vendor. */
  text: string;
}

/** Creates a one-time link. The caller must be allowed to grant what it grants. */
export async function createInvitation(deps: Deps, actor: Identity, input: NewInvitation): Promise<CreatedInvitation> {
  const { scope, authority } = await resolveScope(deps.db, actor, input);
  const sections = normaliseSections(input.role, input.sections);
  const problem = grantProblem(authority, scope, input.role, sections);
  if (problem) throw new ApiError(403, problem.code, problem.message);
  if (input.vkUserId !== undefined && input.platform !== 'vk') {
    throw fieldRefusal('invalid_input', 'vkUserId', 'A VK user id binds a VK invitation only');
  }
  const token =
    input.clientKey === undefined
      ? randomBytes(24).toString('base64url')
      : keyedInvitationToken(deps.config, scope.agencyId, actor, input.clientKey);
  const now = deps.now();
  const platformUserId = input.vkUserId === undefined ? null : String(input.vkUserId);
  const row = await inTransaction(deps.db, async (tx) => {
    const earlier =
      input.clientKey === undefined
        ? undefined
        : await invitationMadeWithKey(tx, hashToken(token), {
            agencyId: scope.agencyId,
            brandId: scope.brandId,
            role: input.role,
            sections,
            platform: input.platform,
            platformUserId,
            lifetimeMs: input.expiresInHours * HOUR_MS,
            createdBy: actor,
          });
    if (earlier) return earlier;
    const created = inserted(
      await tx
        .insert(invitations)
        .values({
          tokenHash: hashToken(token),
          agencyId: scope.agencyId,
          brandId: scope.brandId,
          role: input.role,
          sections,
          platform: input.platform,
          platformUserId,
          expiresAt: now + input.expiresInHours * HOUR_MS,
          createdByPlatform: actor.platform,
          createdByUserId: actor.userId,
          createdAt: now,
        })
        .returning(),
    );
    // The token is a credential: the log keeps what the link grants, never the link.
    const { tokenHash: _secret, ...logged } = created;
    await recordAudit(tx, {
      actor,
      brandId: scope.brandId,
      agencyId: scope.agencyId,
      section: 'team',
      action: 'invitation.create',
      entity: 'invitation',
      entityId: created.id,
      after: logged,
    });
    return created;
  });
  const hash = `#/invite/${token}`;
  const appId = deps.config.VK_APP_ID;
  const url = input.platform === 'vk' && appId ? `https://vk.com/app${appId}${hash}` : null;
  const names = await scopeNames(deps.db, row);
  return {
    ...view(row, now),
    token,
    hash,
    url,
    text: invitationText(actor.language, { ...names, link: url ?? hash, expiresAt: row.expiresAt }),
  };
}

/** The agency's and brand's names, for texts and the invitee's screen. */
async function scopeNames(db: Db, row: InvitationRow): Promise<{ agencyName: string; brandName: string | null }> {
  // p1's agencyBranding(db, agencyId) replaces this read at merge; the name is all an invitation needs.
  const [agency] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, row.agencyId));
  const [brand] =
    row.brandId === null ? [] : await db.select({ name: brands.name }).from(brands).where(eq(brands.id, row.brandId));
  return { agencyName: agency?.name ?? '', brandName: brand?.name ?? null };
}

/** Invitations of a brand (or, with brandId null, the agency-wide ones), newest first. */
export async function listInvitations(
  deps: Deps,
  actor: Identity,
  target: { brandId: number | null; agencyId?: number | undefined },
): Promise<{ invitations: InvitationView[] }> {
  const { scope } = await resolveScope(deps.db, actor, target);
  const rows = await deps.db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.agencyId, scope.agencyId),
        scope.brandId === null ? isNull(invitations.brandId) : eq(invitations.brandId, scope.brandId),
      ),
    )
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
  const now = deps.now();
  const lost = async (r: InvitationRow) => statusOf(r, now) === 'pending' && !(await inviterStillGrants(deps.db, r));
  return { invitations: await Promise.all(rows.map(async (r) => view(r, now, await lost(r)))) };
}

/** "Not yours" reads byte for byte like "does not exist" (the office gate's one 404). */
const invitationNotFound = rowNotInYourOffice;

/** Revokes a pending invitation; its link stops working at once. Revoking a revoked one changes nothing. */
export async function revokeInvitation(deps: Deps, actor: Identity, id: number): Promise<InvitationView> {
  const [row] = await deps.db.select().from(invitations).where(eq(invitations.id, id)).limit(1);
  if (!row) throw invitationNotFound();
  const authority = await authorityOverRow(deps.db, actor, { agencyId: row.agencyId, brandId: row.brandId });
  if (!authority.roles.includes(row.role)) {
    throw new ApiError(403, 'role_not_allowed', `You may not revoke an invitation as ${row.role}`);
  }
  const now = deps.now();
  const after = await inTransaction(deps.db, async (tx) => {
    const [before] = await tx.select().from(invitations).where(eq(invitations.id, id)).limit(1);
    if (!before) throw invitationNotFound();
    if (before.usedAt !== null) {
      throw new ApiError(409, 'invitation_used', 'This invitation was already accepted; remove the member instead');
    }
    if (before.revokedAt !== null) return before;
    const [revoked] = await tx
      .update(invitations)
      .set({ revokedAt: now })
      .where(and(eq(invitations.id, id), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!revoked) throw new ApiError(409, 'invitation_used', 'This invitation was accepted meanwhile');
    await recordAudit(tx, {
      actor,
      brandId: before.brandId,
      agencyId: before.agencyId,
      section: 'team',
      action: 'invitation.revoke',
      entity: 'invitation',
      entityId: id,
      before: { status: statusOf(before, now), revokedAt: null },
      after: { status: 'revoked', revokedAt: now },
    });
    return revoked;
  });
  return view(after, now);
}

/** What the invitee's screen shows before accepting: whose office, which role, and whether it can still be used. */
export interface InvitationPreview {
  agencyName: string;
  brandName: string | null;
  role: MembershipRole;
  sections: string[];
  expiresAt: number;
  /** Why accepting would fail for this launch, or null. */
  problem: string | null;
}

async function byToken(db: Db, token: string): Promise<InvitationRow> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(eq(invitations.tokenHash, hashToken(token)))
    .limit(1);
  if (!row) throw new ApiError(404, 'invitation_not_found', 'This invitation link does not exist');
  return row;
}

/** The refusal for this invitation and launch, or null when it may be accepted. */
async function refusal(db: Db, row: InvitationRow, who: Identity, now: number): Promise<ApiError | null> {
  if (row.usedAt !== null) return new ApiError(409, 'invitation_used', 'This invitation was already used');
  if (row.revokedAt !== null) return new ApiError(410, 'invitation_revoked', 'This invitation was revoked');
  if (row.expiresAt <= now) return new ApiError(410, 'invitation_expired', 'This invitation has expired');
  if (!(await inviterStillGrants(db, row))) {
    return new ApiError(410, 'invitation_revoked', 'This invitation was revoked: its inviter may no longer grant it');
  }
  if (row.platform !== who.platform) {
    return new ApiError(403, 'wrong_platform', `This invitation is for ${row.platform}; open it there`);
  }
  if (row.platformUserId !== null && row.platformUserId !== who.userId) {
    return new ApiError(403, 'invitation_not_for_you', 'This invitation was made for another user');
  }
  if (await coveringMembership(db, who, { agencyId: row.agencyId, brandId: row.brandId })) {
    return new ApiError(409, 'already_member', 'You already have rights here; ask the team to change them');
  }
  return null;
}

export async function previewInvitation(deps: Deps, who: Identity, token: string): Promise<InvitationPreview> {
  const row = await byToken(deps.db, token);
  const problem = await refusal(deps.db, row, who, deps.now());
  return {
    ...(await scopeNames(deps.db, row)),
    role: row.role,
    sections: row.sections,
    expiresAt: row.expiresAt,
    problem: problem?.code ?? null,
  };
}

/**
 * Accepts an invitation with a verified launch: the membership is bound to that identity.
 * @example const { brandId } = await acceptInvitation(deps, identity, token);
 */
export async function acceptInvitation(
  deps: Deps,
  who: Identity,
  token: string,
): Promise<{ membershipId: number; agencyId: number; brandId: number | null }> {
  const now = deps.now();
  return inTransaction(deps.db, async (tx) => {
    const row = await byToken(tx, token);
    const refused = await refusal(tx, row, who, now);
    if (refused) throw refused;
    // Conditional: whoever marks it used first owns it; a concurrent accept finds no row and is refused.
    const [claimed] = await tx
      .update(invitations)
      .set({ usedAt: now, usedByUserId: who.userId })
      .where(and(eq(invitations.id, row.id), isNull(invitations.usedAt), isNull(invitations.revokedAt)))
      .returning();
    if (!claimed) throw new ApiError(409, 'invitation_used', 'This invitation was already used');
    const membership = inserted(
      await tx
        .insert(memberships)
        .values({
          platform: who.platform,
          platformUserId: who.userId,
          agencyId: row.agencyId,
          brandId: row.brandId,
          role: row.role,
          sections: row.sections,
          createdAt: now,
        })
        .returning(),
    );
    await recordAudit(tx, {
      actor: who,
      brandId: row.brandId,
      agencyId: row.agencyId,
      section: 'team',
      action: 'invitation.accept',
      entity: 'membership',
      entityId: membership.id,
      before: { invitation: { id: row.id, status: 'pending' } },
      after: {
        invitation: { id: row.id, status: 'used' },
        membership: { platform: who.platform, userId: who.userId, role: row.role, sections: row.sections },
      },
    });
    return { membershipId: membership.id, agencyId: row.agencyId, brandId: row.brandId };
  });
}
