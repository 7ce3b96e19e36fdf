/** The audit log API: who may read it, and the filters (brand, person, section, dates, paging). */
import { afterEach, describe, expect, it } from 'vitest';
import { recordAudit } from '../../server/office/audit.ts';
import { createOfficeMatrixWorld, type OfficeMatrixWorld } from './office-world.ts';

let w: OfficeMatrixWorld;
afterEach(async () => w?.close());

type Entry = { brandId: number; actor: { userId: string }; section: string; action: string; at: number; id: number };

async function seed() {
  w = await createOfficeMatrixWorld();
  const { own, sibling, foreign } = w.tenants;
  const write = (brandId: number, user: number, section: 'campaigns' | 'prizes', action: string) =>
    w.write((tx) =>
      recordAudit(tx, {
        actor: w.identity(user),
        brandId,
        section,
        action,
        entity: 'campaign',
        entityId: 1,
        before: { a: 1 },
        after: { a: 2 },
      }),
    );
  await write(own.brandId, 7, 'campaigns', 'campaign.update');
  await write(own.brandId, 8, 'prizes', 'pool.create');
  await write(sibling.brandId, 7, 'campaigns', 'campaign.publish');
  await write(foreign.brandId, 9, 'campaigns', 'campaign.update');
}

const read = async (user: number, query = '') => {
  const res = await w.call('GET', `/api/admin/audit${query}`, user);
  return { status: res.status, body: (await res.json()) as { entries: Entry[]; next: number | null } };
};

describe('GET /api/admin/audit', () => {
  it('item 3: the agency owner sees the agency, a brand admin their brand, everyone else 403', async () => {
    await seed();
    const owner = await read(w.user('agency_admin', 'audit', true));
    expect(owner.status).toBe(200);
    expect(owner.body.entries.map((e) => e.action)).toEqual(['campaign.publish', 'pool.create', 'campaign.update']);
    const admin = await read(w.user('brand_admin', 'audit', true));
    expect(admin.body.entries.map((e) => e.brandId)).toEqual([w.tenants.own.brandId, w.tenants.own.brandId]);
    for (const role of ['agency_manager_wide', 'agency_manager_brand', 'brand_member'] as const) {
      expect((await read(w.user(role, 'audit', true))).status, role).toBe(403);
    }
    expect((await read(w.stranger)).status).toBe(403);
    // A brand admin asking for a brand that is not theirs, or one that does not exist: the same refusal.
    const sibling = await w.call(
      'GET',
      `/api/admin/audit?brandId=${w.tenants.sibling.brandId}`,
      w.user('brand_admin', 'audit', true),
    );
    const missing = await w.call('GET', '/api/admin/audit?brandId=987654', w.user('brand_admin', 'audit', true));
    expect([sibling.status, await sibling.text()]).toEqual([missing.status, await missing.text()]);
    expect(sibling.status).toBe(403);
  });

  it('item 3: filters by brand, person, section and date range, and pages newest first', async () => {
    await seed();
    const owner = w.user('agency_admin', 'audit', true);
    const byBrand = await read(owner, `?brandId=${w.tenants.sibling.brandId}`);
    expect(byBrand.body.entries.map((e) => e.action)).toEqual(['campaign.publish']);
    expect((await read(owner, '?person=7')).body.entries.map((e) => e.action)).toEqual([
      'campaign.publish',
      'campaign.update',
    ]);
    expect((await read(owner, '?section=prizes')).body.entries.map((e) => e.action)).toEqual(['pool.create']);
    const all = (await read(owner)).body.entries;
    const newest = Math.max(...all.map((e) => e.at));
    expect((await read(owner, `?from=${newest + 1}`)).body.entries).toEqual([]);
    expect((await read(owner, `?to=${newest}`)).body.entries).toHaveLength(3);
    const first = await read(owner, '?limit=2');
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.next).toBe(first.body.entries[1]?.id);
    const second = await read(owner, `?limit=2&before=${first.body.next}`);
    expect(second.body.entries.map((e) => e.action)).toEqual(['campaign.update']);
    expect(second.body.next).toBeNull();
    expect((await read(owner, '?limit=0')).status).toBe(422);
  });
});

describe('GET /api/admin/office canSeeAudit', () => {
  it('item 3: true for the agency owner and a brand admin, false for the others', async () => {
    w = await createOfficeMatrixWorld();
    const office = async (user: number) =>
      ((await (await w.call('GET', '/api/admin/office', user)).json()) as { canSeeAudit: boolean }).canSeeAudit;
    expect(await office(w.user('agency_admin', 'audit', true))).toBe(true);
    expect(await office(w.user('brand_admin', 'audit', true))).toBe(true);
    expect(await office(w.user('brand_member', 'audit', true))).toBe(false);
    expect(await office(w.user('agency_manager_wide', 'audit', true))).toBe(false);
    expect(await office(w.stranger)).toBe(false);
  });
});
