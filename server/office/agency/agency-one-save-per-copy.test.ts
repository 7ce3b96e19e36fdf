/**
 * The agency's settings, a brand's name and its communities and apps take one save per copy (decision 045's check,
 * office/one-save-per-copy.ts): two agency people editing the same copy no longer silently overwrite each other —
 * the later save on an older copy is 409 `saved_meanwhile`, writes nothing and leaves no audit row.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { type AgencyWorld, createAgencyWorld, USERS } from './agency.test-world.ts';
import { communityToken } from './agency-secrets.ts';

const TOKEN = 'vk1.a.community-token-0001f3c9';
const NEW_GROUP = 200000888;

let w: AgencyWorld;
afterEach(async () => w?.close());

interface Answer {
  status: number;
  code?: string;
  body: Record<string, unknown>;
}

async function call(method: string, path: string, user: number, body?: unknown): Promise<Answer> {
  const res = await w.call(method, path, user, body);
  const json = (await res.json()) as Record<string, unknown> & { error?: { code: string } };
  return { status: res.status, code: json.error?.code, body: json };
}

describe('agency settings: one save per copy', () => {
  it('a save on a copy saved meanwhile is 409 saved_meanwhile and writes nothing; the later copy saves', async () => {
    w = await createAgencyWorld();
    const settings = `/api/admin/agency/settings?agencyId=${w.agencyId}`;
    const save = (body: Record<string, unknown>) =>
      call('PATCH', '/api/admin/agency/settings', USERS.owner, { agencyId: w.agencyId, ...body });
    const copy = (await call('GET', settings, USERS.owner)).body as { updatedAt: number };

    const first = await save({ name: 'Первый', savedAt: copy.updatedAt });
    const second = await save({ accent: '#112233', savedAt: copy.updatedAt });
    expect([first.status, second.status, second.code]).toEqual([200, 409, 'saved_meanwhile']);
    expect((await call('GET', settings, USERS.owner)).body).toMatchObject({ name: 'Первый', accent: null });
    expect((await w.auditRows()).map((a) => a.action)).toEqual(['agency.update_settings']);

    // The copy the first save answered saves; switching the community admin claim leaves it good.
    expect(
      (await call('PUT', `/api/admin/team/agency/${w.agencyId}/community-claim`, USERS.owner, { allow: true })).status,
    ).toBe(200);
    const next = await save({ accent: '#112233', savedAt: first.body.updatedAt });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ name: 'Первый', accent: '#112233', allowCommunityAdminClaim: true });
    // A save that names no copy is refused as input, naming the field.
    const bare = await save({ name: 'Без копии' });
    expect([bare.status, JSON.stringify(bare.body)]).toEqual([422, expect.stringContaining('savedAt')]);
  });

  it('two saves of one copy at once: one lands, the other is refused', async () => {
    w = await createAgencyWorld();
    const copy = (await call('GET', `/api/admin/agency/settings?agencyId=${w.agencyId}`, USERS.owner)).body;
    const both = await Promise.all(
      ['Один', 'Другой'].map((name) =>
        call('PATCH', '/api/admin/agency/settings', USERS.owner, {
          agencyId: w.agencyId,
          name,
          savedAt: copy.updatedAt,
        }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await w.auditRows()).toHaveLength(1);
  });
});

describe("a brand's communities and apps: one save per copy", () => {
  it('replacing a token on a copy saved meanwhile is 409 saved_meanwhile; the token the first save stored stays', async () => {
    w = await createAgencyWorld();
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const connected = await call('POST', `${base}/communities`, USERS.owner, { vkGroupId: NEW_GROUP, name: 'Club' });
    const app = await call('POST', `${base}/apps`, USERS.managerOfBrand, { name: 'App', vkAppId: 51000999 });
    expect([connected.status, app.status]).toEqual([201, 201]);
    type Brand = {
      communities: { id: number; vkGroupId: number; updatedAt: number }[];
      apps: { id: number; updatedAt: number }[];
    };
    const copy = (await call('GET', base, USERS.owner)).body as unknown as Brand;
    const community = copy.communities.find((c) => c.vkGroupId === NEW_GROUP);
    const appCopy = copy.apps[0];

    // Two agency people, each on the page they opened: the owner and the brand's manager.
    const path = `${base}/communities/${community?.id}`;
    const mine = await call('PATCH', path, USERS.owner, { token: TOKEN, savedAt: community?.updatedAt });
    const theirs = await call('PATCH', path, USERS.managerOfBrand, {
      token: `${TOKEN}X`,
      savedAt: community?.updatedAt,
    });
    expect([mine.status, theirs.status, theirs.code]).toEqual([200, 409, 'saved_meanwhile']);
    expect(await communityToken(w.deps, NEW_GROUP)).toBe(TOKEN);

    const appPath = `${base}/apps/${appCopy?.id}`;
    const secret = await call('PATCH', appPath, USERS.owner, {
      vkSecret: 'SecureKey0001',
      savedAt: appCopy?.updatedAt,
    });
    const name = await call('PATCH', appPath, USERS.managerOfBrand, { name: 'Renamed', savedAt: appCopy?.updatedAt });
    expect([secret.status, name.status, name.code]).toEqual([200, 409, 'saved_meanwhile']);
    const [appRow] = await w.deps.db
      .select()
      .from(schema.apps)
      .where(eq(schema.apps.id, appCopy?.id ?? 0));
    expect(appRow?.name).toBe('App');

    expect((await w.auditRows()).map((a) => a.action)).toEqual([
      'community.connect',
      'app.connect',
      'community.replace_token',
      'app.replace_token',
    ]);
    // The copy the first save answered is the one to edit next; an edit naming no copy is refused as input.
    const fresh = (secret.body as unknown as Brand).apps[0];
    expect(
      (await call('PATCH', appPath, USERS.managerOfBrand, { name: 'Renamed', savedAt: fresh?.updatedAt })).status,
    ).toBe(200);
    expect((await call('PATCH', path, USERS.owner, { name: 'Club 2' })).status).toBe(422);
  });

  it('two token replacements of one copy at once: one lands, the other is refused', async () => {
    w = await createAgencyWorld();
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const [community] = (
      (await call('GET', base, USERS.owner)).body as { communities: { id: number; updatedAt: number }[] }
    ).communities;
    const both = await Promise.all(
      [TOKEN, `${TOKEN}X`].map((token) =>
        call('PATCH', `${base}/communities/${community?.id}`, USERS.owner, { token, savedAt: community?.updatedAt }),
      ),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await w.auditRows()).toHaveLength(1);
  });
});

describe("a brand's rename: one save per copy", () => {
  it('a rename on a copy saved meanwhile is 409 saved_meanwhile and writes nothing; switching off leaves a copy good', async () => {
    w = await createAgencyWorld();
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const copy = (await call('GET', base, USERS.owner)).body as { name: string; updatedAt: number };
    const before = await w.auditRows();

    // Two agency people on the brand page they each opened: the owner and the brand's manager.
    const mine = await call('PATCH', base, USERS.owner, { name: 'Бренд владельца', savedAt: copy.updatedAt });
    const theirs = await call('PATCH', base, USERS.managerOfBrand, {
      name: 'Бренд менеджера',
      savedAt: copy.updatedAt,
    });
    expect([mine.status, theirs.status, theirs.code]).toEqual([200, 409, 'saved_meanwhile']);
    expect((await call('GET', base, USERS.owner)).body).toMatchObject({ name: 'Бренд владельца' });
    expect((await w.auditRows()).slice(before.length).map((a) => a.action)).toEqual(['brand.rename']);

    // Switching the brand off and on is not a rename: the copy the first rename answered still saves.
    expect((await call('POST', `${base}/switch-off`, USERS.owner)).status).toBe(200);
    expect((await call('POST', `${base}/switch-on`, USERS.owner)).status).toBe(200);
    const next = await call('PATCH', base, USERS.managerOfBrand, { name: 'Бренд', savedAt: mine.body.updatedAt });
    expect([next.status, next.body.name]).toEqual([200, 'Бренд']);
    // A rename that names no copy is refused as input, naming the field.
    const bare = await call('PATCH', base, USERS.owner, { name: 'Без копии' });
    expect([bare.status, JSON.stringify(bare.body)]).toEqual([422, expect.stringContaining('savedAt')]);
  });

  it('two renames of one copy at once: one lands, the other is refused', async () => {
    w = await createAgencyWorld();
    const base = `/api/admin/agency/brands/${w.brandId}`;
    const copy = (await call('GET', base, USERS.owner)).body as { updatedAt: number };
    const before = (await w.auditRows()).length;
    const both = await Promise.all(
      ['Один', 'Другой'].map((name) => call('PATCH', base, USERS.owner, { name, savedAt: copy.updatedAt })),
    );
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await w.auditRows()).toHaveLength(before + 1);
  });
});
