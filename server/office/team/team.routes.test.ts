/** The team API: who sees and changes whose rights, removal biting at once, one audit row per write and none on refusal. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  BRAND_ADMIN,
  BRAND2_ADMIN,
  CHOSEN_MANAGER,
  createTeamWorld,
  MANAGER,
  NO_TEAM,
  NOBODY,
  OTHER_OWNER,
  OWNER,
  type TeamWorld,
} from './team.test-world.ts';

let w: TeamWorld;
afterEach(async () => w?.close());

const NEW_USER = 555;

describe('team API', () => {
  it('item 1: a brand team lists its members and the agency-wide people; refusals read the same for not-yours and missing', async () => {
    w = await createTeamWorld();
    const ok = await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, BRAND_ADMIN);
    expect(ok.status).toBe(200);
    const users = ok.body.members.map((m: { userId: string }) => Number(m.userId)).sort();
    expect(users).toEqual([OWNER, MANAGER, BRAND_ADMIN, NO_TEAM, CHOSEN_MANAGER].sort());
    const owner = ok.body.members.find((m: { userId: string }) => m.userId === String(OWNER));
    expect(owner).toMatchObject({ role: 'agency_admin', scope: 'agency', vkProfileId: OWNER, editable: false });
    // The screen links the member's profile from here (server/profile-url.ts), as the draw's entrants and winners.
    expect(owner.profileUrl).toBe(`https://vk.com/id${OWNER}`);
    expect(owner.sections).toContain('team');
    const chosen = ok.body.members.find((m: { userId: string }) => m.userId === String(CHOSEN_MANAGER));
    expect(chosen.managedBrands).toEqual([{ id: w.brandId, name: 'Brand' }]);
    expect(ok.body.members.find((m: { userId: string }) => m.userId === String(NO_TEAM)).editable).toBe(true);

    expect((await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, NO_TEAM)).status).toBe(403);
    expect((await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, NOBODY)).status).toBe(403);
    // Brand 2 admin of the same agency, the other agency's owner, and a brand that does not exist: one answer.
    const sameAgency = await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, BRAND2_ADMIN);
    const otherAgency = await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, OTHER_OWNER);
    const missing = await w.json('GET', '/api/admin/team?brandId=999999', OWNER);
    expect(sameAgency).toEqual(missing);
    expect(otherAgency).toEqual(missing);
    // The office gate answers for the brand in the query: one 403 for a brand that is not yours or does not exist.
    expect(missing).toEqual({
      status: 403,
      body: { error: { code: 'forbidden', message: 'No team rights for this brand' } },
    });

    const agency = await w.json('GET', `/api/admin/team/agency?agencyId=${w.agencyId}`, OWNER);
    expect(agency.status).toBe(200);
    expect(agency.body.members).toHaveLength(6);
    expect((await w.json('GET', `/api/admin/team/agency?agencyId=${w.agencyId}`, MANAGER)).status).toBe(200);
    const brandAdmin = await w.json('GET', `/api/admin/team/agency?agencyId=${w.agencyId}`, BRAND_ADMIN);
    expect(brandAdmin).toEqual(await w.json('GET', `/api/admin/team/agency?agencyId=${w.agency2}`, OWNER));
    expect(brandAdmin).toEqual(await w.json('GET', '/api/admin/team/agency?agencyId=999999', OWNER));
  });

  it('item 1: adding by VK id grants exactly the ticked sections, audited once; the new member sees them', async () => {
    w = await createTeamWorld();
    const added = await w.json('POST', '/api/admin/team/members', BRAND_ADMIN, {
      brandId: w.brandId,
      vkUserId: NEW_USER,
      role: 'brand_member',
      sections: ['mailings'],
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: String(NEW_USER), role: 'brand_member', sections: ['mailings'] });
    const audit = await w.audit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'member.add',
      section: 'team',
      brandId: w.brandId,
      actorUserId: String(BRAND_ADMIN),
      entityId: String(added.body.id),
      before: null,
      after: { userId: String(NEW_USER), role: 'brand_member', sections: ['mailings'] },
    });
    const office = await w.json('GET', '/api/admin/office', NEW_USER);
    expect(office.body.brands).toEqual([
      { id: w.brandId, name: 'Brand', agencyId: w.agencyId, sections: ['mailings'], hasApp: true, canManage: false },
    ]);
    const again = await w.json('POST', '/api/admin/team/members', OWNER, {
      brandId: w.brandId,
      vkUserId: NEW_USER,
      role: 'brand_member',
      sections: [],
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'already_member' } } });
    expect(await w.audit()).toHaveLength(1);
  });

  it('item 1: grants beyond your own are refused with a reason and leave no row and no audit', async () => {
    w = await createTeamWorld();
    const add = (user: number, body: Record<string, unknown>) =>
      w.json('POST', '/api/admin/team/members', user, { vkUserId: NEW_USER, sections: [], ...body });
    const refusals: [number, Record<string, unknown>, number, string][] = [
      [BRAND_ADMIN, { brandId: w.brandId, role: 'brand_member', sections: ['stats'] }, 403, 'section_not_held'],
      [BRAND_ADMIN, { brandId: w.brandId, role: 'agency_manager' }, 403, 'role_not_allowed'],
      [BRAND_ADMIN, { brandId: null, agencyId: w.agencyId, role: 'agency_admin' }, 404, 'not_found'],
      [MANAGER, { brandId: null, agencyId: w.agencyId, role: 'agency_admin' }, 403, 'role_not_allowed'],
      [MANAGER, { brandId: w.brandId, role: 'brand_admin', sections: ['stats'] }, 403, 'section_not_held'],
      [CHOSEN_MANAGER, { brandId: w.brand2, role: 'brand_member' }, 403, 'forbidden'],
      [OWNER, { brandId: w.brandId, role: 'agency_admin' }, 403, 'role_scope'],
      [OWNER, { brandId: null, agencyId: w.agencyId, role: 'brand_member' }, 403, 'role_scope'],
      [OWNER, { brandId: w.brand3, role: 'brand_member' }, 403, 'forbidden'],
      [OWNER, { brandId: w.brandId, role: 'brand_member', sections: ['billing'] }, 422, 'invalid_input'],
      [OWNER, { brandId: w.brandId, role: 'brand_member', sections: ['agency'] }, 422, 'invalid_input'],
      [NO_TEAM, { brandId: w.brandId, role: 'brand_member', sections: ['mailings'] }, 403, 'forbidden'],
    ];
    for (const [user, body, status, code] of refusals) {
      const res = await add(user, body);
      expect({ user, body, status: res.status, code: res.body.error?.code }).toEqual({ user, body, status, code });
    }
    expect(await w.membershipsOf(NEW_USER)).toEqual([]);
    expect(await w.audit()).toEqual([]);
    // What each may do: the manager creates a manager for a brand, the owner an owner.
    expect((await add(MANAGER, { brandId: w.brandId, role: 'agency_manager', sections: ['mailings'] })).status).toBe(
      201,
    );
    expect(
      (await add(OWNER, { brandId: null, agencyId: w.agencyId, role: 'agency_admin', vkUserId: 556 })).status,
    ).toBe(201);
    expect(await w.audit()).toHaveLength(2);
  });

  it('item 1: section checkboxes change with before/after in the audit; a brand admin cannot add sections they lack', async () => {
    w = await createTeamWorld();
    const [member] = await w.membershipsOf(NO_TEAM);
    if (!member) throw new Error('cast missing');
    const changed = await w.json('PATCH', `/api/admin/team/members/${member.id}`, BRAND_ADMIN, {
      sections: ['mailings', 'campaigns'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body.sections).toEqual(['campaigns', 'mailings']);
    const [entry, ...rest] = await w.audit();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      action: 'member.update',
      entityId: String(member.id),
      before: { sections: ['mailings'], role: 'brand_member' },
      after: { sections: ['campaigns', 'mailings'], role: 'brand_member' },
    });
    const beyond = await w.json('PATCH', `/api/admin/team/members/${member.id}`, BRAND_ADMIN, { sections: ['stats'] });
    expect(beyond).toMatchObject({ status: 403, body: { error: { code: 'section_not_held' } } });
    // Removing a section one does not hold is fine: it grants nothing.
    const owner = await w.json('PATCH', `/api/admin/team/members/${member.id}`, OWNER, { sections: ['stats'] });
    expect(owner.status).toBe(200);
    const trim = await w.json('PATCH', `/api/admin/team/members/${member.id}`, BRAND_ADMIN, { sections: [] });
    expect(trim.status).toBe(200);
    // A brand admin cannot touch an agency manager's row, nor promote to a non-brand role.
    const [manager] = await w.membershipsOf(CHOSEN_MANAGER);
    const manage = await w.json('PATCH', `/api/admin/team/members/${manager?.id}`, BRAND_ADMIN, { sections: [] });
    expect(manage).toMatchObject({ status: 403, body: { error: { code: 'role_not_allowed' } } });
    const promote = await w.json('PATCH', `/api/admin/team/members/${member.id}`, BRAND_ADMIN, {
      role: 'agency_manager',
    });
    expect(promote).toMatchObject({ status: 403, body: { error: { code: 'role_not_allowed' } } });
    expect(await w.audit()).toHaveLength(3);
  });

  it('every brand section can be granted, leads included, and a role change keeps the sections (found from outside)', async () => {
    w = await createTeamWorld();
    const added = await w.json('POST', '/api/admin/team/members', OWNER, {
      brandId: w.brandId,
      vkUserId: NEW_USER,
      role: 'brand_member',
      sections: ['leads', 'stats'],
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.sections).toEqual(['stats', 'leads']);
    const promoted = await w.json('PATCH', `/api/admin/team/members/${added.body.id}`, OWNER, { role: 'brand_admin' });
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200);
    expect(promoted.body.sections).toEqual(['stats', 'leads']);
  });

  it('item 1: a removed member is refused on their very next request', async () => {
    w = await createTeamWorld();
    const [admin] = await w.membershipsOf(BRAND_ADMIN);
    expect((await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, BRAND_ADMIN)).status).toBe(200);
    expect((await w.json('DELETE', `/api/admin/team/members/${admin?.id}`, OWNER)).status).toBe(204);
    // Same launch header as before (the verified-launch cache holds identities, never rights).
    expect((await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, BRAND_ADMIN)).status).toBe(403);
    expect((await w.json('GET', '/api/admin/office', BRAND_ADMIN)).body).toMatchObject({ brands: [] });
    const audit = await w.audit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'member.remove', before: { userId: String(BRAND_ADMIN) }, after: null });
  });

  it('a brand member with team gives only brand_member: not to themselves, not over the admin (found from outside)', async () => {
    w = await createTeamWorld();
    const added = await w.json('POST', '/api/admin/team/members', OWNER, {
      brandId: w.brandId,
      vkUserId: NEW_USER,
      role: 'brand_member',
      sections: ['team', 'campaigns'],
    });
    expect(added.status).toBe(201);
    const [own] = await w.membershipsOf(NEW_USER);
    const [admin] = await w.membershipsOf(BRAND_ADMIN);
    const refused = [
      await w.json('PATCH', `/api/admin/team/members/${own?.id}`, NEW_USER, { role: 'brand_admin' }),
      await w.json('PATCH', `/api/admin/team/members/${admin?.id}`, NEW_USER, { role: 'brand_member', sections: [] }),
      await w.json('DELETE', `/api/admin/team/members/${admin?.id}`, NEW_USER),
      await w.json('POST', '/api/admin/team/invitations', NEW_USER, {
        brandId: w.brandId,
        role: 'brand_admin',
        sections: ['campaigns'],
      }),
      await w.json('POST', '/api/admin/team/members', NEW_USER, {
        brandId: w.brandId,
        vkUserId: NEW_USER + 1,
        role: 'brand_admin',
        sections: ['campaigns'],
      }),
    ];
    expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual(Array(5).fill([403, 'role_not_allowed']));
    expect(await w.membershipsOf(NEW_USER)).toMatchObject([{ role: 'brand_member' }]);
    expect(await w.membershipsOf(BRAND_ADMIN)).toMatchObject([{ role: 'brand_admin' }]);
    // The team screen offers each only what they may give.
    const roles = async (user: number) =>
      (await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, user)).body.roles;
    expect(await roles(NEW_USER)).toEqual(['brand_member']);
    expect(await roles(BRAND_ADMIN)).toEqual(['brand_admin', 'brand_member']);
    // What they may do: add a plain member with sections they hold.
    const member = { brandId: w.brandId, vkUserId: NEW_USER + 1, role: 'brand_member', sections: ['campaigns'] };
    expect((await w.json('POST', '/api/admin/team/members', NEW_USER, member)).status).toBe(201);
  });

  it("a switched-off brand's admin can no longer change its team nor read its log; the agency can (found from outside)", async () => {
    w = await createTeamWorld();
    const [member] = await w.membershipsOf(NO_TEAM);
    expect((await w.json('POST', `/api/admin/agency/brands/${w.brandId}/switch-off`, OWNER)).status).toBe(200);
    const refused = [
      await w.json('PATCH', `/api/admin/team/members/${member?.id}`, BRAND_ADMIN, { sections: ['campaigns'] }),
      await w.json('DELETE', `/api/admin/team/members/${member?.id}`, BRAND_ADMIN),
      await w.json('GET', `/api/admin/audit?brandId=${w.brandId}`, BRAND_ADMIN),
    ];
    expect(refused.map((r) => r.status)).toEqual([404, 404, 403]);
    expect((await w.json('GET', '/api/admin/office', BRAND_ADMIN)).body.canSeeAudit).toBe(false);
    expect(await w.membershipsOf(NO_TEAM)).toMatchObject([{ sections: member?.sections }]);
    expect((await w.json('PATCH', `/api/admin/team/members/${member?.id}`, OWNER, { sections: [] })).status).toBe(200);
    expect((await w.json('GET', `/api/admin/audit?brandId=${w.brandId}`, OWNER)).status).toBe(200);
  });

  it('item 1: the last agency owner stays; an owner cannot demote themselves; another owner can', async () => {
    w = await createTeamWorld();
    const [owner] = await w.membershipsOf(OWNER);
    const remove = await w.json('DELETE', `/api/admin/team/members/${owner?.id}`, OWNER);
    expect(remove).toMatchObject({ status: 409, body: { error: { code: 'last_agency_admin' } } });
    const demote = await w.json('PATCH', `/api/admin/team/members/${owner?.id}`, OWNER, { role: 'agency_manager' });
    expect(demote).toMatchObject({ status: 409, body: { error: { code: 'self_demotion' } } });
    const byManager = await w.json('DELETE', `/api/admin/team/members/${owner?.id}`, MANAGER);
    expect(byManager).toMatchObject({ status: 403, body: { error: { code: 'role_not_allowed' } } });
    expect(await w.audit()).toEqual([]);
    const second = await w.json('POST', '/api/admin/team/members', OWNER, {
      brandId: null,
      agencyId: w.agencyId,
      vkUserId: NEW_USER,
      role: 'agency_admin',
      sections: [],
    });
    expect(second.status).toBe(201);
    const demoted = await w.json('PATCH', `/api/admin/team/members/${owner?.id}`, NEW_USER, {
      role: 'agency_manager',
      sections: ['team'],
    });
    expect(demoted.status).toBe(200);
    expect((await w.json('DELETE', `/api/admin/team/members/${second.body.id}`, NEW_USER)).body.error.code).toBe(
      'last_agency_admin',
    );
    expect(await w.audit()).toHaveLength(2);
  });

  it('item 1: a member id of another tenant reads like one that does not exist; a member without team gets 403', async () => {
    w = await createTeamWorld();
    const [member] = await w.membershipsOf(NO_TEAM);
    const other = await w.json('PATCH', `/api/admin/team/members/${member?.id}`, OTHER_OWNER, { sections: [] });
    const missing = await w.json('PATCH', '/api/admin/team/members/999999', OTHER_OWNER, { sections: [] });
    expect(other.status).toBe(404);
    expect(other).toEqual(missing);
    const del = await w.json('DELETE', `/api/admin/team/members/${member?.id}`, OTHER_OWNER);
    expect(del.status).toBe(404);
    const brand2 = await w.json('DELETE', `/api/admin/team/members/${member?.id}`, BRAND2_ADMIN);
    expect(brand2.status).toBe(404);
    const self = await w.json('DELETE', `/api/admin/team/members/${member?.id}`, NO_TEAM);
    expect(self).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(await w.audit()).toEqual([]);
  });
});
