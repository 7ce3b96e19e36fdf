/**
 * Decision 116: `launch` means something only beside `campaigns`, so adding a member, changing one's sections or
 * inviting with `launch` alone is refused (422 on `sections`, the reason naming both rights) and nothing is written;
 * with both it goes ahead.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createTeamWorld, NO_TEAM, OWNER, type TeamWorld } from './team.test-world.ts';

let w: TeamWorld;
afterEach(async () => w?.close());

const refusedForLaunchAlone = (res: { status: number; body: { error: { code: string; issues?: unknown[] } } }) => {
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe('invalid_input');
  expect(JSON.stringify(res.body.error.issues)).toContain('launch right needs the campaigns right');
};

describe('launch without campaigns', () => {
  it('is refused when adding, changing or inviting; launch with campaigns is granted', async () => {
    w = await createTeamWorld();
    const members = async () => (await w.deps.db.select().from(schema.memberships)).length;
    const invitations = async () => (await w.deps.db.select().from(schema.invitations)).length;
    const before = { members: await members(), invitations: await invitations() };
    const add = (vkUserId: number, sections: string[]) =>
      w.json('POST', '/api/admin/team/members', OWNER, {
        brandId: w.brandId,
        vkUserId,
        role: 'brand_member',
        sections,
      });

    refusedForLaunchAlone(await add(901, ['launch', 'stats']));
    refusedForLaunchAlone(
      await w.json('POST', '/api/admin/team/invitations', OWNER, {
        brandId: w.brandId,
        role: 'brand_member',
        sections: ['launch'],
      }),
    );
    expect({ members: await members(), invitations: await invitations() }).toEqual(before);

    const both = await add(902, ['launch', 'campaigns']);
    expect(both.status).toBe(201);
    expect(both.body.sections).toEqual(['campaigns', 'launch']);

    const team = await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, OWNER);
    const noTeam = team.body.members.find((m: { userId: string }) => m.userId === String(NO_TEAM));
    const url = `/api/admin/team/members/${noTeam.id}`;
    refusedForLaunchAlone(await w.json('PATCH', url, OWNER, { sections: ['mailings', 'launch'] }));
    const unchanged = await w.json('GET', `/api/admin/team?brandId=${w.brandId}`, OWNER);
    expect(unchanged.body.members.find((m: { id: number }) => m.id === noTeam.id).sections).toEqual(noTeam.sections);
    const changed = await w.json('PATCH', url, OWNER, { sections: ['mailings', 'campaigns', 'launch'] });
    expect(changed.status).toBe(200);
    expect(changed.body.sections).toEqual(['campaigns', 'launch', 'mailings']);
  });
});
