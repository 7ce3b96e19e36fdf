/** How long a captured launch header stays usable, through the real middleware and app (docs/decisions/014). */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTestWorld,
  TEST_BOT_TOKEN,
  TEST_OK_KEY,
  TEST_OK_SECRET,
  TEST_VK_APP_ID,
  TEST_VK_SECRET,
  type TestWorld,
} from '../../tests/support/test-deps.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { signOkLaunch } from './ok-sign.ts';
import { signTelegramInitData } from './telegram-init-data.ts';
import { signVkLaunch } from './vk-sign.ts';

const TTL_MS = 86_400_000;
let w: TestWorld;
let app: ReturnType<typeof createApp>;

beforeEach(async () => {
  w = createTestWorld();
  app = createApp(w.deps);
});
afterEach(async () => w.close());

const me = async (authorization: string) => {
  const res = await app.request('/api/me', { headers: { Authorization: authorization } });
  return {
    status: res.status,
    code: res.ok ? undefined : ((await res.json()) as { error: { code: string } }).error.code,
  };
};
const nowS = () => Math.floor(w.clock.now / 1000);
const vkQuery = () => signVkLaunch({ vk_user_id: 5, vk_app_id: TEST_VK_APP_ID, vk_ts: nowS() }, TEST_VK_SECRET);

describe('item 4: an expired launch cannot replay through the verified-launch cache', () => {
  it('item 4: `vk%5Fts=` (same sign, hidden from a regex) expires after LAUNCH_PARAMS_TTL like `vk_ts=`', async () => {
    const respelled = `VK ${vkQuery().replace('vk_ts=', 'vk%5Fts=')}`;
    expect(respelled).toContain('vk%5Fts=');
    expect(await me(respelled)).toEqual({ status: 200 });
    w.clock.advance(TTL_MS + 1000);
    expect(await me(respelled)).toEqual({ status: 401, code: 'expired' });
  });

  it('item 4: the same holds for a plain `vk_ts`, a header with a leading "?" and Telegram `auth%5Fdate`', async () => {
    const plain = `VK ${vkQuery()}`;
    const question = `VK ?${vkQuery()}`;
    const tma = `tma ${signTelegramInitData({ auth_date: String(nowS()), user: '{"id":9}' }, TEST_BOT_TOKEN).replace('auth_date=', 'auth%5Fdate=')}`;
    for (const h of [plain, question, tma]) expect((await me(h)).status).toBe(200);
    w.clock.advance(TTL_MS + 1000);
    for (const h of [plain, question, tma]) expect(await me(h)).toEqual({ status: 401, code: 'expired' });
  });

  it('item 4: a repeated key (`vk_ts=…&vk_ts=…`, in either spelling) is refused, never cached', async () => {
    const fresh = vkQuery();
    const stale = `vk_ts=${nowS() - 2 * 86_400}`;
    expect(await me(`VK ${fresh}&${stale}`)).toEqual({ status: 401, code: 'malformed' });
    expect(await me(`VK ${stale}&${fresh}`)).toEqual({ status: 401, code: 'malformed' });
    expect(await me(`VK ${fresh}&${stale.replace('vk_ts', 'vk%5Fts')}`)).toEqual({ status: 401, code: 'malformed' });
  });
});

describe('item 5: an OK launch expires LAUNCH_PARAMS_TTL after the server first saw its session', () => {
  const okHeader = (sessionKey: string, extra: Record<string, string> = {}) =>
    `OK ${signOkLaunch({ logged_user_id: '575', session_key: sessionKey, application_key: TEST_OK_KEY, ...extra }, TEST_OK_SECRET)}`;

  it('item 5: a captured OK header stops working after the TTL, however often it was used', async () => {
    const header = okHeader('captured-session');
    expect((await me(header)).status).toBe(200);
    w.clock.advance(TTL_MS / 2);
    expect((await me(header)).status).toBe(200);
    w.clock.advance(TTL_MS / 2 + 1000);
    expect(await me(header)).toEqual({ status: 401, code: 'expired' });
  });

  it('item 5: changing unsigned fields or restarting the server does not restart the clock', async () => {
    expect((await me(okHeader('s1'))).status).toBe(200);
    w.clock.advance(TTL_MS + 1000);
    // A different raw header (cache miss) with the same signed session is just as old.
    expect(await me(okHeader('s1', { refplace: 'catalog' }))).toEqual({ status: 401, code: 'expired' });
    // A fresh app over the same database (a restart, or a second API process) remembers the first sighting.
    app = createApp({ ...w.deps, config: { ...w.config } });
    expect(await me(okHeader('s1'))).toEqual({ status: 401, code: 'expired' });
    // Another session of the same user starts its own clock.
    expect((await me(okHeader('s2'))).status).toBe(200);
  });

  it('item 5: keeps no session key in the database, only its hash', async () => {
    await me(okHeader('secret-session-key'));
    const rows = await w.deps.db.select().from(schema.okLaunchSessions);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain('secret-session-key');
  });
});
