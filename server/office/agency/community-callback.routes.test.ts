/**
 * Decision 084: the agency sets up a connected community's Callback API server in the office — VK's confirmation
 * string and the secret it chose — with the rights it has over the community's token. The secret is stored sealed
 * for its community and answered nowhere (not even masked: a person's secret may be short), nor in the audit log;
 * what was set is what `POST /vk/callback` then checks. Real HTTP app, real database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { GROUP_ID } from '../../promo/testing/promo-world.ts';
import { type AgencyWorld, createAgencyWorld, USERS } from './agency.test-world.ts';

const GROUP = 200_000_901;
const SECRET = 'ChosenSecret0123';
const CODE = 'c0de9f3a';

let w: AgencyWorld;
afterEach(async () => w?.close());

interface CommunityView {
  id: number;
  vkGroupId: number;
  updatedAt: number;
  callbackConfirmation: string | null;
  callbackSecretSet: boolean;
}

interface StatusView extends CommunityView {
  callbackByServer: boolean;
  callbackSettable: boolean;
  callbackAccepts: boolean;
  callbackConfirms: boolean;
}

describe('a community’s Callback API server in the agency office', () => {
  it('a secret without a confirmation string: VK is told why with a 409 (not a 500), and the office says so', async () => {
    w = await createAgencyWorld();
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const connected = await w.call('POST', `${base}/communities`, USERS.owner, {
      vkGroupId: GROUP,
      name: 'Club',
      callbackSecret: SECRET,
    });
    expect(connected.status).toBe(201);
    const status = (brand: { communities: StatusView[] }) => {
      const c = brand.communities.find((x) => x.vkGroupId === GROUP) as StatusView;
      return { accepts: c.callbackAccepts, confirms: c.callbackConfirms, byServer: c.callbackByServer };
    };
    const brand = await connected.json();
    const community = brand.communities.find((c: StatusView) => c.vkGroupId === GROUP);
    expect(status(brand)).toEqual({
      accepts: true,
      confirms: false,
      byServer: false,
    });
    const confirmation = () =>
      w.app.request('/vk/callback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'confirmation', group_id: GROUP, secret: SECRET }),
      });
    const refused = await confirmation();
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({
      error: {
        code: 'confirmation_not_set',
        message: `Community ${GROUP} has no confirmation string set up here: set it on the brand's page in the agency office`,
      },
    });
    // Set in the office, VK is then confirmed and the office stops warning.
    const edited = await w.call('PATCH', `${base}/communities/${community.id}`, USERS.owner, {
      callbackConfirmation: CODE,
      savedAt: community.updatedAt,
    });
    expect(status(await edited.json())).toEqual({ accepts: true, confirms: true, byServer: false });
    const confirmed = await confirmation();
    expect([confirmed.status, await confirmed.text()]).toEqual([200, CODE]);
  });

  it('stores the code and the secret, answers the code and only whether a secret is set, and VK is then answered', async () => {
    w = await createAgencyWorld();
    const bodies: string[] = [];
    const call = async (method: string, path: string, body?: unknown, user: number = USERS.owner) => {
      const res = await w.call(method, path, user, body);
      const text = await res.text();
      bodies.push(text);
      return { status: res.status, body: JSON.parse(text) };
    };
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const ours = (b: { communities: CommunityView[] }) => b.communities.find((c) => c.vkGroupId === GROUP);

    const connected = await call('POST', `${base}/communities`, {
      vkGroupId: GROUP,
      name: 'Club',
      callbackConfirmation: CODE,
      callbackSecret: SECRET,
    });
    expect(connected.status).toBe(201);
    const community = ours(connected.body) as CommunityView;
    expect(community).toMatchObject({ callbackConfirmation: CODE, callbackSecretSet: true });

    const callback = (secret: string, type = 'confirmation') =>
      w.app.request('/vk/callback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type, group_id: GROUP, secret }),
      });
    const confirmed = await callback(SECRET);
    expect([confirmed.status, await confirmed.text()]).toEqual([200, CODE]);
    expect((await callback('WrongSecret0123')).status).toBe(403);

    // Same rights as the token: a brand role or another brand's manager may not; the brand's manager may.
    const path = `${base}/communities/${community.id}`;
    const replaced = { callbackSecret: 'ReplacedSecret42', savedAt: community.updatedAt };
    expect((await call('PATCH', path, replaced, USERS.brandAdmin)).status).toBe(403);
    expect((await call('PATCH', path, replaced, USERS.managerOfOther)).status).toBe(403);
    const edited = await call('PATCH', path, replaced, USERS.managerOfBrand);
    expect(edited.status).toBe(200);
    expect(ours(edited.body)).toMatchObject({ callbackConfirmation: CODE, callbackSecretSet: true });
    expect((await callback(SECRET)).status).toBe(403);
    expect((await callback('ReplacedSecret42')).status).toBe(200);

    // Removing the secret leaves the community refusing every update, never taking an unsigned one.
    const savedAt = (ours(edited.body) as CommunityView).updatedAt;
    const removed = await call('PATCH', path, { callbackSecret: null, savedAt });
    expect(ours(removed.body)).toMatchObject({ callbackSecretSet: false });
    expect((await callback('ReplacedSecret42')).status).toBe(403);
    expect((await callback('')).status).toBe(403);

    const listed = await call('GET', '/api/admin/agency/brands');
    const fetched = await call('GET', base);
    expect([listed.status, fetched.status]).toEqual([200, 200]);
    const audit = JSON.stringify(await w.auditRows());
    expect((await w.auditRows()).map((a) => a.action)).toEqual([
      'community.connect',
      'community.set_callback',
      'community.set_callback',
    ]);
    const [row] = await w.deps.db.select().from(schema.communities);
    for (const text of [...bodies, audit, JSON.stringify(row)]) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain('ReplacedSecret42');
      expect(text).not.toContain('Secret0');
    }
  });

  it('refuses a secret or code VK would not take with 422 naming the field, nothing written', async () => {
    w = await createAgencyWorld();
    const base = `/api/admin/agency/brands/${w.brandId}`;
    for (const [field, value] of [
      ['callbackSecret', 'short1'],
      ['callbackSecret', 'has space inside'],
      ['callbackSecret', 'x'.repeat(51)],
      ['callbackConfirmation', ''],
      ['callbackConfirmation', 'код123'],
    ] as const) {
      const res = await w.call('POST', `${base}/communities`, USERS.owner, {
        vkGroupId: GROUP,
        name: 'C',
        [field]: value,
      });
      expect(res.status).toBe(422);
      const text = await res.text();
      // A refused secret is not said back either.
      if (field === 'callbackSecret') expect(text).not.toContain(value);
      const { error } = JSON.parse(text) as { error: { issues: { path: string }[] } };
      expect([...new Set(error.issues.map((i) => i.path))]).toEqual([field]);
    }
    expect(await w.deps.db.select().from(schema.communities)).toEqual(
      expect.not.arrayContaining([expect.objectContaining({ vkGroupId: GROUP })]),
    );
    expect(await w.auditRows()).toHaveLength(0);
  });

  it('the configured community keeps its env secret and code; without VK_GROUP_ID the env still answers the others', async () => {
    const confirm = async (world: AgencyWorld, groupId: number, secret: string) => {
      const res = await world.app.request('/vk/callback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type: 'confirmation', group_id: groupId, secret }),
      });
      return [res.status, await res.text()];
    };
    const env = { VK_CALLBACK_SECRET: 'EnvSecret0123', VK_CONFIRMATION_CODE: 'envc0de' };
    const setUp = async (world: AgencyWorld, vkGroupId: number) => {
      const base = `/api/admin/agency/brands/${world.brandId}`;
      const brand = await (await world.call('GET', base, USERS.owner)).json();
      const community = (brand.communities as CommunityView[]).find((c) => c.vkGroupId === vkGroupId);
      const path = `${base}/communities/${community?.id}`;
      const body = { callbackConfirmation: CODE, callbackSecret: SECRET, savedAt: community?.updatedAt };
      expect((await world.call('PATCH', path, USERS.owner, body)).status).toBe(200);
    };

    // VK_GROUP_ID set: its community answers with the env values even when the office stored others for it.
    w = await createAgencyWorld({ ...env, VK_GROUP_ID: String(GROUP_ID) });
    await setUp(w, GROUP_ID);
    // The office says so, rather than showing what is stored as what is used: what the route does (decision 094).
    const byServer = async (world: AgencyWorld) => {
      const brand = await (await world.call('GET', `/api/admin/agency/brands/${world.brandId}`, USERS.owner)).json();
      return (brand.communities as StatusView[]).map((c) => [
        c.vkGroupId,
        { byServer: c.callbackByServer, settable: c.callbackSettable, accepts: c.callbackAccepts },
      ]);
    };
    expect(await byServer(w)).toEqual([[GROUP_ID, { byServer: true, settable: false, accepts: true }]]);
    expect(await confirm(w, GROUP_ID, env.VK_CALLBACK_SECRET)).toEqual([200, env.VK_CONFIRMATION_CODE]);
    expect((await confirm(w, GROUP_ID, SECRET))[0]).toBe(403);
    // A community not connected here: 403 even with the env secret.
    expect((await confirm(w, 777_777, env.VK_CALLBACK_SECRET))[0]).toBe(403);
    await w.close();

    // No VK_GROUP_ID (as before 084: the env secret answers any community), but one with its own secret uses it.
    w = await createAgencyWorld(env);
    expect(await confirm(w, 777_777, env.VK_CALLBACK_SECRET)).toEqual([200, env.VK_CONFIRMATION_CODE]);
    // Before 094 the office said this community refused events while the env secret confirmed it and took them.
    expect(await confirm(w, GROUP_ID, env.VK_CALLBACK_SECRET)).toEqual([200, env.VK_CONFIRMATION_CODE]);
    expect(await byServer(w)).toEqual([[GROUP_ID, { byServer: true, settable: true, accepts: true }]]);
    await setUp(w, GROUP_ID);
    expect(await byServer(w)).toEqual([[GROUP_ID, { byServer: false, settable: true, accepts: true }]]);
    expect(await confirm(w, GROUP_ID, SECRET)).toEqual([200, CODE]);
    expect((await confirm(w, GROUP_ID, env.VK_CALLBACK_SECRET))[0]).toBe(403);
  });
});
