/**
 * `npm start`'s local VK ID (local-vk-id.ts): only where the demo's launches are signed with a generated secret, and
 * it signs in only the demo users, each picked on its chooser page; the code it gives goes through the same exchange
 * the server makes with id.vk.com.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { DEMO_PARTICIPANT_VK_ID } from '../../seed/demo-ids.ts';
import { LOCAL_VK_ID_APP_ID, standsInVkId, startLocalVkId } from './local-vk-id.ts';
import { vkIdUser } from './vk-id-client.ts';
import type { RunningVkIdStandIn } from './vk-id-stand-in.ts';

const dataPath = () => join(mkdtempSync(join(tmpdir(), 'local-vk-id-')), 'app.db');
const REDIRECT = 'http://localhost:8080/api/web/callback';
const VERIFIER = 'v'.repeat(43);
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

describe('when npm start stands VK ID in', () => {
  it('only with a generated VK secret, outside production, and with no VK ID app of its own', () => {
    expect(standsInVkId(loadConfig({ DATABASE_PATH: dataPath() }))).toBe(true);
    expect(standsInVkId(loadConfig({ DATABASE_PATH: dataPath(), VK_APP_SECRET: 'a-real-app-key' }))).toBe(false);
    expect(standsInVkId(loadConfig({ DATABASE_PATH: dataPath(), VK_ID_APP_ID: '52000001' }))).toBe(false);
    const production = loadConfig({
      DATABASE_PATH: dataPath(),
      NODE_ENV: 'production',
      VK_APP_ID: '51000001',
      VK_APP_SECRET: 'a-real-app-key',
      SECRETS_KEY: 'a1'.repeat(32),
    });
    expect(standsInVkId(production)).toBe(false);
  });
});

describe('the local VK ID', () => {
  let vkId: RunningVkIdStandIn;
  beforeAll(async () => {
    vkId = await startLocalVkId();
  });
  afterAll(() => vkId.close());

  const authorize = (extra: Record<string, string> = {}) => {
    const url = new URL(`${vkId.url}/authorize`);
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id: String(LOCAL_VK_ID_APP_ID),
      redirect_uri: REDIRECT,
      state: 'state-1',
      code_challenge: CHALLENGE,
      code_challenge_method: 'S256',
      ...extra,
    }))
      url.searchParams.set(k, v);
    return fetch(url, { redirect: 'manual' });
  };

  it('asks who to sign in as: the four demo users, and nobody else', async () => {
    const page = await authorize();
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const html = await page.text();
    expect([...html.matchAll(/data-user="(\d+)"/g)].map((m) => m[1])).toEqual(['100001', '100003', '100002', '100004']);
    // Any other id is not signed in: the chooser again, no code.
    const stranger = await authorize({ user: '777' });
    expect(stranger.status).toBe(200);
    expect(stranger.headers.get('location')).toBeNull();
  });

  it("refuses what VK ID refuses before asking (another app's client id)", async () => {
    const res = await authorize({ client_id: '52000001' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_client' });
  });

  it("signs the picked demo user in; the server's exchange with the verifier reads that VK user id", async () => {
    const picked = await authorize({ user: String(DEMO_PARTICIPANT_VK_ID) });
    expect(picked.status).toBe(302);
    const back = new URL(picked.headers.get('location') ?? '');
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-1');
    const exchange = {
      baseUrl: vkId.url,
      clientId: LOCAL_VK_ID_APP_ID,
      code: back.searchParams.get('code') ?? '',
      deviceId: back.searchParams.get('device_id') ?? '',
      redirectUri: REDIRECT,
      state: 'state-1',
    };
    await expect(vkIdUser({ ...exchange, codeVerifier: 'w'.repeat(43) })).rejects.toMatchObject({
      code: 'invalid_grant',
    });
    // The refused attempt used the code up (one exchange per code, whatever its outcome): a fresh one.
    const again = new URL((await authorize({ user: String(DEMO_PARTICIPANT_VK_ID) })).headers.get('location') ?? '');
    const userId = await vkIdUser({
      ...exchange,
      code: again.searchParams.get('code') ?? '',
      deviceId: again.searchParams.get('device_id') ?? '',
      codeVerifier: VERIFIER,
    });
    expect(userId).toBe(String(DEMO_PARTICIPANT_VK_ID));
  });
});
