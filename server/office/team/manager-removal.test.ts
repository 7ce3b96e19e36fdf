/**
 * Removing an agency manager of chosen brands: every manager row of theirs goes in one call, with one audit row, or
 * none does. Found from outside: the office sent one DELETE per brand, so a failure half way left them managing some.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import {
  BRAND_ADMIN,
  CHOSEN_MANAGER,
  createTeamWorld,
  MANAGER,
  NO_TEAM,
  OTHER_OWNER,
  OWNER,
  type TeamWorld,
} from './team.test-world.ts';

let w: TeamWorld;
afterEach(async () => w?.close());

const rowsOf = async (user: number) =>
  (await w.membershipsOf(user))
    .map((r) => ({ role: r.role, brandId: r.brandId }))
    .sort((a, b) => a.role.localeCompare(b.role) || (a.brandId ?? 0) - (b.brandId ?? 0));
const managerRow = async (user: number) =>
  (await w.membershipsOf(user)).find((r) => r.role === 'agency_manager')?.id ?? 0;
const remove = (user: number, id: number) => w.json('DELETE', `/api/admin/team/members/${id}/brands`, user);

describe('removing an agency manager from all their brands', () => {
  it('the owner removes a manager of chosen brands from every brand at once, one audit row', async () => {
    w = await createTeamWorld();
    // CHOSEN_MANAGER covers brands 1 and 2: a row each.
    await w.write(async (tx) => {
      const row = (brandId: number, role: 'agency_manager' | 'brand_member', sections: string[]) => ({
        platform: 'vk' as const,
        platformUserId: String(CHOSEN_MANAGER),
        agencyId: w.agencyId,
        brandId,
        role,
        sections,
      });
      await tx.insert(schema.memberships).values([row(w.brand2, 'agency_manager', ['team', 'campaigns'])]);
    });
    const id = await managerRow(CHOSEN_MANAGER);
    const auditBefore = (await w.audit()).length;

    const res = await remove(OWNER, id);
    expect(res.status).toBe(204);
    expect(await rowsOf(CHOSEN_MANAGER)).toEqual([]);
    const audit = (await w.audit()).slice(auditBefore);
    expect(audit.map((a) => [a.action, a.actorUserId, a.agencyId, a.brandId, a.before])).toEqual([
      [
        'member.remove',
        String(OWNER),
        w.agencyId,
        null,
        {
          platform: 'vk',
          userId: String(CHOSEN_MANAGER),
          role: 'agency_manager',
          sections: ['team', 'campaigns'],
          brands: [w.brandId, w.brand2].sort((a, b) => a - b),
        },
      ],
    ]);
    // Their office is closed at once: the brand's team is no longer theirs.
    expect((await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, CHOSEN_MANAGER)).status).toBe(403);
    // A second tap (or another owner's) finds nothing to remove.
    expect((await remove(OWNER, id)).status).toBe(404);
  });

  it('an agency-wide manager goes too; a brand role of the same person stays', async () => {
    w = await createTeamWorld();
    await w.write(async (tx) => {
      await tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(MANAGER),
        agencyId: w.agencyId,
        brandId: w.brand2,
        role: 'brand_member',
        sections: ['mailings'],
      });
    });
    expect((await remove(OWNER, await managerRow(MANAGER))).status).toBe(204);
    expect(await rowsOf(MANAGER)).toEqual([{ role: 'brand_member', brandId: w.brand2 }]);
  });

  it('refusals say why and change nothing, with no audit row', async () => {
    w = await createTeamWorld();
    const id = await managerRow(CHOSEN_MANAGER);
    const before = await rowsOf(CHOSEN_MANAGER);
    const auditBefore = (await w.audit()).length;

    // An agency-wide manager with team may not take a fellow manager out of the agency: owners only.
    const byManager = await remove(MANAGER, id);
    expect(byManager.status).toBe(403);
    expect(byManager.body.error.code).toBe('role_not_allowed');
    // A brand admin, another agency's owner: as if the row did not exist.
    expect((await remove(BRAND_ADMIN, id)).status).toBe(404);
    const foreign = await remove(OTHER_OWNER, id);
    expect(foreign).toEqual(await remove(OTHER_OWNER, 999999));
    expect(foreign.status).toBe(404);
    // A brand role's row is not an agency manager's.
    const brandRow = await remove(OWNER, (await w.membershipsOf(NO_TEAM))[0]?.id ?? 0);
    expect(brandRow.status).toBe(409);
    expect(brandRow.body.error.code).toBe('not_agency_manager');
    // Not a row id at all.
    expect((await remove(OWNER, 0)).status).toBe(422);

    expect(await rowsOf(CHOSEN_MANAGER)).toEqual(before);
    expect(await rowsOf(NO_TEAM)).toEqual([{ role: 'brand_member', brandId: w.brandId }]);
    expect((await w.audit()).length).toBe(auditBefore);
  });
});
