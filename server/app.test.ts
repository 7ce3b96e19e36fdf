import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestWorld, TEST_VK_APP_ID, type TestWorld } from '../tests/support/test-deps.ts';
import { createApp } from './app.ts';
import { seedDemo } from './seed/demo-seed.ts';

let world: TestWorld;
let app: ReturnType<typeof createApp>;
let groupId: number;

beforeEach(async () => {
  world = createTestWorld();
  groupId = (await seedDemo(world.deps.db, world.config, world.clock.now)).groupId;
  app = createApp(world.deps);
});
afterEach(async () => world.close());

const get = (path: string, authorization?: string) =>
  app.request(path, authorization ? { headers: { Authorization: authorization } } : {});

describe('GET /api/health', () => {
  it('answers without auth', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });
});

describe('GET /api/me', () => {
  it('returns the verified VK identity, with community and role', async () => {
    const res = await get(
      '/api/me',
      world.vkAuth(77, { vk_group_id: groupId, vk_viewer_group_role: 'admin', vk_language: 'en' }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      platform: 'vk',
      userId: '77',
      appId: String(TEST_VK_APP_ID),
      groupId,
      viewerGroupRole: 'admin',
      language: 'en',
      platformDetail: 'mobile_android',
    });
  });

  it('accepts OK and Telegram launches', async () => {
    expect(await (await get('/api/me', world.okAuth('9001'))).json()).toMatchObject({ platform: 'ok', userId: '9001' });
    expect(await (await get('/api/me', world.tmaAuth(555))).json()).toMatchObject({
      platform: 'telegram',
      userId: '555',
    });
  });

  it.each([
    ['no header', undefined, 'missing'],
    ['an unknown scheme', 'Bearer abc', 'malformed'],
    ['garbage after VK', 'VK %%%', 'malformed'],
    [
      'a forged sign',
      'VK vk_user_id=1&vk_app_id=51000001&vk_ts=1&sign=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'bad_signature',
    ],
  ])('refuses %s with 401 and code %s', async (_name, header, code) => {
    const res = await get('/api/me', header);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('refuses an expired launch and another app', async () => {
    const stale = world.vkAuth(1);
    world.clock.advance(86_401_000);
    expect((await (await get('/api/me', stale)).json()).error.code).toBe('expired');
    const other = world.vkAuth(1, { vk_app_id: 999 });
    expect((await (await get('/api/me', other)).json()).error.code).toBe('wrong_app');
  });

  it('never answers 500 to a huge or binary header', async () => {
    const res = await get('/api/me', `VK ${'a'.repeat(10_000)}`);
    expect(res.status).toBe(401);
  });
});

describe('GET /api/campaigns', () => {
  it("lists the community's live campaigns with their phase", async () => {
    const res = await get('/api/campaigns', world.vkAuth(5, { vk_group_id: groupId }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { campaigns: Array<{ slug: string; phase: string }> };
    expect(body.campaigns.map((c) => c.slug)).toEqual(['summer-tasks', 'brand-quiz', 'lucky-wheel']);
    expect(body.campaigns.every((c) => c.phase === 'running')).toBe(true);
  });

  it("says which local dates each start and end fall on in the campaign's own time zone", async () => {
    const res = await get('/api/campaigns', world.vkAuth(5, { vk_group_id: groupId }));
    type Dated = { startsAt: number; endsAt: number; timeZone: string; startsOn: string; endsOn: string };
    const { campaigns } = (await res.json()) as { campaigns: Dated[] };
    expect(campaigns.length).toBeGreaterThan(0);
    for (const c of campaigns) {
      // en-CA writes dates as YYYY-MM-DD: ICU itself as the oracle.
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: c.timeZone });
      expect([c.startsOn, c.endsOn]).toEqual([day.format(c.startsAt), day.format(c.endsAt)]);
    }
  });

  it('shows nothing for another community', async () => {
    const res = await get('/api/campaigns', world.vkAuth(5, { vk_group_id: 1 }));
    expect(((await res.json()) as { campaigns: unknown[] }).campaigns).toEqual([]);
  });

  it('gets one campaign; unknown is 404, a bad id 422', async () => {
    const auth = world.vkAuth(5, { vk_group_id: groupId });
    expect((await get('/api/campaigns/1', auth)).status).toBe(200);
    const missing = await get('/api/campaigns/999', auth);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('campaign_not_found');
    const bad = await get('/api/campaigns/abc', auth);
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe('id');
  });

  it('requires auth', async () => {
    expect((await get('/api/campaigns')).status).toBe(401);
  });
});

describe('POST /api/client-errors', () => {
  it('accepts a report and refuses an empty one', async () => {
    const post = (body: string) =>
      app.request('/api/client-errors', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect((await post(JSON.stringify({ message: 'boom', screen: '#/' }))).status).toBe(202);
    expect((await post(JSON.stringify({ message: '' }))).status).toBe(422);
    expect((await post('{not json')).status).toBeLessThan(500);
  });
});

describe('GET /api/openapi.json', () => {
  it('documents every route with the shared error schema and the launch auth scheme', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/health', '/api/me', '/api/campaigns', '/api/campaigns/{id}', '/api/client-errors']) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(doc.components.schemas.Error).toBeDefined();
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)),
    );
    const undocumented = app.routes
      .filter((r) => r.method !== 'ALL' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`)
      .filter((r) => !documented.has(r));
    expect(undocumented).toEqual([]);
    expect(doc.components.securitySchemes.LaunchParams).toBeDefined();
  });
});

describe('unknown routes', () => {
  it('answer 404 in the JSON error shape', async () => {
    const res = await get('/api/nope');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('CORS', () => {
  it('answers preflights and marks responses readable from any origin', async () => {
    const pre = await app.request('/api/me', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://vk.com',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    const res = await app.request('/api/health', { headers: { Origin: 'https://vk.com' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('body size', () => {
  it('refuses a declared body over 1 MB with 413 before reading it', async () => {
    const res = await app.request('/api/client-errors', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(2 * 1024 * 1024) },
      body: '{}',
    });
    expect(res.status).toBe(413);
    const { error } = await res.json();
    expect(error.code).toBe('payload_too_large');
    // The limit travels with the refusal, so the office can name it ("не больше 1 МБ").
    expect(error.issues).toEqual([
      { path: 'body', code: 'byte_limit', params: { max: 1024 * 1024 }, message: expect.any(String) },
    ]);
  });
});

describe('routing', () => {
  it("keeps every route within Hono's RegExpRouter (the fast one SmartRouter picks when it can)", async () => {
    await app.request('/api/health');
    const router = (app as unknown as { router: { activeRouter?: { name: string } } }).router;
    expect(router.activeRouter?.name).toBe('RegExpRouter');
  });
});
