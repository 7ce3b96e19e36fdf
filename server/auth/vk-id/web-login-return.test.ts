/**
 * The web entry's login comes back to the screen it was started from (a deep link such as `/web/#/campaign/1`) and
 * in the language it was started in: the route rides in the signed login cookie, is checked as an in-app hash route
 * both ways (never an open redirect), and the session endpoint tells the page the session's language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkId, startFakeVkId } from '../../../tests/fakes/vk-id.ts';
import { closedAfterTest } from '../../../tests/support/world-per-test.ts';
import { createPromoWorld, type PromoWorld } from '../../promo/testing/promo-world.ts';
import { RETURN_ROUTE_MAX, returnRoute } from './web-login.routes.ts';

const CLIENT_ID = '52000001';
let fake: FakeVkId;
let w: PromoWorld;

beforeAll(async () => {
  fake = await startFakeVkId({ clientId: CLIENT_ID, user: { userId: 4343, firstName: 'Борис', lastName: 'П' } });
});
afterAll(() => fake.close());

const world = async () =>
  closedAfterTest(
    await createPromoWorld({ VK_ID_APP_ID: CLIENT_ID, VK_ID_BASE_URL: fake.url, WEB_SESSION_TTL: '3600' }),
  );

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

/** The whole login from `/api/web/login?<query>`: where the callback sends the browser, and the cookies it has. */
async function loginFrom(query: string): Promise<{ location: string | null; jar: Record<string, string> }> {
  const start = await w.app.request(`/api/web/login?${query}`);
  expect(start.status).toBe(302);
  const jar = cookiesOf(start);
  const back = new URL(
    (await fetch(start.headers.get('location') ?? '', { redirect: 'manual' })).headers.get('location') ?? '',
  );
  const res = await w.app.request(`/api/web/callback${back.search}`, { headers: { cookie: cookieHeader(jar) } });
  expect(res.status).toBe(302);
  return { location: res.headers.get('location'), jar: { ...jar, ...cookiesOf(res) } };
}

describe('the web entry’s login returns to the asked screen, in the asked language', () => {
  it('lands on the deep-linked route, and the session says its language (ru, then en)', async () => {
    w = await world();
    const ru = await loginFrom(`lang=ru&route=${encodeURIComponent('/campaign/1')}`);
    expect(ru.location).toBe('/web/#/campaign/1');
    const session = await w.app.request('/api/web/session', { headers: { cookie: cookieHeader(ru.jar) } });
    expect(await session.json()).toMatchObject({ signedIn: true, userId: '4343', language: 'ru' });

    const en = await loginFrom(`lang=en&route=${encodeURIComponent('#/campaign/2/prizes?tab=1')}`);
    expect(en.location).toBe('/web/#/campaign/2/prizes?tab=1');
    const again = await w.app.request('/api/web/session', { headers: { cookie: cookieHeader(en.jar) } });
    expect(await again.json()).toMatchObject({ signedIn: true, language: 'en' });
    const me = await w.app.request('/api/me', { headers: { cookie: cookieHeader(en.jar) } });
    expect(await me.json()).toMatchObject({ language: 'en' });
  });

  it('never redirects outside the app: an unsafe or overlong route is dropped and the login lands on home', async () => {
    w = await world();
    for (const route of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/campaign/1\r\nSet-Cookie: x=1',
      'javascript:alert(1)',
      '/campaign/<script>',
      `/campaign/${'1'.repeat(RETURN_ROUTE_MAX)}`,
    ]) {
      const { location } = await loginFrom(`lang=en&route=${encodeURIComponent(route)}`);
      expect(location, route).toBe('/web/');
    }
    expect((await loginFrom('lang=ru')).location).toBe('/web/');
    expect((await loginFrom('route=%2F')).location).toBe('/web/');
  });

  it('returnRoute passes only the app’s own hash routes', () => {
    expect(returnRoute('/campaign/12/reward/discount%2015')).toBe('/campaign/12/reward/discount%2015');
    expect(returnRoute('#/invite/abc_DEF-123')).toBe('/invite/abc_DEF-123');
    expect(returnRoute('/admin/campaign/3/')).toBe('/admin/campaign/3/');
    for (const bad of ['', 'campaign/1', '//x', '/a//b', '/a b', '/%zz', '/a#b', '##/a', 'http:/x', '/é']) {
      expect(returnRoute(bad), bad).toBeUndefined();
    }
  });
});
