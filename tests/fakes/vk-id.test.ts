import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkId, startFakeVkId } from './vk-id.ts';

const CLIENT_ID = '52000001';
const REDIRECT = 'http://localhost:9999/api/web/callback';
let fake: FakeVkId;

beforeAll(async () => {
  fake = await startFakeVkId({ clientId: CLIENT_ID, user: { userId: 4242, firstName: 'Анна', lastName: 'К' } });
});
afterAll(() => fake.close());

async function authorize(verifier: string, state = 'st-1') {
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT_ID,
    redirect_uri: REDIRECT,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    scope: 'vkid.personal_info',
  });
  const res = await fetch(`${fake.url}/authorize?${q}`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

const exchange = (back: URL, verifier: string) =>
  fetch(`${fake.url}/oauth2/auth`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: back.searchParams.get('code') ?? '',
      code_verifier: verifier,
      client_id: CLIENT_ID,
      device_id: back.searchParams.get('device_id') ?? '',
      redirect_uri: REDIRECT,
      state: back.searchParams.get('state') ?? '',
    }),
  });

describe('item 1: fake VK ID', () => {
  it('item 1: authorize redirects back with code, state, device_id; the code exchanges once for a token and user_info', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const back = await authorize(verifier, 'abc');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('abc');
    expect(back.searchParams.get('type')).toBe('code_v2');
    expect(back.searchParams.get('device_id')).toBeTruthy();
    const res = await exchange(back, verifier);
    expect(res.status).toBe(200);
    const tokens = (await res.json()) as { access_token: string; user_id: number; token_type: string; state: string };
    expect(tokens).toMatchObject({ user_id: 4242, token_type: 'Bearer', state: 'abc' });
    const info = await fetch(`${fake.url}/oauth2/user_info`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: CLIENT_ID, access_token: tokens.access_token }),
    });
    expect(await info.json()).toMatchObject({ user: { user_id: '4242', first_name: 'Анна' } });

    const replay = await exchange(back, verifier);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('item 1: a wrong code_verifier is refused and burns the code', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const back = await authorize(verifier);
    const wrong = await exchange(back, randomBytes(32).toString('base64url'));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await exchange(back, verifier)).status).toBe(400);
  });

  it('item 1: an unknown access token gets no user_info; a plain challenge method is refused', async () => {
    const info = await fetch(`${fake.url}/oauth2/user_info`, {
      method: 'POST',
      body: new URLSearchParams({ client_id: CLIENT_ID, access_token: 'nope' }),
    });
    expect(info.status).toBe(401);
    const plain = await fetch(
      `${fake.url}/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT_ID, redirect_uri: REDIRECT, state: 's', code_challenge: 'x', code_challenge_method: 'plain' })}`,
      { redirect: 'manual' },
    );
    expect(plain.status).toBe(400);
  });
});
