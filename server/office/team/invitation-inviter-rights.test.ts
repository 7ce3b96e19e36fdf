/**
 * An invitation grants only what its inviter may still grant: a member removed from the team (or who lost a section)
 * cannot come back through a link they made before, with any account, for up to 30 days. Found from outside: a brand
 * admin made a link, was removed, and the link still opened the brand's office with brand admin rights.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { BRAND_ADMIN, createTeamWorld, OWNER, type TeamWorld } from './team.test-world.ts';

let w: TeamWorld;
afterEach(async () => w?.close());

const INVITEE = 710;

async function invite(user: number, role: string, sections: string[]) {
  const res = await w.json('POST', '/api/admin/team/invitations', user, { brandId: w.brandId, role, sections });
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; token: string };
}

const accept = (token: string, user: number) => w.json('POST', `/api/office/invitations/${token}/accept`, user);
const preview = (token: string, user: number) => w.json('GET', `/api/office/invitations/${token}`, user);

async function membershipIdOf(user: number): Promise<number> {
  const [row] = await w.membershipsOf(user);
  if (!row) throw new Error(`no membership of ${user}`);
  return row.id;
}

describe('an invitation and its inviter', () => {
  it('a removed member’s link is refused as revoked, listed so, and grants nothing', async () => {
    w = await createTeamWorld();
    const link = await invite(BRAND_ADMIN, 'brand_admin', ['team', 'campaigns']);
    expect((await w.json('DELETE', `/api/admin/team/members/${await membershipIdOf(BRAND_ADMIN)}`, OWNER)).status).toBe(
      204,
    );

    expect((await preview(link.token, INVITEE)).body).toMatchObject({ problem: 'invitation_revoked' });
    expect(await accept(link.token, INVITEE)).toMatchObject({
      status: 410,
      body: { error: { code: 'invitation_revoked' } },
    });
    expect(await w.membershipsOf(INVITEE)).toEqual([]);
    // The team's list says what the link does now, not «pending».
    const list = await w.json('GET', `/api/admin/team/invitations?brandId=${w.brandId}`, OWNER);
    expect(list.body.invitations.find((i: { id: number }) => i.id === link.id)).toMatchObject({ status: 'revoked' });
    expect((await w.audit()).filter((a) => a.action === 'invitation.accept')).toEqual([]);
  });

  it('a section the inviter lost is no longer granted by their link; what they still hold is', async () => {
    w = await createTeamWorld();
    const withCampaigns = await invite(BRAND_ADMIN, 'brand_member', ['campaigns']);
    const withMailings = await invite(BRAND_ADMIN, 'brand_member', ['mailings']);
    const demoted = await w.json('PATCH', `/api/admin/team/members/${await membershipIdOf(BRAND_ADMIN)}`, OWNER, {
      sections: ['team', 'mailings'],
    });
    expect(demoted.status).toBe(200);

    expect(await accept(withCampaigns.token, INVITEE)).toMatchObject({
      status: 410,
      body: { error: { code: 'invitation_revoked' } },
    });
    expect(await w.membershipsOf(INVITEE)).toEqual([]);
    expect((await accept(withMailings.token, INVITEE + 1)).status).toBe(201);
    expect((await w.membershipsOf(INVITEE + 1)).map((m) => m.sections)).toEqual([['mailings']]);
  });

  it('the agency owner’s links stand while the owner does; a switched-off brand closes its brand admin’s links', async () => {
    w = await createTeamWorld();
    const fromOwner = await invite(OWNER, 'brand_admin', ['team', 'leads']);
    const fromAdmin = await invite(BRAND_ADMIN, 'brand_member', ['mailings']);
    await w.write((tx) =>
      tx.update(schema.brands).set({ disabledAt: w.clock.now }).where(eq(schema.brands.id, w.brandId)),
    );

    expect(await accept(fromAdmin.token, INVITEE)).toMatchObject({
      status: 410,
      body: { error: { code: 'invitation_revoked' } },
    });
    expect((await accept(fromOwner.token, INVITEE + 1)).status).toBe(201);
  });
});
