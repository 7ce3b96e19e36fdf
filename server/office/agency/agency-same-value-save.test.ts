/**
 * Save pressed with nothing edited, on the agency's pages (decisions 067, 098): the brand's name, the white label, a
 * community and an app, each saved on the copy it was read with and with the values it has, answers 200 with the
 * state as it stands, moves no `updatedAt` (the office's «Сохранено …» time and the copy a colleague's open form
 * names) and writes no audit row, so the colleague's save of that copy still lands. Before, each moved `updatedAt`
 * (the colleague got 409 `saved_meanwhile` for nothing), and the community and app saves wrote an audit row whose
 * before and after were alike. A token typed again is the one stored; another token with the same mask is a change.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type AgencyWorld, createAgencyWorld, USERS } from './agency.test-world.ts';
import { communityToken } from './agency-secrets.ts';

const TOKEN = 'vk1.a.community-token-0001f3c9';
/** Another token that the office shows with the same mask (first 5 and last 4 characters). */
const LOOKALIKE = 'vk1.a.community-token-9999f3c9';
const GROUP = 200000888;

let w: AgencyWorld;
afterEach(async () => w?.close());

// biome-ignore lint/suspicious/noExplicitAny: answers of several routes, read field by field.
type Body = any;
async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Body }> {
  const res = await w.call(method, path, USERS.owner, body);
  return { status: res.status, body: await res.json() };
}
const auditCount = async () => (await w.auditRows()).length;

describe('a save that changes nothing moves no copy and records nothing', () => {
  it("the brand's name saved as it is: same copy, no audit row; a colleague's rename of that copy lands", async () => {
    w = await createAgencyWorld();
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const copy = (await call('GET', base)).body;
    const rows = await auditCount();

    const same = await call('PATCH', base, { name: copy.name, savedAt: copy.updatedAt });
    expect([same.status, same.body]).toEqual([200, copy]);
    expect(await auditCount()).toBe(rows);
    const colleague = await call('PATCH', base, { name: 'Новое имя', savedAt: copy.updatedAt });
    expect([colleague.status, colleague.body.name]).toEqual([200, 'Новое имя']);
    expect(await auditCount()).toBe(rows + 1);
    // The same name on the copy saved over is still that copy's conflict.
    const stale = await call('PATCH', base, { name: 'Новое имя', savedAt: copy.updatedAt });
    expect([stale.status, stale.body.error?.code]).toEqual([409, 'saved_meanwhile']);
  });

  it('the white label saved as it is: same copy, no audit row; a colleague’s save of that copy lands', async () => {
    w = await createAgencyWorld();
    const save = (body: object) => call('PATCH', '/api/admin/agency/settings', { agencyId: w.agencyId, ...body });
    const first = await save({
      name: 'Агентство',
      accent: '#112233',
      savedAt: (await call('GET', `/api/admin/agency/settings?agencyId=${w.agencyId}`)).body.updatedAt,
    });
    expect(first.status).toBe(200);
    const copy = first.body;
    const rows = await auditCount();

    const same = await save({ name: copy.name, logoUrl: copy.logoUrl, accent: copy.accent, savedAt: copy.updatedAt });
    expect([same.status, same.body]).toEqual([200, copy]);
    expect(await auditCount()).toBe(rows);
    const colleague = await save({ accent: '#445566', savedAt: copy.updatedAt });
    expect([colleague.status, colleague.body.accent]).toEqual([200, '#445566']);
    expect(await auditCount()).toBe(rows + 1);
  });

  it('a community saved as it is (its name, its token typed again, its callback): same copy, no audit row', async () => {
    w = await createAgencyWorld();
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const connected = await call('POST', `${base}/communities`, {
      vkGroupId: GROUP,
      name: 'Club',
      token: TOKEN,
      callbackConfirmation: 'a1b2c3d4',
      callbackSecret: 'CallbackSecret1',
    });
    expect(connected.status).toBe(201);
    const copy = connected.body.communities.find((c: { vkGroupId: number }) => c.vkGroupId === GROUP);
    const path = `${base}/communities/${copy.id}`;
    const rows = await auditCount();

    for (const same of [
      { name: 'Club' },
      { token: TOKEN },
      { callbackConfirmation: 'a1b2c3d4', callbackSecret: 'CallbackSecret1' },
      { name: 'Club', token: TOKEN, callbackConfirmation: 'a1b2c3d4' },
    ]) {
      const again = await call('PATCH', path, { ...same, savedAt: copy.updatedAt });
      expect([again.status, again.body]).toEqual([200, connected.body]);
    }
    expect(await auditCount()).toBe(rows);

    // Another token shown with the same mask is a change: stored, recorded, the copy moved.
    const other = await call('PATCH', path, { token: LOOKALIKE, savedAt: copy.updatedAt });
    expect(other.status).toBe(200);
    expect(await communityToken(w.deps, GROUP)).toBe(LOOKALIKE);
    expect((await w.auditRows()).slice(rows).map((a) => a.action)).toEqual(['community.replace_token']);
  });

  it('an app saved as it is (its ids, its name, its secure key typed again): same copy, no audit row', async () => {
    w = await createAgencyWorld();
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const made = await call('POST', `${base}/apps`, { name: 'App', vkAppId: 51000999, vkSecret: 'SecureKey0001' });
    expect(made.status).toBe(201);
    const copy = made.body.apps.find((a: { vkAppId: number }) => a.vkAppId === 51000999);
    const path = `${base}/apps/${copy.id}`;
    const rows = await auditCount();

    for (const same of [
      { name: 'App', vkAppId: 51000999 },
      { vkSecret: 'SecureKey0001', okAppKey: null },
      { name: 'App', vkServiceToken: null },
    ]) {
      const again = await call('PATCH', path, { ...same, savedAt: copy.updatedAt });
      expect([again.status, again.body]).toEqual([200, made.body]);
    }
    expect(await auditCount()).toBe(rows);
    const colleague = await call('PATCH', path, { name: 'App 2', savedAt: copy.updatedAt });
    expect(colleague.status).toBe(200);
    expect((await w.auditRows()).slice(rows).map((a) => a.action)).toEqual(['app.update']);
  });
});
