/**
 * @module Checks the fake VK API's non-messaging methods and protocol rules: membership, consent and
 * notification checks, notifications.sendMessage, tokens (error 5), unknown methods (3), the error
 * envelope, execute's limits, and answers held back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, GROUP_ID, rawCall, vkioApi } from './vk-api.test-helpers.ts';
import { type FakeVkApi, startFakeVkApi } from './vk-api.ts';

describe('fake VK API: checks, notifications and protocol', () => {
  let fake: FakeVkApi;
  beforeEach(async () => {
    fake = await startFakeVkApi();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('answers groups.isMember for one user (0/1) and for user_ids (array)', async () => {
    fake.addMember(GROUP_ID, 10);
    fake.addMember(GROUP_ID, 11);
    fake.removeMember(GROUP_ID, 11);
    const api = vkioApi(fake);

    expect(await api.groups.isMember({ group_id: String(GROUP_ID), user_id: 10 })).toBe(1);
    expect(await api.groups.isMember({ group_id: String(GROUP_ID), user_id: 11 })).toBe(0);
    expect(await api.groups.isMember({ group_id: String(GROUP_ID), user_ids: [10, 11] })).toEqual([
      { user_id: 10, member: 1 },
      { user_id: 11, member: 0 },
    ]);
  });

  it('answers messages.isMessagesFromGroupAllowed from allow/deny state', async () => {
    const api = vkioApi(fake);
    fake.allowMessages(GROUP_ID, 20);
    expect(await api.messages.isMessagesFromGroupAllowed({ group_id: GROUP_ID, user_id: 20 })).toEqual({
      is_allowed: 1,
    });
    fake.denyMessages(GROUP_ID, 20);
    expect(await api.messages.isMessagesFromGroupAllowed({ group_id: GROUP_ID, user_id: 20 })).toEqual({
      is_allowed: 0,
    });
    // A community token answers for its own community only.
    fake.allowMessages(GROUP_ID + 1, 20);
    await expect(
      api.messages.isMessagesFromGroupAllowed({ group_id: GROUP_ID + 1, user_id: 20 }),
    ).rejects.toMatchObject({ code: 15 });
  });

  it('answers apps.isNotificationsAllowed for the service token app', async () => {
    fake.allowNotifications(APP_ID, 30);
    const api = vkioApi(fake, { token: `service:${APP_ID}`, apiLimit: 3 });
    expect(await api.apps.isNotificationsAllowed({ user_id: 30 })).toEqual({ is_allowed: true });
    expect(await api.apps.isNotificationsAllowed({ user_id: 31 })).toEqual({ is_allowed: false });
    await expect(vkioApi(fake).apps.isNotificationsAllowed({ user_id: 30 })).rejects.toMatchObject({ code: 27 });
  });

  it('sends notifications.sendMessage per user, failing users who did not allow notifications', async () => {
    fake.allowNotifications(APP_ID, 40);
    fake.denyNotifications(APP_ID, 41);
    const api = vkioApi(fake, { token: `service:${APP_ID}`, apiLimit: 3 });

    const statuses = await api.notifications.sendMessage({
      user_ids: [40, 41],
      message: 'Step 2 is waiting',
      fragment: 'step2',
      random_id: 5,
    });
    const repeat = await api.notifications.sendMessage({
      user_ids: [40, 41],
      message: 'Step 2 is waiting',
      random_id: 5,
    });

    expect(statuses).toEqual([
      { user_id: 40, status: true },
      { user_id: 41, status: false, error: { code: 1, description: 'Notifications disabled' } },
    ]);
    expect(repeat).toEqual(statuses);
    expect(fake.notifications).toEqual([
      expect.objectContaining({ userIds: [40], message: 'Step 2 is waiting', fragment: 'step2', appId: APP_ID }),
    ]);
  });

  it('answers users.get, groups.getById and records sendMessageEventAnswer', async () => {
    const api = vkioApi(fake);
    expect(await api.users.get({ user_ids: [5] })).toEqual([expect.objectContaining({ id: 5, first_name: 'User' })]);
    expect(await api.groups.getById({})).toMatchObject({ groups: [{ id: GROUP_ID }] });
    await api.messages.sendMessageEventAnswer({
      event_id: 'ev1',
      user_id: 5,
      peer_id: 5,
      event_data: JSON.stringify({ type: 'show_snackbar', text: 'ok' }),
    });
    expect(fake.eventAnswers).toEqual([
      expect.objectContaining({ eventId: 'ev1', userId: 5, eventData: { type: 'show_snackbar', text: 'ok' } }),
    ]);
  });

  it('answers like api.vk.com for a missing token (5), unknown method (3) and missing v (8)', async () => {
    expect(await rawCall(fake, 'users.get', { user_ids: '1' })).toEqual({
      error: {
        error_code: 5,
        error_msg: 'User authorization failed: no access_token passed.',
        request_params: [
          { key: 'method', value: 'users.get' },
          { key: 'oauth', value: '1' },
          { key: 'v', value: '5.199' },
          { key: 'user_ids', value: '1' },
        ],
      },
    });
    expect(await rawCall(fake, 'messages.fly', { access_token: 'anything' })).toMatchObject({
      error: { error_code: 3 },
    });
    const noVersion = await fetch(`${fake.url}/users.get?access_token=group:1&user_ids=1`);
    expect(await noVersion.json()).toMatchObject({ error: { error_code: 8 } });
    expect(fake.calls.map((call) => [call.method, call.errorCode])).toEqual([
      ['users.get', 5],
      ['messages.fly', 3],
      ['users.get', 8],
    ]);
  });

  it('runs generic execute code and limits it to 25 API calls (error 13)', async () => {
    fake.addMember(GROUP_ID, 7);
    const token = `group:${GROUP_ID}`;
    const code = `return [API.groups.isMember({group_id: '1', "user_id": 7}), API.users.get({"user_ids": [1, 2]}),
      API.nope.nope({}), 5];`;
    expect(await rawCall(fake, 'execute', { access_token: token, code })).toEqual({
      response: [1, [expect.objectContaining({ id: 1 }), expect.objectContaining({ id: 2 })], false, 5],
      execute_errors: [{ method: 'nope.nope', error_code: 3, error_msg: 'Unknown method passed' }],
    });
    const tooMany = `return [${Array.from({ length: 26 }, () => 'API.users.get({"user_ids":1})').join(',')}];`;
    expect(await rawCall(fake, 'execute', { access_token: token, code: tooMany })).toMatchObject({
      error: { error_code: 13 },
    });
    expect(await rawCall(fake, 'execute', { access_token: token, code: 'var a = 1; return a;' })).toMatchObject({
      error: { error_code: 12 },
    });
  });

  it('fails the next N calls of a method on request, then recovers; reset() forgets state in place', async () => {
    fake.allowMessages(GROUP_ID, 8);
    fake.failNext('messages.send', 9, 2);
    const api = vkioApi(fake, { apiMode: 'sequential' });
    const send = (randomId: number) => api.messages.send({ peer_id: 8, message: 'x', random_id: randomId });

    await expect(send(1)).rejects.toMatchObject({ code: 9 });
    await expect(send(1)).rejects.toMatchObject({ code: 9 });
    expect(await send(1)).toBe(1);
    expect(fake.errorCounts()).toEqual({ 9: 2 });

    const delivered = fake.delivered;
    fake.reset();
    expect(delivered).toEqual([]);
    expect(fake.calls).toEqual([]);
    expect(fake.errorCounts()).toEqual({});
    await expect(send(1)).rejects.toMatchObject({ code: 901 });
  });

  it('holds back the answer to a matching call: handled and recorded at once, answered on release', async () => {
    for (const peer of [8, 9]) fake.allowMessages(GROUP_ID, peer);
    const held = fake.holdAnswer('messages.send', (p) => p.peer_ids?.split(',').includes('9') ?? false);
    const send = (peers: string, randomId: string) =>
      rawCall(fake, 'messages.send', {
        access_token: `group:${GROUP_ID}`,
        peer_ids: peers,
        message: 'x',
        random_id: randomId,
      });
    expect(await send('8', '1')).toMatchObject({ response: [{ peer_id: 8 }] });
    let answered = false;
    const slow = send('8,9', '2').then((a) => {
      answered = true;
      return a;
    });
    expect((await held.arrived).peer_ids).toBe('8,9');
    expect(fake.delivered.map((d) => d.peerId)).toEqual([8, 8, 9]);
    // Taken once: the next call that matches is answered as usual.
    expect(await send('9', '3')).toMatchObject({ response: [{ peer_id: 9 }] });
    expect(answered).toBe(false);
    held.release();
    expect(await slow).toMatchObject({ response: [{ peer_id: 8 }, { peer_id: 9 }] });
  });
});
