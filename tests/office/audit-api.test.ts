/** The audit log API: who may read it, and the filters (brand, person, section, dates, paging). */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { recordAudit } from '../../server/office/audit.ts';
import { createOfficeMatrixWorld, type OfficeMatrixWorld } from './office-world.ts';

let w: OfficeMatrixWorld;
afterEach(async () => w?.close());

type Entry = {
  brandId: number | null;
  brandName: string | null;
  agencyId: number | null;
  agencyName: string | null;
  actor: { platform: string; userId: string };
  section: string;
  action: string;
  at: number;
  id: number;
};

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
  it('item 3: the agency owner sees the agency, a manager the brands they cover, a brand admin their brand, everyone else 403', async () => {
    await seed();
    const owner = await read(w.user('agency_admin', 'audit', true));
    expect(owner.status).toBe(200);
    expect(owner.body.entries.map((e) => e.action)).toEqual(['campaign.publish', 'pool.create', 'campaign.update']);
    const admin = await read(w.user('brand_admin', 'audit', true));
    expect(admin.body.entries.map((e) => e.brandId)).toEqual([w.tenants.own.brandId, w.tenants.own.brandId]);
    // Item 2 (issue 15): an agency manager reads the brands they cover, all of them or the chosen one.
    const wide = await read(w.user('agency_manager_wide', 'audit', true));
    expect(wide.body.entries.map((e) => e.action)).toEqual(['campaign.publish', 'pool.create', 'campaign.update']);
    const chosen = await read(w.user('agency_manager_brand', 'audit', true));
    expect(chosen.body.entries.map((e) => e.brandId)).toEqual([w.tenants.own.brandId, w.tenants.own.brandId]);
    expect((await read(w.user('brand_member', 'audit', true))).status).toBe(403);
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

  it('a brand admin or manager reads only the sections they hold (entries carry whole documents)', async () => {
    await seed();
    const { own } = w.tenants;
    await w.write((tx) =>
      recordAudit(tx, {
        actor: w.identity(7),
        brandId: own.brandId,
        section: 'agency',
        action: 'brand.rename',
        entity: 'brand',
        entityId: own.brandId,
      }),
    );
    const actions = async (user: number, query = '') => (await read(user, query)).body.entries.map((e) => e.action);
    // Found from outside: a brand admin holding only `stats` read campaign and pool documents here.
    expect(await actions(w.user('brand_admin', 'stats', true))).toEqual(['brand.rename']);
    expect(await actions(w.user('brand_admin', 'stats', true), `?brandId=${own.brandId}`)).toEqual(['brand.rename']);
    expect(await actions(w.user('brand_admin', 'campaigns', true))).toEqual(['brand.rename', 'campaign.update']);
    expect(await actions(w.user('brand_admin', 'prizes', false))).toEqual(['brand.rename', 'campaign.update']);
    expect(await actions(w.user('agency_manager_brand', 'prizes', true))).toEqual(['brand.rename', 'pool.create']);
    expect(await actions(w.user('agency_manager_wide', 'campaigns', true))).toEqual([
      'brand.rename',
      'campaign.publish',
      'campaign.update',
    ]);
    expect(await actions(w.user('agency_admin', 'audit', true))).toHaveLength(4);
  });

  it('item 3: filters by brand, person, section and date range, and pages newest first', async () => {
    await seed();
    const owner = w.user('agency_admin', 'audit', true);
    const byBrand = await read(owner, `?brandId=${w.tenants.sibling.brandId}`);
    expect(byBrand.body.entries.map((e) => e.action)).toEqual(['campaign.publish']);
    expect((await read(owner, '?person=vk:7')).body.entries.map((e) => e.action)).toEqual([
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

describe('GET /api/admin/audit ?person= (decision 109)', () => {
  it('names one person by platform and id: a VK and an OK user with the same number are two people', async () => {
    await seed();
    const { own } = w.tenants;
    // OK user 7: the same number as the VK actor 7 of `seed`.
    await w.write((tx) =>
      recordAudit(tx, {
        actor: w.identity(7, 'ok'),
        brandId: own.brandId,
        section: 'prizes',
        action: 'pool.import',
        entity: 'pool',
        entityId: 1,
      }),
    );
    const owner = w.user('agency_admin', 'audit', true);
    const people = async (query: string) =>
      (await read(owner, query)).body.entries.map((e) => `${e.actor.platform}:${e.action}`);
    expect(await people('?person=vk:7')).toEqual(['vk:campaign.publish', 'vk:campaign.update']);
    expect(await people('?person=ok:7')).toEqual(['ok:pool.import']);
    expect(await people('?person=telegram:7')).toEqual([]);
  });

  it('a bare id (an old link) and anything else that is no person are a 422 naming the field, with a reason code', async () => {
    await seed();
    const owner = w.user('agency_admin', 'audit', true);
    const refusal = async (person: string) => {
      const res = await w.call('GET', `/api/admin/audit?person=${encodeURIComponent(person)}`, owner);
      const body = (await res.json()) as { error: { code: string; issues: { path: string; code?: string }[] } };
      return [res.status, body.error.code, body.error.issues.map((i) => `${i.path}:${i.code}`)];
    };
    expect(await refusal('7')).toEqual([422, 'invalid_input', ['person:person_without_platform']]);
    for (const bad of ['max:7', 'vk:', 'vk:07', 'vk:7:8', ':7', 'VK:7', 'vk:abc', '']) {
      expect(await refusal(bad), bad).toEqual([422, 'invalid_input', ['person:not_a_person']]);
    }
  });
});

describe('GET /api/admin/office canSeeAudit', () => {
  it('item 3: true for the agency owner, a manager and a brand admin, false for the others', async () => {
    w = await createOfficeMatrixWorld();
    const office = async (user: number) =>
      ((await (await w.call('GET', '/api/admin/office', user)).json()) as { canSeeAudit: boolean }).canSeeAudit;
    expect(await office(w.user('agency_admin', 'audit', true))).toBe(true);
    expect(await office(w.user('brand_admin', 'audit', true))).toBe(true);
    expect(await office(w.user('brand_member', 'audit', true))).toBe(false);
    expect(await office(w.user('agency_manager_wide', 'audit', true))).toBe(true);
    expect(await office(w.stranger)).toBe(false);
  });
});

/** The id of the membership row `user` holds with `role` in the world's first agency. */
async function membershipOf(user: number, role: 'agency_manager') {
  const { memberships } = schema;
  const [row] = await w.deps.db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.platformUserId, String(user)), eq(memberships.role, role)));
  if (!row) throw new Error(`no ${role} row for ${user}`);
  return row.id;
}

describe('GET /api/admin/audit: agency-level entries (issue 15)', () => {
  const FOREIGN_OWNER = 49_001;

  /** White label and manager coverage changed through their routes in agency 1, white label in agency 2. */
  async function agencyLevelWrites() {
    w = await createOfficeMatrixWorld();
    const { own, sibling, foreign } = w.tenants;
    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(FOREIGN_OWNER),
        agencyId: foreign.agencyId,
        brandId: null,
        role: 'agency_admin',
        sections: [],
      }),
    );
    const owner = w.user('agency_admin', 'audit', true);
    const settings = await w.call('PATCH', '/api/admin/agency/settings', owner, {
      agencyId: own.agencyId,
      name: 'Ours',
      savedAt: 0,
    });
    expect(settings.status).toBe(200);
    const manager = await membershipOf(w.user('agency_manager_brand', 'campaigns', true), 'agency_manager');
    const coverage = await w.call('PUT', `/api/admin/team/members/${manager}/brands`, owner, {
      brandIds: [own.brandId, sibling.brandId],
    });
    expect(coverage.status).toBe(200);
    const theirs = await w.call('PATCH', '/api/admin/agency/settings', FOREIGN_OWNER, {
      agencyId: foreign.agencyId,
      name: 'Theirs',
      savedAt: 0,
    });
    expect(theirs.status).toBe(200);
    // A brand write too, so every reader below has something of their own to see.
    await w.write((tx) =>
      recordAudit(tx, {
        actor: w.identity(7),
        brandId: own.brandId,
        section: 'campaigns',
        action: 'campaign.update',
        entity: 'campaign',
        entityId: 1,
      }),
    );
  }

  it('item 2: white label and manager coverage reach the agency owner, not a brand admin, a manager, nor another agency', async () => {
    await agencyLevelWrites();
    const { own, foreign } = w.tenants;
    const owner = await read(w.user('agency_admin', 'audit', true));
    expect(owner.status).toBe(200);
    const agencyRows = owner.body.entries.filter((e) => e.brandId === null);
    expect(agencyRows.map((e) => e.action)).toEqual(['member.update', 'agency.update_settings']);
    for (const e of agencyRows) expect([e.agencyId, e.agencyName, e.brandName]).toEqual([own.agencyId, 'Ours', null]);
    // The brand row carries its agency too.
    expect(owner.body.entries.find((e) => e.brandId === own.brandId)?.agencyId).toBe(own.agencyId);
    for (const role of ['brand_admin', 'agency_manager_wide', 'agency_manager_brand'] as const) {
      const res = await read(w.user(role, 'audit', true));
      expect(res.status, role).toBe(200);
      expect(res.body.entries.length, role).toBeGreaterThan(0);
      expect(
        res.body.entries.filter((e) => e.brandId === null),
        role,
      ).toEqual([]);
    }
    const stranger = await read(FOREIGN_OWNER);
    expect(stranger.body.entries.map((e) => [e.action, e.agencyId])).toEqual([
      ['agency.update_settings', foreign.agencyId],
    ]);
  });

  it('item 2: brandId=agency lists only the agency-level entries, and only to the owner', async () => {
    await agencyLevelWrites();
    const owner = await read(w.user('agency_admin', 'audit', true), '?brandId=agency');
    expect(owner.body.entries.map((e) => e.action)).toEqual(['member.update', 'agency.update_settings']);
    expect(owner.body.entries.every((e) => e.brandId === null)).toBe(true);
    const narrowed = await read(w.user('agency_admin', 'audit', true), '?brandId=agency&section=agency');
    expect(narrowed.body.entries.map((e) => e.action)).toEqual(['agency.update_settings']);
    for (const role of ['brand_admin', 'agency_manager_wide'] as const) {
      expect((await read(w.user(role, 'audit', true), '?brandId=agency')).status, role).toBe(403);
    }
    expect((await read(w.user('agency_admin', 'audit', true), '?brandId=agencies')).status).toBe(422);
  });

  it('item 1: entries written before agency_id existed still show by their brand, with its agency', async () => {
    w = await createOfficeMatrixWorld();
    const { own } = w.tenants;
    await w.write((tx) =>
      tx.insert(schema.officeAudit).values({
        brandId: own.brandId,
        agencyId: null,
        actorPlatform: 'vk',
        actorUserId: '7',
        section: 'campaigns',
        action: 'campaign.update',
        entity: 'campaign',
        entityId: '1',
      }),
    );
    for (const role of ['agency_admin', 'brand_admin'] as const) {
      const res = await read(w.user(role, 'audit', true));
      expect(
        res.body.entries.map((e) => [e.brandId, e.agencyId]),
        role,
      ).toEqual([[own.brandId, own.agencyId]]);
    }
  });
});
