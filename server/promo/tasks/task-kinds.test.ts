/** Every task kind through the HTTP API, with VK answered by the fake VK API: verified, denied and lying clients. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkApi, startFakeVkApi } from '../../../tests/fakes/vk-api.ts';
import { TEST_VK_APP_ID } from '../../../tests/support/test-deps.ts';
import { schema } from '../../db/client.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../testing/promo-world.ts';
import { confirmMessagesAllowedByKey } from './allow-messages-key.ts';

let fake: FakeVkApi;
let w: PromoWorld;
let campaignId: number;

beforeAll(async () => {
  fake = await startFakeVkApi();
});
afterAll(async () => fake.close());
afterEach(async () => {
  w.close();
  fake.reset();
});

async function setup(kind: Parameters<PromoWorld['task']>[2], config: Record<string, unknown> = {}) {
  w = await createPromoWorld({
    VK_API_BASE_URL: fake.url,
    VK_SERVICE_TOKEN: `service:${TEST_VK_APP_ID}`,
    VK_GROUP_ID: String(GROUP_ID),
    VK_GROUP_TOKEN: `group:${GROUP_ID}`,
  });
  campaignId = await w.campaign();
  await w.task(campaignId, 't', kind, config);
  for (const user of [1, 2])
    expect((await w.call('POST', `/api/campaigns/${campaignId}/open`, user, {})).status).toBe(200);
}

async function act(user: number, step: 'start' | 'complete', body: unknown = {}) {
  const res = await w.call(
    'POST',
    `/api/campaigns/${campaignId}/tasks/t/${step}`,
    user,
    step === 'start' ? undefined : body,
  );
  const json = await res.json();
  if (res.status !== 200) return { status: res.status, ...json };
  return json.task as { state: string; level: string | null; failure: string | null; action: Record<string, unknown> };
}

describe('join_community (groups.isMember)', () => {
  it('is done, server-verified, only when VK says the user is a member', async () => {
    await setup('join_community');
    expect((await act(1, 'start')).action.groupId).toBe(GROUP_ID);
    // Lying client: says it joined, VK says no.
    expect(await act(1, 'complete', { result: 'done' })).toMatchObject({ state: 'failed', failure: 'not_member' });
    fake.addMember(GROUP_ID, 1);
    expect(await act(1, 'complete', {})).toMatchObject({ state: 'done', level: 'server_verified' });
    expect(fake.calls.some((c) => c.method === 'groups.isMember')).toBe(true);
  });

  it('records a denial without asking VK, and a VK failure as retryable', async () => {
    await setup('join_community');
    expect(await act(1, 'complete', { result: 'denied' })).toMatchObject({ state: 'failed', failure: 'denied' });
    fake.failNext('groups.isMember', 10);
    fake.addMember(GROUP_ID, 2);
    expect(await act(2, 'complete', {})).toMatchObject({ state: 'failed', failure: 'check_unavailable' });
    expect(await act(2, 'complete', {})).toMatchObject({ state: 'done' });
  });
});

describe('allow_messages', () => {
  it('is done by messages.isMessagesFromGroupAllowed, not by the client saying so', async () => {
    await setup('allow_messages');
    expect(await act(1, 'complete', { result: 'done' })).toMatchObject({ state: 'failed', failure: 'not_allowed' });
    fake.allowMessages(GROUP_ID, 1);
    expect(await act(1, 'complete', {})).toMatchObject({ state: 'done', level: 'server_verified' });
  });

  it('is done when the bot sees message_allow with the participant key from this user and community', async () => {
    await setup('allow_messages');
    const key = (await act(1, 'start')).action.key as string;
    expect(key).toMatch(/^[\w-]{16}$/);
    expect((await confirmMessagesAllowedByKey(w.deps.db, 'unknown', 1, GROUP_ID)).status).toBe('unknown_key');
    expect((await confirmMessagesAllowedByKey(w.deps.db, key, 2, GROUP_ID)).status).toBe('user_mismatch');
    expect((await confirmMessagesAllowedByKey(w.deps.db, key, 1, GROUP_ID + 1)).status).toBe('group_mismatch');
    expect(await confirmMessagesAllowedByKey(w.deps.db, key, 1, GROUP_ID)).toMatchObject({
      status: 'confirmed',
      campaignId,
    });
    expect((await confirmMessagesAllowedByKey(w.deps.db, key, 1, GROUP_ID)).status).toBe('already_done');
    const state = await (await w.call('GET', `/api/campaigns/${campaignId}/state`, 1)).json();
    expect(state.tasks[0]).toMatchObject({ state: 'done', level: 'server_verified' });
    // A second start keeps the same key.
    expect((await act(2, 'start')).action.key).not.toBe(key);
  });
});

describe('allow_notifications (apps.isNotificationsAllowed)', () => {
  it('verifies with the service token; denied and lying clients fail', async () => {
    await setup('allow_notifications');
    expect(await act(1, 'complete', { result: 'denied' })).toMatchObject({ failure: 'denied' });
    expect(await act(1, 'complete', { result: 'done' })).toMatchObject({ state: 'failed', failure: 'not_allowed' });
    fake.allowNotifications(TEST_VK_APP_ID, 1);
    expect(await act(1, 'complete', {})).toMatchObject({ state: 'done', level: 'server_verified' });
  });
});

describe('client-confirmed kinds', () => {
  it('share_story takes the client result after start, marked client-confirmed', async () => {
    await setup('share_story', { imageUrl: 'https://img', link: 'https://vk.com/club1' });
    expect(await act(1, 'complete', { result: 'done' })).toMatchObject({ state: 'failed', failure: 'not_started' });
    // The refused attempt left a row; it is not a start (found from outside: a second "done" used to pass).
    expect(await act(1, 'complete', { result: 'done' })).toMatchObject({ state: 'failed', failure: 'not_started' });
    expect((await act(1, 'start')).action).toMatchObject({ imageUrl: 'https://img', link: 'https://vk.com/club1' });
    expect(await act(1, 'complete', { result: 'denied' })).toMatchObject({ failure: 'denied' });
    // A failure ends the attempt: the next "done" needs a new start.
    expect(await act(1, 'complete', { result: 'done' })).toMatchObject({ state: 'failed', failure: 'not_started' });
    await act(1, 'start');
    expect(await act(1, 'complete', { result: 'done' })).toMatchObject({ state: 'done', level: 'client_confirmed' });
  });

  it('visit_link likewise', async () => {
    await setup('visit_link', { url: 'https://example.com' });
    expect((await act(1, 'start')).action.url).toBe('https://example.com');
    expect(await act(1, 'complete', { result: 'done' })).toMatchObject({ state: 'done', level: 'client_confirmed' });
  });
});

describe('invite_friends', () => {
  it('is done only when enough new participants arrived through the link; claiming it early stays in progress', async () => {
    await setup('invite_friends', { friendsRequired: 1 });
    const started = await act(1, 'start');
    expect(started.action).toMatchObject({ friendsRequired: 1, friendsJoined: 0 });
    expect(await act(1, 'complete', { result: 'done' })).toMatchObject({ state: 'in_progress' });
    // User 2 already participates: opening with the code later does not count.
    await w.call('POST', `/api/campaigns/${campaignId}/open`, 2, { ref: started.action.referralCode });
    expect(await act(1, 'complete', {})).toMatchObject({ state: 'in_progress' });
    await w.call('POST', `/api/campaigns/${campaignId}/open`, 3, { ref: started.action.referralCode });
    const state = await (await w.call('GET', `/api/campaigns/${campaignId}/state`, 1)).json();
    expect(state.tasks[0]).toMatchObject({ state: 'done', level: 'server_verified', action: { friendsJoined: 1 } });
  });
});

describe('enter_code', () => {
  it('accepts a code from the brand list once, case-insensitively; unknown and spent codes fail alike', async () => {
    await setup('enter_code', { poolKey: 'receipts' });
    await w.pool(campaignId, 'receipts', ['PACK-0001', 'PACK-0002'], 'entry');
    expect(await act(1, 'complete', { code: 'PACK-9999' })).toMatchObject({ state: 'failed', failure: 'code_unknown' });
    expect(await act(1, 'complete', { code: ' pack-0001 ' })).toMatchObject({
      state: 'done',
      level: 'server_verified',
    });
    expect(await act(2, 'complete', { code: 'PACK-0001' })).toMatchObject({ state: 'failed', failure: 'code_unknown' });
    expect(await act(2, 'complete', {})).toMatchObject({ status: 422 });
    expect(await act(2, 'complete', { code: 'PACK-0002' })).toMatchObject({ state: 'done' });
  });

  it('item 11: a code someone else redeemed answers exactly like an unknown one; only its redeemer hears code_used', async () => {
    await setup('enter_code', { poolKey: 'receipts' });
    await w.task(campaignId, 't2', 'enter_code', { poolKey: 'receipts' });
    await w.pool(campaignId, 'receipts', ['PACK-0001'], 'entry');
    expect(await act(1, 'complete', { code: 'PACK-0001' })).toMatchObject({ state: 'done' });
    const spent = await act(2, 'complete', { code: 'PACK-0001' });
    const unknown = await act(2, 'complete', { code: 'PACK-0404' });
    expect(spent).toEqual(unknown);
    expect(spent).toMatchObject({ state: 'failed', failure: 'code_unknown' });
    // The redeemer typing their own code into the other task on the same pack learns nothing new.
    const own = await w.call('POST', `/api/campaigns/${campaignId}/tasks/t2/complete`, 1, { code: 'PACK-0001' });
    expect((await own.json()).task).toMatchObject({ state: 'failed', failure: 'code_used' });
  });

  it('parallel completes with different codes spend one code; the others stay for their owners (found from outside)', async () => {
    await setup('enter_code', { poolKey: 'receipts' });
    const codes = Array.from({ length: 8 }, (_, i) => `PACK-010${i}`);
    await w.pool(campaignId, 'receipts', codes, 'entry');
    await Promise.all(codes.map((code) => act(1, 'complete', { code })));
    const used = (await w.deps.db.select().from(schema.poolCodes)).filter((c) => c.usedAt !== null);
    expect(used).toHaveLength(1);
    const free = codes.find((c) => c !== used[0]?.code) as string;
    expect(await act(2, 'complete', { code: free })).toMatchObject({ state: 'done' });
  });

  it('item 11: wrong codes are limited per user (10 an hour), with 429 and Retry-After; a right one is not counted', async () => {
    await setup('enter_code', { poolKey: 'receipts' });
    await w.pool(campaignId, 'receipts', ['PACK-0001', 'PACK-0002'], 'entry');
    for (let i = 0; i < 10; i++) {
      expect(await act(1, 'complete', { code: `GUESS-${i}` })).toMatchObject({ failure: 'code_unknown' });
    }
    const refused = await w.call('POST', `/api/campaigns/${campaignId}/tasks/t/complete`, 1, { code: 'PACK-0001' });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.code).toBe('too_many_attempts');
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    // The refused attempt spent nothing: the code is still there for someone else, who is not limited.
    expect(await act(2, 'complete', { code: 'PACK-0001' })).toMatchObject({ state: 'done' });
    // One wrong code's worth comes back after 6 minutes.
    w.clock.advance(6 * 60_000);
    expect(await act(1, 'complete', { code: 'PACK-0002' })).toMatchObject({ state: 'done' });
  });
});

describe('quiz task', () => {
  it('is scored on the server', async () => {
    const questions = [
      {
        id: 'q1',
        text: '?',
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        correct: ['a'],
      },
      {
        id: 'q2',
        text: '?',
        options: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        correct: ['b'],
      },
    ];
    await setup('quiz', { questions, passScore: 2 });
    const start = await act(1, 'start');
    expect(JSON.stringify(start.action)).not.toContain('correct');
    expect(await act(1, 'complete', { answers: { q1: ['a'], q2: ['a'] } })).toMatchObject({ failure: 'score_too_low' });
    expect(await act(1, 'complete', { answers: { q1: ['a'] } })).toMatchObject({ status: 422 });
    expect(await act(1, 'complete', { answers: { q1: ['a'], q2: ['b'] } })).toMatchObject({ state: 'done' });
  });
});

describe('platform availability', () => {
  it('VK-only tasks are not offered to OK and Telegram users, and doing one anyway is refused', async () => {
    await setup('join_community');
    const auth = w.okAuth('77');
    await w.app.request(`/api/campaigns/${campaignId}/open`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: '{}',
    });
    const state = await (
      await w.app.request(`/api/campaigns/${campaignId}/state`, { headers: { Authorization: auth } })
    ).json();
    // Not listed (participation/offered-on-platform.test.ts), only counted.
    expect(state.tasks).toEqual([]);
    expect(state.tasksNotHere).toBe(1);
    const res = await w.app.request(`/api/campaigns/${campaignId}/tasks/t/complete`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('task_unavailable');
  });
});
