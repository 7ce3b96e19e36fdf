/** The agency API: who may do what, one audit row per write, tokens never answered, switching a brand off and on. */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_VK_SECRET } from '../../../tests/support/test-deps.ts';
import { signVkLaunch } from '../../auth/vk-sign.ts';
import { schema } from '../../db/client.ts';
import { GROUP_ID } from '../../promo/testing/promo-world.ts';
import { type AgencyWorld, createAgencyWorld, USERS } from './agency.test-world.ts';
import { communityToken } from './agency-secrets.ts';

const TOKEN = `vk1.a.${'Q7xZ'.repeat(40)}f3c9`;
const SECRET = 'AppSecureKey0123456789';
const NEW_GROUP = 200000900;

let w: AgencyWorld;
afterEach(async () => w?.close());

/** Every body, audit row and stored column must miss the token and any 12 characters of its middle. */
function expectNoToken(text: string) {
  expect(text).not.toContain(TOKEN);
  expect(text).not.toContain(TOKEN.slice(20, 32));
  expect(text).not.toContain(SECRET.slice(4, 16));
}

describe('agency API', () => {
  it('item 1: the agency rule — owner and managers of the brand may, brand roles and other agencies may not, and not-yours answers as not-there', async () => {
    w = await createAgencyWorld();
    const statusOf = async (user: number, brandId: number) =>
      (await w.call('GET', `/api/admin/agency/brands/${brandId}`, user)).status;
    expect(await statusOf(USERS.owner, w.brandId)).toBe(200);
    expect(await statusOf(USERS.managerAll, w.brandId)).toBe(200);
    expect(await statusOf(USERS.managerOfBrand, w.brandId)).toBe(200);
    expect(await statusOf(USERS.managerOfOther, w.brandId)).toBe(403);
    expect(await statusOf(USERS.brandAdmin, w.brandId)).toBe(403);
    expect(await statusOf(USERS.brandMember, w.brandId)).toBe(403);
    expect(await statusOf(USERS.participant, w.brandId)).toBe(403);
    const notYours = await w.call('GET', `/api/admin/agency/brands/${w.otherAgencyBrandId}`, USERS.owner);
    const notThere = await w.call('GET', '/api/admin/agency/brands/99999', USERS.owner);
    expect(notYours.status).toBe(403);
    expect(await notYours.json()).toEqual(await notThere.json());

    const listed = async (user: number) =>
      ((await (await w.call('GET', '/api/admin/agency/brands', user)).json()) as { brands: { id: number }[] }).brands
        .map((b) => b.id)
        .sort();
    expect(await listed(USERS.owner)).toEqual([w.brandId, w.otherBrandId].sort());
    expect(await listed(USERS.managerOfBrand)).toEqual([w.brandId]);
    // A brand role is no agency role: the office gate refuses it before the route runs.
    expect((await w.call('GET', '/api/admin/agency/brands', USERS.brandAdmin)).status).toBe(403);
    expect(await listed(USERS.otherOwner)).toEqual([w.otherAgencyBrandId]);

    const create = (user: number, agencyId = w.agencyId) =>
      w.call('POST', '/api/admin/agency/brands', user, { agencyId, name: 'New brand' });
    expect((await create(USERS.managerOfBrand)).status).toBe(403);
    expect((await create(USERS.brandAdmin)).status).toBe(403);
    expect((await create(USERS.owner, w.otherAgencyId)).status).toBe(403);
    expect((await create(USERS.owner, 99999)).status).toBe(403);
    expect((await w.auditRows()).length).toBe(0);
    expect((await create(USERS.managerAll)).status).toBe(201);
    expect((await create(USERS.owner)).status).toBe(201);
    expect((await w.auditRows()).map((a) => a.action)).toEqual(['brand.create', 'brand.create']);
  });

  it('item 2: a token is stored sealed and appears nowhere in full — not in answers, the audit log or the table', async () => {
    w = await createAgencyWorld();
    const bodies: string[] = [];
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await w.call(method, path, USERS.owner, body);
      const text = await res.text();
      bodies.push(text);
      return { status: res.status, body: JSON.parse(text) };
    };
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const connected = await call('POST', `${base}/communities`, { vkGroupId: NEW_GROUP, name: 'Club', token: TOKEN });
    expect(connected.status).toBe(201);
    const community = connected.body.communities.find((c: { vkGroupId: number }) => c.vkGroupId === NEW_GROUP);
    expect(community.token).toBe('vk1.a…f3c9');
    const app = await call('POST', `${base}/apps`, {
      name: 'Second app',
      vkAppId: 51000999,
      vkSecret: SECRET,
      vkServiceToken: TOKEN,
    });
    expect(app.status).toBe(201);
    const appRow = app.body.apps.find((a: { vkAppId: number }) => a.vkAppId === 51000999);
    expect(appRow.vkServiceToken).toBe('vk1.a…f3c9');
    const replaced = await call('PATCH', `${base}/communities/${community.id}`, {
      token: `${TOKEN}X`,
      savedAt: community.updatedAt,
    });
    expect(replaced.status).toBe(200);
    await call('PATCH', `${base}/apps/${appRow.id}`, { vkSecret: `${SECRET}2`, savedAt: appRow.updatedAt });
    await call('GET', '/api/admin/agency/brands');
    for (const text of bodies) expectNoToken(text);

    const audit = await w.auditRows();
    expect(audit.map((a) => a.action)).toEqual([
      'community.connect',
      'app.connect',
      'community.replace_token',
      'app.replace_token',
    ]);
    for (const row of audit) expectNoToken(JSON.stringify(row));
    expect(audit[2]?.before).toMatchObject({ token: 'vk1.a…f3c9' });
    expect(audit[2]?.after).toMatchObject({ token: 'vk1.a…3c9X' });

    const stored = await w.deps.db.select().from(schema.communities);
    for (const row of stored) expectNoToken(JSON.stringify(row));
    expect(await communityToken(w.deps, NEW_GROUP)).toBe(`${TOKEN}X`);
  });

  it('an OK app key or a Telegram bot id belongs to one app: another brand connecting it is 409 app_taken (found from outside)', async () => {
    w = await createAgencyWorld();
    const app = (brandId: number, body: Record<string, unknown>, method = 'POST', id = '') =>
      w.call(method, `/api/admin/agency/brands/${brandId}/apps${id}`, USERS.owner, { name: 'App', ...body });
    const created = await app(w.brandId, { okAppKey: 'OKKEY1', telegramBotId: '777000' });
    expect(created.status).toBe(201);
    const refused = [
      await app(w.otherBrandId, { okAppKey: 'OKKEY1' }),
      await app(w.otherBrandId, { telegramBotId: '777000' }),
    ];
    for (const res of refused)
      expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([409, 'app_taken']);
    const other = await app(w.otherBrandId, { okAppKey: 'OKKEY2' });
    expect(other.status).toBe(201);
    const otherId = ((await other.json()) as { apps: { id: number; okAppKey: string | null }[] }).apps.find(
      (a) => a.okAppKey === 'OKKEY2',
    )?.id;
    expect((await app(w.otherBrandId, { okAppKey: 'OKKEY1', savedAt: 0 }, 'PATCH', `/${otherId}`)).status).toBe(409);
    // Its own key again is no conflict.
    expect((await app(w.otherBrandId, { okAppKey: 'OKKEY2', savedAt: 0 }, 'PATCH', `/${otherId}`)).status).toBe(200);
    const keys = (await w.deps.db.select().from(schema.apps)).map((a) => a.okAppKey).filter(Boolean);
    expect(keys.filter((k) => k?.startsWith('OKKEY')).sort()).toEqual(['OKKEY1', 'OKKEY2']);
  });

  it("a brand's own VK app launches with the secure key the agency stored for it, into that brand's campaigns (found from outside)", async () => {
    w = await createAgencyWorld();
    const mine = await w.campaign();
    const theirs = await w.campaign();
    const connected = await w.call('POST', `/api/admin/agency/brands/${w.otherBrandId}/apps`, USERS.owner, {
      name: 'Other brand app',
      vkAppId: 51000999,
      vkSecret: SECRET,
    });
    expect(connected.status).toBe(201);
    const appRow = (
      (await connected.json()) as { apps: { id: number; vkAppId: number; updatedAt: number }[] }
    ).apps.find((a) => a.vkAppId === 51000999);
    await w.write((tx) =>
      tx
        .update(schema.campaigns)
        .set({ brandId: w.otherBrandId, appId: appRow?.id })
        .where(eq(schema.campaigns.id, theirs)),
    );
    const launch = (appId: number, secret: string) =>
      `VK ${signVkLaunch({ vk_user_id: USERS.participant, vk_app_id: appId, vk_ts: Math.floor(w.clock.now / 1000), vk_language: 'ru', vk_platform: 'mobile_android' }, secret)}`;
    const get = (path: string, auth: string) => w.app.request(path, { headers: { Authorization: auth } });
    const listed = async (auth: string) =>
      ((await (await get('/api/campaigns', auth)).json()) as { campaigns: { id: number }[] }).campaigns.map(
        (c) => c.id,
      );
    expect(await listed(launch(51000999, SECRET))).toEqual([theirs]);
    expect(await listed(w.vkAuth(USERS.participant))).toEqual([mine]);
    // The share link leads back into the app the participant launched.
    const opened = await w.app.request(`/api/campaigns/${theirs}/open`, {
      method: 'POST',
      headers: { Authorization: launch(51000999, SECRET), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(opened.status).toBe(200);
    const state = (await opened.json()) as { state: { participant: { shareLink: string } } };
    expect(state.state.participant.shareLink).toMatch(/^https:\/\/vk\.com\/app51000999#/);
    // Signed with another app's key, or for an app connected nowhere: refused.
    const refused = async (auth: string) => {
      const res = await get('/api/campaigns', auth);
      return [res.status, ((await res.json()) as { error: { code: string } }).error.code];
    };
    expect(await refused(launch(51000999, TEST_VK_SECRET))).toEqual([401, 'bad_signature']);
    expect(await refused(launch(51000777, SECRET))).toEqual([401, 'wrong_app']);
    // A key replaced in the office is the one that verifies from then on.
    await w.call('PATCH', `/api/admin/agency/brands/${w.otherBrandId}/apps/${appRow?.id}`, USERS.owner, {
      vkSecret: `${SECRET}2`,
      savedAt: appRow?.updatedAt,
    });
    // (A launch verified before stays good until its age runs out: VK signed it while that key was the app's.)
    w.clock.advance(1000);
    expect(await refused(launch(51000999, SECRET))).toEqual([401, 'bad_signature']);
    expect(await listed(launch(51000999, `${SECRET}2`))).toEqual([theirs]);
    // A stored key no SECRETS_KEY opens (a rotation gone wrong) refuses that app's launches with a 401, not a 500.
    await w.write((tx) =>
      tx.update(schema.apps).set({ vkSecretCiphertext: 'v1.unknown.x.y.z' }).where(eq(schema.apps.vkAppId, 51000999)),
    );
    w.clock.advance(1000);
    expect(await refused(launch(51000999, `${SECRET}2`))).toEqual([401, 'wrong_app']);
  });

  it('item 2: the sender asks the server for a community token: the stored one, else the configured one, none when switched off', async () => {
    w = await createAgencyWorld({ VK_GROUP_ID: String(GROUP_ID), VK_GROUP_TOKEN: 'config-token-123456' });
    expect(await communityToken(w.deps, GROUP_ID)).toBe('config-token-123456');
    expect(await communityToken(w.deps, 123)).toBeUndefined();
    const [community] = await w.deps.db.select().from(schema.communities);
    const base = `/api/admin/agency/brands/${w.brandId}`;
    expect(
      (
        await w.call('PATCH', `${base}/communities/${community?.id}`, USERS.owner, {
          token: TOKEN,
          savedAt: community?.updatedAt,
        })
      ).status,
    ).toBe(200);
    expect(await communityToken(w.deps, GROUP_ID)).toBe(TOKEN);
    expect((await w.call('POST', `${base}/switch-off`, USERS.owner)).status).toBe(200);
    expect(await communityToken(w.deps, GROUP_ID)).toBeUndefined();
  });

  it('item 1: switching a brand off stops its campaigns and closes it to brand roles, the agency keeps it; on restores', async () => {
    w = await createAgencyWorld();
    const campaignId = await w.campaign();
    const participantSees = async () => (await w.call('GET', `/api/campaigns/${campaignId}`, USERS.participant)).status;
    const memberBrands = async () =>
      ((await (await w.call('GET', '/api/admin/office', USERS.brandAdmin)).json()) as { brands: unknown[] }).brands;
    const memberList = async () =>
      (await w.call('GET', `/api/admin/campaigns?brandId=${w.brandId}`, USERS.brandAdmin)).status;
    expect(await participantSees()).toBe(200);
    expect(await memberBrands()).toHaveLength(1);
    expect(await memberList()).toBe(200);

    const off = await w.call('POST', `/api/admin/agency/brands/${w.brandId}/switch-off`, USERS.managerOfBrand);
    expect(off.status).toBe(200);
    expect(((await off.json()) as { disabledAt: number | null }).disabledAt).toBe(w.clock.now);
    expect(await participantSees()).toBe(404);
    expect((await w.call('GET', '/api/campaigns', USERS.participant)).status).toBe(200);
    expect(
      ((await (await w.call('GET', '/api/campaigns', USERS.participant)).json()) as { campaigns: unknown[] }).campaigns,
    ).toEqual([]);
    expect(await memberBrands()).toEqual([]);
    expect(await memberList()).toBe(403);
    // The agency still reaches it, to switch it back on; a second switch-off is refused and leaves no audit row.
    expect((await w.call('GET', `/api/admin/agency/brands/${w.brandId}`, USERS.owner)).status).toBe(200);
    expect((await w.call('GET', `/api/admin/campaigns?brandId=${w.brandId}`, USERS.owner)).status).toBe(200);
    expect((await w.call('POST', `/api/admin/agency/brands/${w.brandId}/switch-off`, USERS.owner)).status).toBe(409);
    expect((await w.call('POST', `/api/admin/agency/brands/${w.brandId}/switch-off`, USERS.brandAdmin)).status).toBe(
      403,
    );

    expect((await w.call('POST', `/api/admin/agency/brands/${w.brandId}/switch-on`, USERS.owner)).status).toBe(200);
    expect(await participantSees()).toBe(200);
    expect(await memberBrands()).toHaveLength(1);
    expect(await memberList()).toBe(200);
    const audit = await w.auditRows();
    expect(audit.map((a) => [a.action, a.brandId])).toEqual([
      ['brand.switch_off', w.brandId],
      ['brand.switch_on', w.brandId],
    ]);
    // The switch-off's row also says what it closed unsent (decision 064): nothing was queued here.
    expect(audit[0]?.after).toEqual({ disabledAt: w.clock.now, closedMessages: 0, cancelledBroadcasts: 0 });
    expect(audit[1]?.after).toEqual({ disabledAt: null });
  });

  it('item 3: white label — owner only, https or a small data: image, #rrggbb; brand members read it from the office', async () => {
    w = await createAgencyWorld();
    const save = (user: number, body: Record<string, unknown>) =>
      w.call('PATCH', '/api/admin/agency/settings', user, { agencyId: w.agencyId, savedAt: 0, ...body });
    expect((await save(USERS.managerAll, { name: 'Nope' })).status).toBe(403);
    expect((await save(USERS.otherOwner, { name: 'Nope' })).status).toBe(403);
    expect((await w.call('GET', `/api/admin/agency/settings?agencyId=${w.agencyId}`, USERS.brandAdmin)).status).toBe(
      403,
    );
    expect((await save(USERS.owner, { logoUrl: 'http://example.com/logo.png' })).status).toBe(422);
    expect((await save(USERS.owner, { logoUrl: 'javascript:alert(1)' })).status).toBe(422);
    const big = `data:image/png;base64,${Buffer.alloc(64 * 1024 + 1).toString('base64')}`;
    expect((await save(USERS.owner, { logoUrl: big })).status).toBe(422);
    expect((await save(USERS.owner, { accent: 'red' })).status).toBe(422);
    expect((await w.auditRows()).length).toBe(0);

    const logo = `data:image/png;base64,${Buffer.alloc(1000, 7).toString('base64')}`;
    const saved = await save(USERS.owner, { name: 'Северный ветер', logoUrl: logo, accent: '#1a7f5a' });
    expect(saved.status).toBe(200);
    const office = (await (await w.call('GET', '/api/admin/office', USERS.brandMember)).json()) as {
      agencies: unknown[];
    };
    expect(office.agencies).toEqual([
      {
        id: w.agencyId,
        name: 'Северный ветер',
        logoUrl: logo,
        accent: '#1a7f5a',
        role: 'brand_member',
        canManage: false,
      },
    ]);
    const audit = await w.auditRows();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'agency.update_settings', section: 'agency', brandId: null });
    expect(JSON.stringify(audit[0]?.after)).not.toContain(logo.slice(30, 60));
  });

  it('item 1: connecting a community another brand has is a 409 and writes nothing', async () => {
    w = await createAgencyWorld();
    const res = await w.call('POST', `/api/admin/agency/brands/${w.otherBrandId}/communities`, USERS.owner, {
      vkGroupId: GROUP_ID,
      name: 'Dup',
    });
    expect(res.status).toBe(409);
    expect(await w.auditRows()).toEqual([]);
    expect((await w.deps.db.select().from(schema.communities)).length).toBe(1);
  });
});
