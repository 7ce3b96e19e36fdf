/** The web entry's VK ID login against the fake VK ID (tests/fakes/vk-id.ts), and the session it gives. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkId, startFakeVkId } from '../../../tests/fakes/vk-id.ts';
import { createPromoWorld, type PromoWorld } from '../../promo/testing/promo-world.ts';

const CLIENT_ID = '52000001';
const ORIGIN = 'http://localhost';
let fake: FakeVkId;
let w: PromoWorld;

beforeAll(async () => {
  fake = await startFakeVkId({ clientId: CLIENT_ID, user: { userId: 4242, firstName: 'Анна', lastName: 'К' } });
});
afterAll(() => fake.close());
afterEach(() => w?.close());

const world = (env: Record<string, string> = {}) =>
  createPromoWorld({ VK_ID_APP_ID: CLIENT_ID, VK_ID_BASE_URL: fake.url, WEB_SESSION_TTL: '3600', ...env });

/** `name=value` of each Set-Cookie (an emptied one has an empty value). */
function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0) out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}
const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** Starts a login; returns the login cookie and VK ID's redirect back (as the browser would follow it). */
async function startLogin() {
  const start = await w.app.request('/api/web/login?lang=en');
  expect(start.status).toBe(302);
  const jar = cookiesOf(start);
  const back = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  expect(back.status).toBe(302);
  return { jar, back: new URL(back.headers.get('location') ?? '') };
}

async function login(): Promise<{ jar: Record<string, string>; res: Response }> {
  const { jar, back } = await startLogin();
  const res = await w.app.request(`/api/web/callback${back.search}`, { headers: { cookie: cookieHeader(jar) } });
  return { jar: { ...jar, ...cookiesOf(res) }, res };
}

describe('item 2: VK ID login for the web entry', () => {
  it('item 2: login succeeds and the session is the same VK user as a launch inside VK (same tickets)', async () => {
    w = await world();
    const { jar, res } = await login();
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/web/');
    const set = res.headers.getSetCookie().find((l) => l.startsWith('promo_web_session='));
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Lax/);
    expect(set).toMatch(/Max-Age=3600/);
    expect(set).not.toMatch(/Secure/); // http://localhost only
    const me = await w.app.request('/api/me', { headers: { cookie: cookieHeader(jar) } });
    expect(await me.json()).toMatchObject({ platform: 'vk', userId: '4242', appId: '51000001', language: 'en' });

    const campaignId = await w.campaign();
    const opened = await w.call('POST', '/api/support/tickets', 4242, { campaignId, subject: 'Код', body: 'Где код?' });
    expect(opened.status).toBe(201);
    const tickets = await w.app.request('/api/support/tickets', { headers: { cookie: cookieHeader(jar) } });
    expect(((await tickets.json()) as { tickets: unknown[] }).tickets).toHaveLength(1);
  });

  it('item 2: Secure is set when the entry is not plain-http localhost', async () => {
    w = await world();
    const start = await w.app.request('https://promo.example/api/web/login');
    expect(start.headers.getSetCookie()[0]).toMatch(/Secure/);
  });

  it('item 2: a wrong state is refused and sets no session', async () => {
    w = await world();
    const { jar, back } = await startLogin();
    back.searchParams.set('state', 'forged-state');
    const res = await w.app.request(`/api/web/callback${back.search}`, { headers: { cookie: cookieHeader(jar) } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'login_state_mismatch' } });
    expect(cookiesOf(res).promo_web_session).toBeUndefined();
  });

  it('item 2: a callback without the login cookie (another browser) is refused', async () => {
    w = await world();
    const { back } = await startLogin();
    const res = await w.app.request(`/api/web/callback${back.search}`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'login_not_started' } });
  });

  it('item 2: a replayed code is refused by VK ID and gives no session', async () => {
    w = await world();
    const { jar, back } = await startLogin();
    const first = await w.app.request(`/api/web/callback${back.search}`, { headers: { cookie: cookieHeader(jar) } });
    expect(first.status).toBe(302);
    const again = await w.app.request(`/api/web/callback${back.search}`, { headers: { cookie: cookieHeader(jar) } });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: { code: 'vk_id_refused' } });
    expect(cookiesOf(again).promo_web_session).toBeUndefined();
    expect(fake.exchanges.at(-1)).toMatchObject({ ok: false, error: 'invalid_grant' });
  });

  it('item 2: an expired session cookie is refused (401 expired), judged by its signed expiry', async () => {
    w = await world();
    const { jar } = await login();
    w.clock.advance(3601_000);
    const me = await w.app.request('/api/me', { headers: { cookie: cookieHeader(jar) } });
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ error: { code: 'expired' } });
  });

  it('item 2: a tampered session cookie (another user id) is refused', async () => {
    w = await world();
    const { jar } = await login();
    const forged = { promo_web_session: (jar.promo_web_session ?? '').replace(/^4242/, '4243') };
    expect(forged.promo_web_session).not.toBe(jar.promo_web_session);
    const me = await w.app.request('/api/me', { headers: { cookie: cookieHeader(forged) } });
    expect(me.status).toBe(401);
    expect(await me.json()).toMatchObject({ error: { code: 'bad_signature' } });
    // Not a signed value at all: said so, not "Authorization header is missing".
    const garbage = await w.app.request('/api/me', { headers: { cookie: 'promo_web_session=garbage' } });
    expect(garbage.status).toBe(401);
    expect(await garbage.json()).toMatchObject({ error: { code: 'bad_signature' } });
  });

  it('item 2: a cross-site write with the session cookie is refused (CSRF); the same origin is let through', async () => {
    w = await world();
    const { jar } = await login();
    const campaignId = await w.campaign();
    const body = JSON.stringify({ campaignId, subject: 'x', body: 'y' });
    const post = (headers: Record<string, string>) =>
      w.app.request('/api/support/tickets', {
        method: 'POST',
        body,
        headers: { cookie: cookieHeader(jar), 'Content-Type': 'application/json', ...headers },
      });
    const evil = await post({ Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' });
    expect(evil.status).toBe(403);
    expect(await evil.json()).toMatchObject({ error: { code: 'csrf_refused' } });
    expect((await post({})).status).toBe(403);
    expect((await post({ 'Content-Type': 'text/plain', Origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ Origin: ORIGIN })).status).toBe(201);
    expect((await post({ 'Sec-Fetch-Site': 'same-origin' })).status).toBe(201);
    const tickets = await w.call('GET', '/api/support/tickets', 4242);
    expect(((await tickets.json()) as { tickets: unknown[] }).tickets).toHaveLength(2);
  });

  it('item 2: logout clears the session cookie; logout itself is CSRF-checked', async () => {
    w = await world();
    const { jar } = await login();
    const evil = await w.app.request('/api/web/logout', {
      method: 'POST',
      headers: { cookie: cookieHeader(jar), Origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    const out = await w.app.request('/api/web/logout', {
      method: 'POST',
      headers: { cookie: cookieHeader(jar), Origin: ORIGIN },
    });
    expect(out.status).toBe(200);
    const after = { ...jar, ...cookiesOf(out) };
    expect(after.promo_web_session).toBe('');
    expect((await w.app.request('/api/me', { headers: { cookie: cookieHeader(after) } })).status).toBe(401);
    const session = await w.app.request('/api/web/session', { headers: { cookie: cookieHeader(after) } });
    expect(await session.json()).toMatchObject({ signedIn: false, vkAppUrl: 'https://vk.com/app51000001' });
  });

  it('logout ends the session on the server: a copy of the cookie signs no one in; a new login does (found from outside)', async () => {
    w = await world();
    const { jar } = await login();
    const copy = cookieHeader(jar);
    expect((await w.app.request('/api/me', { headers: { cookie: copy } })).status).toBe(200);
    w.clock.advance(1000);
    const out = await w.app.request('/api/web/logout', { method: 'POST', headers: { cookie: copy, Origin: ORIGIN } });
    expect(out.status).toBe(200);
    // The cookie kept from before the logout (another tab, or stolen) is refused, reads and writes alike.
    const me = await w.app.request('/api/me', { headers: { cookie: copy } });
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe('expired');
    const session = await w.app.request('/api/web/session', { headers: { cookie: copy } });
    expect(await session.json()).toMatchObject({ signedIn: false, reason: 'expired' });
    w.clock.advance(1000);
    const again = await login();
    expect((await w.app.request('/api/me', { headers: { cookie: cookieHeader(again.jar) } })).status).toBe(200);
  });

  it('item 2: without VK_ID_APP_ID the web entry is off: no login, and a session cookie identifies nobody', async () => {
    w = await world();
    const { jar } = await login();
    w.close();
    w = await createPromoWorld();
    expect((await w.app.request('/api/web/login')).status).toBe(404);
    expect((await w.app.request('/api/me', { headers: { cookie: cookieHeader(jar) } })).status).toBe(401);
  });

  it('a VK ID user id above 2^53 − 1 is refused (502, no session), as a launch vk_user_id is; 2^53 − 1 signs in (found from outside)', async () => {
    // Before: VK ID naming user 9007199254740992 signed them in; the same number in a launch is refused (launch-ids.ts).
    w = await world();
    const before = fake.user;
    try {
      // As a JSON number it already failed (no number holds it); written as a string, it was taken.
      for (const userId of [2 ** 53, '9007199254740993', '99999999999999999999']) {
        fake.user = { userId, firstName: 'Big', lastName: 'Id' };
        const refused = await login();
        expect(refused.res.status, String(userId)).toBe(502);
        expect(((await refused.res.json()) as { error: { message: string } }).error.message).toMatch(/user_id/);
        expect(refused.jar.promo_web_session ?? '').toBe('');
      }
      fake.user = { userId: Number.MAX_SAFE_INTEGER, firstName: 'Max', lastName: 'Id' };
      const taken = await login();
      const me = await w.app.request('/api/me', { headers: { cookie: cookieHeader(taken.jar) } });
      expect(await me.json()).toMatchObject({ platform: 'vk', userId: '9007199254740991' });
    } finally {
      fake.user = before;
    }
  });
});
