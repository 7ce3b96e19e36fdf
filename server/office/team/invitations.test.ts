/** Invitations: one-time links, accepted by a verified launch once; every refusal with its own 4xx and reason. */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { GROUP_ID, HOUR } from '../../promo/testing/promo-world.ts';
import {
  BRAND_ADMIN,
  BRAND2_ADMIN,
  createTeamWorld,
  NO_TEAM,
  OTHER_OWNER,
  OWNER,
  type TeamWorld,
} from './team.test-world.ts';

let w: TeamWorld;
afterEach(async () => w?.close());

const INVITEE = 700;

async function invite(user = BRAND_ADMIN, extra: Record<string, unknown> = {}) {
  const res = await w.json('POST', '/api/admin/team/invitations', user, {
    brandId: w.brandId,
    role: 'brand_member',
    sections: ['mailings'],
    ...extra,
  });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; token: string; text: string; url: string | null; hash: string };
}

const accept = (token: string, user: number) => w.json('POST', `/api/office/invitations/${token}/accept`, user);

describe('invitations', () => {
  it('item 2: a link grants its preset role and sections to the launch that accepts it; only the hash is stored', async () => {
    w = await createTeamWorld();
    const inv = await invite();
    expect(inv.hash).toBe(`#/invite/${inv.token}`);
    expect(inv.url).toMatch(/^https:\/\/vk\.com\/app\d+#\/invite\//);
    expect(inv.text).toContain('Agency');
    expect(inv.text).toContain(inv.url);
    const stored = await w.deps.db.select().from(schema.invitations);
    expect(JSON.stringify(stored)).not.toContain(inv.token);
    const [created] = await w.audit();
    expect(created).toMatchObject({ action: 'invitation.create', section: 'team', brandId: w.brandId });
    expect(JSON.stringify(created)).not.toContain(inv.token);

    const preview = await w.json('GET', `/api/office/invitations/${inv.token}`, INVITEE);
    expect(preview.body).toMatchObject({
      agencyName: 'Agency',
      brandName: 'Brand',
      role: 'brand_member',
      problem: null,
    });
    expect((await w.json('GET', '/api/admin/office', INVITEE)).body).toMatchObject({ brands: [] });
    const ok = await accept(inv.token, INVITEE);
    expect(ok).toMatchObject({ status: 201, body: { agencyId: w.agencyId, brandId: w.brandId } });
    const office = await w.json('GET', '/api/admin/office', INVITEE);
    expect(office.body.brands).toEqual([
      { id: w.brandId, name: 'Brand', agencyId: w.agencyId, sections: ['mailings'], hasApp: true, canManage: false },
    ]);
    const audit = await w.audit();
    expect(audit).toHaveLength(2);
    expect(audit[1]).toMatchObject({
      action: 'invitation.accept',
      actorUserId: String(INVITEE),
      entity: 'membership',
      entityId: String(ok.body.membershipId),
      before: { invitation: { id: inv.id, status: 'pending' } },
      after: { invitation: { status: 'used' }, membership: { role: 'brand_member', sections: ['mailings'] } },
    });
    const list = await w.json('GET', `/api/admin/team/invitations?brandId=${w.brandId}`, BRAND_ADMIN);
    expect(list.body.invitations).toMatchObject([
      {
        id: inv.id,
        status: 'used',
        usedBy: { platform: 'vk', userId: String(INVITEE), profileUrl: `https://vk.com/id${INVITEE}` },
      },
    ]);
    expect(JSON.stringify(list.body)).not.toContain(inv.token);
  });

  it('an OK invitation names who accepted it as an OK person: no VK page for their id', async () => {
    // The status read «принято: id9001», a VK page, for an OK member; the acceptor's platform is the invitation's,
    // since any other launch is refused (`wrong_platform`).
    w = await createTeamWorld();
    const inv = await invite(BRAND_ADMIN, { platform: 'ok' });
    expect(await w.as(w.okAuth('9001'), 'POST', `/api/office/invitations/${inv.token}/accept`)).toMatchObject({
      status: 201,
    });
    const list = await w.json('GET', `/api/admin/team/invitations?brandId=${w.brandId}`, BRAND_ADMIN);
    expect(list.body.invitations).toMatchObject([
      { id: inv.id, status: 'used', usedBy: { platform: 'ok', userId: '9001', profileUrl: null } },
    ]);
    // The audit log names its actor the same way, and the VK one who invited with their page.
    const log = await w.json('GET', `/api/admin/audit?brandId=${w.brandId}`, OWNER);
    const actors = Object.fromEntries(
      (log.body.entries as { action: string; actor: unknown }[]).map((e) => [e.action, e.actor]),
    );
    expect(actors).toMatchObject({
      'invitation.accept': { platform: 'ok', userId: '9001', profileUrl: null },
      'invitation.create': {
        platform: 'vk',
        userId: String(BRAND_ADMIN),
        profileUrl: `https://vk.com/id${BRAND_ADMIN}`,
      },
    });
  });

  it('item 2: reused, expired, revoked, wrong platform, not the bound user, already a member: each refused with its reason', async () => {
    w = await createTeamWorld();
    const used = await invite();
    expect((await accept(used.token, INVITEE)).status).toBe(201);
    expect(await accept(used.token, INVITEE + 1)).toMatchObject({
      status: 409,
      body: { error: { code: 'invitation_used' } },
    });

    const expiring = await invite(BRAND_ADMIN, { expiresInHours: 1 });
    w.clock.advance(HOUR + 1000);
    const expired = await accept(expiring.token, INVITEE + 2);
    expect(expired).toMatchObject({ status: 410, body: { error: { code: 'invitation_expired' } } });

    const revoked = await invite();
    const rev = await w.json('DELETE', `/api/admin/team/invitations/${revoked.id}`, BRAND_ADMIN);
    expect(rev).toMatchObject({ status: 200, body: { status: 'revoked' } });
    expect(await accept(revoked.token, INVITEE + 3)).toMatchObject({
      status: 410,
      body: { error: { code: 'invitation_revoked' } },
    });

    const vkOnly = await invite();
    const fromOk = await w.as(w.okAuth('9001'), 'POST', `/api/office/invitations/${vkOnly.token}/accept`);
    expect(fromOk).toMatchObject({ status: 403, body: { error: { code: 'wrong_platform' } } });
    const fromTelegram = await w.as(w.tmaAuth(9002), 'POST', `/api/office/invitations/${vkOnly.token}/accept`);
    expect(fromTelegram).toMatchObject({ status: 403, body: { error: { code: 'wrong_platform' } } });

    const bound = await invite(BRAND_ADMIN, { vkUserId: 4242 });
    expect(await accept(bound.token, INVITEE + 4)).toMatchObject({
      status: 403,
      body: { error: { code: 'invitation_not_for_you' } },
    });

    const member = await invite();
    expect(await accept(member.token, NO_TEAM)).toMatchObject({
      status: 409,
      body: { error: { code: 'already_member' } },
    });
    const owner = await invite();
    expect(await accept(owner.token, OWNER)).toMatchObject({
      status: 409,
      body: { error: { code: 'already_member' } },
    });

    expect((await w.json('POST', '/api/office/invitations/AAAAAAAAAAAAAAAAAAAAAAAA/accept', INVITEE)).status).toBe(404);
    // None of the refusals wrote anything: only the one accept made a membership, and the bound user still may.
    expect((await w.membershipsOf(INVITEE + 1)).length + (await w.membershipsOf(INVITEE + 4)).length).toBe(0);
    expect((await accept(bound.token, 4242)).status).toBe(201);
    const accepts = (await w.audit()).filter((a) => a.action === 'invitation.accept');
    expect(accepts).toHaveLength(2);
    // The invitee's screen sees why before trying.
    const preview = await w.json('GET', `/api/office/invitations/${revoked.token}`, INVITEE);
    expect(preview.body.problem).toBe('invitation_revoked');
  });

  it('item 2: two accepts of one link at once: exactly one wins', async () => {
    w = await createTeamWorld();
    const inv = await invite();
    const results = await Promise.all([accept(inv.token, INVITEE), accept(inv.token, INVITEE + 1)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.status === 409);
    expect(loser?.body.error.code).toBe('invitation_used');
    const rows = await w.deps.db.select().from(schema.memberships).where(eq(schema.memberships.brandId, w.brandId));
    expect(rows.filter((r) => [String(INVITEE), String(INVITEE + 1)].includes(r.platformUserId))).toHaveLength(1);
    expect((await w.audit()).filter((a) => a.action === 'invitation.accept')).toHaveLength(1);
  });

  it('item 2: creating, listing and revoking need team rights on the scope; grants beyond yours are refused', async () => {
    w = await createTeamWorld();
    const beyond = await w.json('POST', '/api/admin/team/invitations', BRAND_ADMIN, {
      brandId: w.brandId,
      role: 'brand_admin',
      sections: ['stats'],
    });
    expect(beyond).toMatchObject({ status: 403, body: { error: { code: 'section_not_held' } } });
    const ownerOnly = await w.json('POST', '/api/admin/team/invitations', BRAND_ADMIN, {
      brandId: null,
      agencyId: w.agencyId,
      role: 'agency_admin',
      sections: [],
    });
    expect(ownerOnly.status).toBe(404);
    const noTeam = await w.json('POST', '/api/admin/team/invitations', NO_TEAM, {
      brandId: w.brandId,
      role: 'brand_member',
      sections: ['mailings'],
    });
    expect(noTeam.status).toBe(403);
    expect(await w.audit()).toEqual([]);

    const inv = await invite();
    const notYours = await w.json('DELETE', `/api/admin/team/invitations/${inv.id}`, OTHER_OWNER);
    const missing = await w.json('DELETE', '/api/admin/team/invitations/999999', OTHER_OWNER);
    expect(notYours).toEqual(missing);
    expect(notYours.status).toBe(404);
    expect((await w.json('DELETE', `/api/admin/team/invitations/${inv.id}`, BRAND2_ADMIN)).status).toBe(404);
    expect((await w.json('DELETE', `/api/admin/team/invitations/${inv.id}`, NO_TEAM)).status).toBe(403);
    const listOther = await w.json('GET', `/api/admin/team/invitations?brandId=${w.brandId}`, OTHER_OWNER);
    expect(listOther).toEqual(await w.json('GET', '/api/admin/team/invitations?brandId=999999', OTHER_OWNER));
    expect(await w.audit()).toHaveLength(1);
    // An owner's agency-wide link for an agency manager; revoking twice audits once.
    const agencyWide = await invite(OWNER, { brandId: null, agencyId: w.agencyId, role: 'agency_manager' });
    expect((await w.json('DELETE', `/api/admin/team/invitations/${agencyWide.id}`, OWNER)).status).toBe(200);
    expect((await w.json('DELETE', `/api/admin/team/invitations/${agencyWide.id}`, OWNER)).status).toBe(200);
    const list = await w.json('GET', `/api/admin/team/invitations?agencyId=${w.agencyId}`, OWNER);
    expect(list.body.invitations).toMatchObject([{ id: agencyWide.id, status: 'revoked', brandId: null }]);
    expect((await w.audit()).map((a) => a.action)).toEqual([
      'invitation.create',
      'invitation.create',
      'invitation.revoke',
    ]);
  });

  it('item 2: a community admin claims brand admin only when the agency allows it, on the signed launch alone', async () => {
    w = await createTeamWorld();
    const admin = (user: number, role = 'admin') =>
      w.vkAuth(user, { vk_group_id: GROUP_ID, vk_viewer_group_role: role });
    // What the office offers that admin (GET /api/admin/office): the claim exactly when the claim route would take it.
    const offered = async (auth: string) =>
      ((await w.as(auth, 'GET', '/api/admin/office')).body as { communityClaim: boolean }).communityClaim;
    expect(await offered(admin(800))).toBe(false);
    const off = await w.as(admin(800), 'POST', '/api/office/community-claim');
    expect(off).toMatchObject({ status: 403, body: { error: { code: 'claim_not_available' } } });
    const byBrandAdmin = await w.json('PUT', `/api/admin/team/agency/${w.agencyId}/community-claim`, BRAND_ADMIN, {
      allow: true,
    });
    expect(byBrandAdmin.status).toBe(403);
    expect(await w.audit()).toEqual([]);
    const on = await w.json('PUT', `/api/admin/team/agency/${w.agencyId}/community-claim`, OWNER, { allow: true });
    expect(on).toMatchObject({ status: 200, body: { allowCommunityAdminClaim: true } });
    expect(await offered(admin(800))).toBe(true);
    expect(await offered(admin(801, 'editor'))).toBe(false);
    expect(await offered(w.vkAuth(803, { vk_group_id: 123, vk_viewer_group_role: 'admin' }))).toBe(false);

    const notAdmin = await w.as(admin(801, 'editor'), 'POST', '/api/office/community-claim');
    expect(notAdmin).toMatchObject({ status: 403, body: { error: { code: 'not_community_admin' } } });
    const noGroup = await w.json('POST', '/api/office/community-claim', 802);
    expect(noGroup).toMatchObject({ status: 403, body: { error: { code: 'not_community_admin' } } });
    const unknownGroup = await w.as(
      w.vkAuth(803, { vk_group_id: 123, vk_viewer_group_role: 'admin' }),
      'POST',
      '/api/office/community-claim',
    );
    expect(unknownGroup).toMatchObject({ status: 403, body: { error: { code: 'claim_not_available' } } });

    const claimed = await w.as(admin(800), 'POST', '/api/office/community-claim');
    expect(claimed).toMatchObject({ status: 201, body: { brandId: w.brandId } });
    const office = await w.json('GET', '/api/admin/office', 800);
    expect(office.body.brands[0]).toMatchObject({ id: w.brandId });
    expect(office.body.brands[0].sections).toContain('team');
    expect(await offered(admin(800))).toBe(false);
    const twice = await w.as(admin(800), 'POST', '/api/office/community-claim');
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'already_member' } } });
    expect((await w.audit()).map((a) => a.action)).toEqual(['agency.community_claim', 'member.claim']);
  });
});
