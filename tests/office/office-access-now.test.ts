/**
 * Office rights take effect on the very next request. Nothing on the server caches them: the launch cache
 * (server/auth/verified-cache.ts) remembers who a launch is, never what they may do, and every office route reads the
 * member's rows (server/auth/permissions.ts, office-gate.ts). The invitee here sends the same launch header
 * throughout, so each request after the first is a cache hit judged by the rights of that moment: accepting an
 * invitation, changing sections, switching the brand off and on, removing the member.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { createAuditWorld } from './audit-world.ts';
import { type OfficeOperation, officeOperations, urlFor } from './office-operations.ts';

type World = Awaited<ReturnType<typeof createAuditWorld>>;
let w: World;
let ops: OfficeOperation[];
beforeAll(async () => {
  w = await createAuditWorld();
  ops = await officeOperations(w.app);
}, 60_000);
afterAll(async () => w?.close());

const INVITEE = 71_000;

/** A read of the own brand's campaign that needs `section` (first such GET of the OpenAPI document). */
function readOf(section: 'mailings' | 'stats'): string {
  const op = ops.find((o) => o.method === 'GET' && o.section === section && o.path.includes('/campaigns/{id}/'));
  if (!op) throw new Error(`no GET route for ${section}`);
  return urlFor(op, w.tenants.own);
}

const allowed = (status: number) => status !== 401 && status !== 403 && status !== 404 && status < 500;

async function brandsOfInvitee() {
  const res = await w.call('GET', '/api/admin/office', INVITEE);
  return ((await res.json()) as { brands: { id: number; sections: string[] }[] }).brands;
}

async function canRead(section: 'mailings' | 'stats') {
  return allowed((await w.call('GET', readOf(section), INVITEE)).status);
}

const owner = (method: string, path: string, body?: unknown) => w.call(method, path, w.owner, body);

describe('office access on the next request', () => {
  it('item 3: accept, sections changed, brand switched off and on, member removed: each judged at once', async () => {
    const own = w.tenants.own.brandId;
    expect(await brandsOfInvitee()).toEqual([]);
    expect(await canRead('mailings')).toBe(false);

    const invited = await owner('POST', '/api/admin/team/invitations', {
      brandId: own,
      role: 'brand_member',
      sections: ['mailings'],
    });
    expect(invited.status).toBe(201);
    const { token } = (await invited.json()) as { token: string };
    const audited = new Set((await w.deps.db.select().from(schema.officeAudit)).map((a) => a.id));
    expect((await w.call('POST', `/api/office/invitations/${token}/accept`, INVITEE)).status).toBe(201);
    const accepted = (await w.deps.db.select().from(schema.officeAudit)).filter((a) => !audited.has(a.id));
    expect(accepted.map((a) => [a.action, a.actorUserId, a.brandId])).toEqual([
      ['invitation.accept', String(INVITEE), own],
    ]);

    // The very next request: the brand with its sections, and the section's route opens, another does not.
    expect(await brandsOfInvitee()).toEqual([expect.objectContaining({ id: own, sections: ['mailings'] })]);
    expect(await canRead('mailings')).toBe(true);
    expect(await canRead('stats')).toBe(false);

    const [member] = (await w.deps.db.select().from(schema.memberships)).filter(
      (m) => m.platformUserId === String(INVITEE),
    );
    const memberId = member?.id ?? 0;
    expect((await owner('PATCH', `/api/admin/team/members/${memberId}`, { sections: ['stats'] })).status).toBe(200);
    expect(await canRead('mailings')).toBe(false);
    expect(await canRead('stats')).toBe(true);
    expect(await brandsOfInvitee()).toEqual([expect.objectContaining({ id: own, sections: ['stats'] })]);

    expect((await owner('POST', `/api/admin/agency/brands/${own}/switch-off`)).status).toBe(200);
    expect(await canRead('stats')).toBe(false);
    expect(await brandsOfInvitee()).toEqual([]);
    expect((await owner('POST', `/api/admin/agency/brands/${own}/switch-on`)).status).toBe(200);
    expect(await canRead('stats')).toBe(true);

    expect((await owner('DELETE', `/api/admin/team/members/${memberId}`)).status).toBeLessThan(300);
    expect(await canRead('stats')).toBe(false);
    expect(await brandsOfInvitee()).toEqual([]);
  });
});
