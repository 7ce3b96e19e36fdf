/**
 * @module Checks that the fake VK API behaves like VK for messages.send when driven by real vk-io:
 * single sends, random_id de-duplication, consent errors, peer_ids per-peer errors and execute batching.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APIError, Keyboard } from 'vk-io';
import { GROUP_ID, vkioApi } from './vk-api.test-helpers.ts';
import { type FakeVkApi, startFakeVkApi } from './vk-api.ts';

describe('fake VK API: messages.send through vk-io', () => {
  let now = 1_700_000_000_000;
  let fake: FakeVkApi;
  beforeEach(async () => {
    fake = await startFakeVkApi({ clock: () => now });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('delivers a message with peer_id and returns its id (batched into execute by parallel_selected)', async () => {
    fake.allowMessages(GROUP_ID, 100);
    const keyboard = Keyboard.builder()
      .textButton({ label: 'Step 2', payload: { step: 2 } })
      .oneTime();

    const messageId = await vkioApi(fake).messages.send({ peer_id: 100, message: 'hi', random_id: 42, keyboard });

    expect(messageId).toBe(1);
    expect(fake.delivered).toEqual([
      expect.objectContaining({ messageId: 1, peerId: 100, groupId: GROUP_ID, text: 'hi', randomId: 42, at: now }),
    ]);
    expect(fake.delivered[0]?.keyboard?.one_time).toBe(true);
    expect(fake.delivered[0]?.keyboard?.buttons[0]?.[0]?.action).toMatchObject({ type: 'text', label: 'Step 2' });
    expect(fake.calls.map((call) => [call.method, call.viaExecute ?? false, call.token])).toEqual([
      ['execute', false, 'group:1'],
      ['messages.send', true, 'group:1'],
    ]);
  });

  it('drops a repeated random_id for the same peer within an hour: same id, one delivery', async () => {
    fake.allowMessages(GROUP_ID, 100);
    fake.allowMessages(GROUP_ID, 101);
    const api = vkioApi(fake, { apiMode: 'sequential' });

    const first = await api.messages.send({ peer_id: 100, message: 'reminder', random_id: 777 });
    const repeat = await api.messages.send({ peer_id: 100, message: 'reminder', random_id: 777 });
    expect(repeat).toBe(first);
    expect(fake.delivered).toHaveLength(1);

    await api.messages.send({ peer_id: 101, message: 'reminder', random_id: 777 });
    expect(fake.delivered).toHaveLength(2);

    now += 60 * 60 * 1000 + 1;
    const afterAnHour = await api.messages.send({ peer_id: 100, message: 'reminder', random_id: 777 });
    expect(afterAnHour).not.toBe(first);
    expect(fake.delivered).toHaveLength(3);
  });

  it('refuses users without consent (901) and blocked users (902) with vk-io APIError codes', async () => {
    fake.blockUser(300);
    const api = vkioApi(fake, { apiMode: 'sequential' });

    await expect(api.messages.send({ peer_id: 200, message: 'x', random_id: 1 })).rejects.toMatchObject({ code: 901 });
    const blocked = api.messages.send({ peer_id: 300, message: 'x', random_id: 2 });
    await expect(blocked).rejects.toBeInstanceOf(APIError);
    await expect(blocked).rejects.toMatchObject({ code: 902 });
    expect(fake.delivered).toEqual([]);
    expect(fake.errorCounts()).toEqual({ 901: 1, 902: 1 });
  });

  it('rejects a send without random_id, without text, or to more than 100 peer_ids (error 100)', async () => {
    fake.allowMessages(GROUP_ID, 100);
    const api = vkioApi(fake, { apiMode: 'sequential' });
    await expect(api.messages.send({ peer_id: 100, message: 'x' })).rejects.toMatchObject({ code: 100 });
    await expect(api.messages.send({ peer_id: 100, random_id: 5 })).rejects.toMatchObject({ code: 100 });
    const peers = Array.from({ length: 101 }, (_, i) => i + 1);
    await expect(api.messages.send({ peer_ids: peers, message: 'x', random_id: 6 })).rejects.toMatchObject({
      code: 100,
    });
  });

  it('answers peer_ids with per-peer results and never throws for per-peer errors', async () => {
    fake.allowMessages(GROUP_ID, 101);
    fake.blockUser(103);
    const api = vkioApi(fake, { apiMode: 'sequential' });

    const result = await api.messages.send({ peer_ids: [101, 102, 103], message: 'news', random_id: 9 });

    expect(result).toEqual([
      { peer_id: 101, message_id: 1, conversation_message_id: 1 },
      { peer_id: 102, error: { code: 901, description: "Can't send messages for users without permission" } },
      {
        peer_id: 103,
        error: { code: 902, description: "Can't send messages to this user due to their privacy settings" },
      },
    ]);
    expect(fake.delivered.map((message) => message.peerId)).toEqual([101]);
    expect(fake.errorCounts()).toEqual({ 901: 1, 902: 1 });
  });

  it('delivers 30 concurrent sends from vk-io parallel mode exactly once, in two executes (25 + 5)', async () => {
    const peers = Array.from({ length: 30 }, (_, i) => 1000 + i);
    for (const peer of peers) fake.allowMessages(GROUP_ID, peer);
    const api = vkioApi(fake, { apiMode: 'parallel' });

    const ids = await Promise.all(
      peers.map((peer) => api.messages.send({ peer_id: peer, message: `hello ${peer}`, random_id: peer })),
    );

    expect(new Set(ids).size).toBe(30);
    expect(fake.delivered.map((message) => message.peerId).sort()).toEqual(peers);
    const executes = fake.calls.filter((call) => !call.viaExecute);
    expect(executes.map((call) => call.method)).toEqual(['execute', 'execute']);
    expect(executes[0]?.params.code).toMatch(/^return \[API\.messages\.send\(\{"peer_id":1000,/);
  });

  it('fails only the failing call of a batch: false + execute_errors become a rejected promise for it', async () => {
    fake.allowMessages(GROUP_ID, 1);
    fake.allowMessages(GROUP_ID, 3);
    fake.failNext('messages.send', 10);
    const api = vkioApi(fake, { apiMode: 'parallel' });

    const results = await Promise.allSettled(
      [1, 2, 3].map((peer) => api.messages.send({ peer_id: peer, message: 'x', random_id: peer })),
    );

    expect(results.map((result) => (result.status === 'rejected' ? result.reason.code : 'ok'))).toEqual([
      10,
      901,
      'ok',
    ]);
    expect(fake.delivered.map((message) => message.peerId)).toEqual([3]);
    expect(fake.errorCounts()).toEqual({ 10: 1, 901: 1 });
  });
});
