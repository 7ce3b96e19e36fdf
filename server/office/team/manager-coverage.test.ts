/** An agency manager's covered brands: all ↔ chosen, swapped at once with one audit row; only the agency may. */
import { afterEach, describe, expect, it } from 'vitest';
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

const rowId = async (user: number) => (await w.membershipsOf(user))[0]?.id ?? 0;
const coverage = async (user: number) =>
  (await w.membershipsOf(user))
    .filter((r) => r.role === 'agency_manager')
    .map((r) => ({ brandId: r.brandId, sections: r.sections }))
    .sort((a, b) => (a.brandId ?? 0) - (b.brandId ?? 0));

describe('agency manager coverage', () => {
  it('item 2: the owner narrows an agency-wide manager to chosen brands and back to all, one audit row each', async () => {
    w = await createTeamWorld();
    const id = await rowId(MANAGER);
    const auditBefore = (await w.audit()).length;

    const chosen = await w.json('PUT', `/api/admin/team/members/${id}/brands`, OWNER, {
      brandIds: [w.brandId, w.brand2],
    });
    expect(chosen.status).toBe(200);
    expect(await coverage(MANAGER)).toEqual([
      { brandId: w.brandId, sections: ['team', 'mailings'] },
      { brandId: w.brand2, sections: ['team', 'mailings'] },
    ]);
    expect(chosen.body.members[0].managedBrands.map((b: { id: number }) => b.id).sort()).toEqual(
      [w.brandId, w.brand2].sort(),
    );
    // The manager's own view follows: brand 2 yes, the agency-wide team no longer.
    expect((await w.json('GET', `/api/admin/team?brandId=${w.brand2}`, MANAGER)).status).toBe(200);
    expect((await w.json('GET', `/api/admin/team/agency?agencyId=${w.agencyId}`, MANAGER)).status).not.toBe(200);

    const newId = (await w.membershipsOf(MANAGER))[0]?.id ?? 0;
    const all = await w.json('PUT', `/api/admin/team/members/${newId}/brands`, OWNER, { brandIds: null });
    expect(all.status).toBe(200);
    expect(await coverage(MANAGER)).toEqual([{ brandId: null, sections: ['team', 'mailings'] }]);

    const audit = (await w.audit()).slice(auditBefore);
    expect(audit.map((a) => [a.action, a.actorUserId, a.before, a.after])).toEqual([
      [
        'member.update',
        String(OWNER),
        { platform: 'vk', userId: String(MANAGER), brands: 'all' },
        { platform: 'vk', userId: String(MANAGER), brands: [w.brandId, w.brand2].sort((a, b) => a - b) },
      ],
      [
        'member.update',
        String(OWNER),
        { platform: 'vk', userId: String(MANAGER), brands: [w.brandId, w.brand2].sort((a, b) => a - b) },
        { platform: 'vk', userId: String(MANAGER), brands: 'all' },
      ],
    ]);
  });

  it('item 2: refusals change nothing and write no audit row', async () => {
    w = await createTeamWorld();
    const manager = await rowId(CHOSEN_MANAGER);
    const before = await coverage(CHOSEN_MANAGER);
    const auditBefore = (await w.audit()).length;
    const put = (user: number, id: number, brandIds: number[] | null) =>
      w.json('PUT', `/api/admin/team/members/${id}/brands`, user, { brandIds });

    // A brand admin has no say over agency managers, nor another agency's owner: both read it as missing.
    expect((await put(BRAND_ADMIN, manager, null)).status).toBe(404);
    const foreign = await put(OTHER_OWNER, manager, null);
    expect(foreign).toEqual(await put(OTHER_OWNER, 999999, null));
    expect(foreign.status).toBe(404);
    // A brand of another agency, an empty choice, a brand role's row.
    expect((await put(OWNER, manager, [w.brand3])).status).toBe(422);
    expect((await put(OWNER, manager, [])).status).toBe(422);
    expect((await put(OWNER, await rowId(NO_TEAM), [w.brandId])).status).toBe(409);

    expect(await coverage(CHOSEN_MANAGER)).toEqual(before);
    expect((await w.audit()).length).toBe(auditBefore);
  });
});
