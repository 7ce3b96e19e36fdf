/**
 * Taking an agency manager out of brands is the agency owner's alone, whichever route does it. Found from outside:
 * removing a manager from all brands at once was owner-only, but the one-row DELETE let an agency-wide manager with
 * `team` take a chosen-brand manager out brand by brand (and PATCH or PUT could do the same).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import {
  type Body,
  CHOSEN_MANAGER,
  createTeamWorld,
  MANAGER,
  NO_TEAM,
  OWNER,
  type TeamWorld,
} from './team.test-world.ts';

let w: TeamWorld;
afterEach(async () => w?.close());

const rowsOf = async (user: number) =>
  (await w.membershipsOf(user))
    .map((r) => ({ role: r.role, brandId: r.brandId }))
    .sort((a, b) => a.role.localeCompare(b.role) || (a.brandId ?? 0) - (b.brandId ?? 0));
const rowOn = async (user: number, brandId: number | null) =>
  (await w.membershipsOf(user)).find((r) => r.brandId === brandId)?.id ?? 0;
const refusedAsOwnerOnly = (res: { status: number; body: Body }) => {
  expect(res.status).toBe(403);
  expect(res.body.error.code).toBe('role_not_allowed');
  expect(res.body.error.message).toMatch(/agency owner/);
};

/** CHOSEN_MANAGER covers brands 1 and 2 (a row each). */
async function chosenManagerOfTwoBrands() {
  w = await createTeamWorld();
  await w.write(async (tx) => {
    await tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(CHOSEN_MANAGER),
      agencyId: w.agencyId,
      brandId: w.brand2,
      role: 'agency_manager',
      sections: ['team', 'campaigns'],
    });
  });
}

describe("an agency manager's rows are the agency owner's to take away, by any route", () => {
  it('an agency-wide manager with team cannot remove, demote or narrow a fellow manager; nothing changes', async () => {
    await chosenManagerOfTwoBrands();
    const before = await rowsOf(CHOSEN_MANAGER);
    const auditBefore = (await w.audit()).length;
    const row1 = await rowOn(CHOSEN_MANAGER, w.brandId);

    // One row at a time: the route the owner-only rule did not cover.
    refusedAsOwnerOnly(await w.json('DELETE', `/api/admin/team/members/${row1}`, MANAGER));
    // The row given a brand role instead.
    refusedAsOwnerOnly(await w.json('PATCH', `/api/admin/team/members/${row1}`, MANAGER, { role: 'brand_member' }));
    // Their brands narrowed to one.
    refusedAsOwnerOnly(
      await w.json('PUT', `/api/admin/team/members/${row1}/brands`, MANAGER, { brandIds: [w.brand2] }),
    );
    // All at once, as before.
    refusedAsOwnerOnly(await w.json('DELETE', `/api/admin/team/members/${row1}/brands`, MANAGER));

    expect(await rowsOf(CHOSEN_MANAGER)).toEqual(before);
    expect((await w.audit()).length).toBe(auditBefore);
  });

  it("an agency-wide manager's one row is not removed by another manager either", async () => {
    w = await createTeamWorld();
    const other = await w.json('POST', '/api/admin/team/members', OWNER, {
      brandId: null,
      agencyId: w.agencyId,
      vkUserId: 70_200,
      role: 'agency_manager',
      sections: ['mailings'],
    });
    expect(other.status).toBe(201);
    expect(other.body.removable).toBe(true);
    refusedAsOwnerOnly(await w.json('DELETE', `/api/admin/team/members/${other.body.id}`, MANAGER));
    expect(await rowsOf(70_200)).toEqual([{ role: 'agency_manager', brandId: null }]);
  });

  it('what a manager may still do: widen a fellow manager, change their sections, remove a brand member', async () => {
    await chosenManagerOfTwoBrands();
    const row1 = await rowOn(CHOSEN_MANAGER, w.brandId);
    const sections = await w.json('PATCH', `/api/admin/team/members/${row1}`, MANAGER, { sections: ['team'] });
    expect(sections.status).toBe(200);
    expect(sections.body.removable).toBe(false);
    const widened = await w.json('PUT', `/api/admin/team/members/${row1}/brands`, MANAGER, { brandIds: null });
    expect(widened.status).toBe(200);
    expect(await rowsOf(CHOSEN_MANAGER)).toEqual([{ role: 'agency_manager', brandId: null }]);
    expect((await w.json('DELETE', `/api/admin/team/members/${await rowOn(NO_TEAM, w.brandId)}`, MANAGER)).status).toBe(
      204,
    );
  });

  it('the owner removes one row of a manager of chosen brands, as before', async () => {
    await chosenManagerOfTwoBrands();
    expect(
      (await w.json('DELETE', `/api/admin/team/members/${await rowOn(CHOSEN_MANAGER, w.brandId)}`, OWNER)).status,
    ).toBe(204);
    expect(await rowsOf(CHOSEN_MANAGER)).toEqual([{ role: 'agency_manager', brandId: w.brand2 }]);
  });

  it('the team lists say who may remove which row, as the server will answer', async () => {
    await chosenManagerOfTwoBrands();
    const removable = async (user: number) => {
      const res = await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, user);
      expect(res.status).toBe(200);
      return Object.fromEntries(
        res.body.members.map((m: Body) => [m.userId, { editable: m.editable, removable: m.removable }]),
      );
    };
    const byManager = await removable(MANAGER);
    expect(byManager[String(CHOSEN_MANAGER)]).toEqual({ editable: true, removable: false });
    expect(byManager[String(NO_TEAM)]).toEqual({ editable: true, removable: true });
    const byOwner = await removable(OWNER);
    expect(byOwner[String(CHOSEN_MANAGER)]).toEqual({ editable: true, removable: true });
    expect(byOwner[String(MANAGER)]).toEqual({ editable: true, removable: true });
    const agency = await w.json('GET', `/api/admin/team/agency?agencyId=${w.agencyId}`, MANAGER);
    expect(
      agency.body.members
        .filter((m: Body) => m.role === 'agency_manager')
        .map((m: Body) => m.removable)
        .every((r: boolean) => r === false),
    ).toBe(true);
  });
});
