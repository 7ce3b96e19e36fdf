/**
 * An agency manager's row says in which brands the same person holds a brand role (`brandRoleBrands`): their
 * coverage cannot take those brands in (PUT .../brands answers 409 already_member), and the office greys those boxes
 * out before Save from this answer instead of working it out itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { type Body, createTeamWorld, MANAGER, OWNER, type TeamWorld } from './team.test-world.ts';

let w: TeamWorld;
afterEach(async () => w?.close());

const BOTH = 130; // an agency manager of brand 2 and a brand member of brand 1

describe('an agency manager’s brand roles in the team’s answer', () => {
  it('names the brands where they hold a brand role, which saving their brands then refuses', async () => {
    w = await createTeamWorld();
    await w.write(async (tx) => {
      const row = (brandId: number, role: 'agency_manager' | 'brand_member') => ({
        platform: 'vk' as const,
        platformUserId: String(BOTH),
        agencyId: w.agencyId,
        brandId,
        role,
        sections: ['mailings'],
      });
      await tx.insert(schema.memberships).values([row(w.brand2, 'agency_manager'), row(w.brandId, 'brand_member')]);
    });
    const team = await w.json('GET', `/api/admin/team/agency?agencyId=${w.agencyId}`, OWNER);
    expect(team.status).toBe(200);
    const rows = team.body.members as Body[];
    const manager = rows.find((m) => m.userId === String(BOTH) && m.role === 'agency_manager');
    expect(manager.brandRoleBrands).toEqual([w.brandId]);
    // Their brand row and everyone else's say nothing of the kind.
    expect(rows.find((m) => m.userId === String(BOTH) && m.role === 'brand_member').brandRoleBrands).toEqual([]);
    expect(rows.find((m) => m.userId === String(MANAGER)).brandRoleBrands).toEqual([]);

    // What the answer says is what the server refuses; every brand of the agency (one agency-wide row) is fine.
    const refused = await w.json('PUT', `/api/admin/team/members/${manager.id}/brands`, OWNER, {
      brandIds: [w.brand2, w.brandId],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('already_member');
  });
});
