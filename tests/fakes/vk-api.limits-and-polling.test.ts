/**
 * @module Checks the fake VK API's timing behaviour: the per-token rate limit (error 6) against raw
 * bursts and against vk-io's own throttling, and Bots Long Poll delivery into vk-io's updates.
 */

import { describe, expect, it } from 'vitest';
import { VK } from 'vk-io';
import { GROUP_ID, rawCall, vkioApi } from './vk-api.test-helpers.ts';
import { startFakeVkApi } from './vk-api.ts';

/** Polls `condition` every 10 ms until it holds (or fails after 3 s). */
async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 3000) throw new Error('condition not reached in 3 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('fake VK API: rate limit', () => {
  it('returns error 6 beyond 20 requests per token in a sliding second', async () => {
    let now = 0;
    const fake = await startFakeVkApi({ clock: () => now });
    try {
      const burst = (token: string) =>
        Promise.all(
          Array.from({ length: 40 }, () => rawCall(fake, 'users.get', { access_token: token, user_ids: '1' })),
        );
      const isTooMany = (body: unknown) => JSON.stringify(body).includes('"error_code":6');

      const first = await burst('group:1');
      expect(first.filter(isTooMany)).toHaveLength(20);
      expect((await burst('group:2')).filter(isTooMany)).toHaveLength(20);
      now += 999;
      expect((await burst('group:1')).filter(isTooMany)).toHaveLength(40);
      now += 1;
      expect((await burst('group:1')).filter(isTooMany)).toHaveLength(20);
      expect(fake.errorCounts()).toEqual({ 6: 100 });
    } finally {
      await fake.close();
    }
  });

  it('never answers error 6 to vk-io throttled at apiLimit 20 over ~2 seconds of sends', async () => {
    const fake = await startFakeVkApi();
    try {
      const peers = Array.from({ length: 36 }, (_, i) => 500 + i);
      for (const peer of peers) fake.allowMessages(GROUP_ID, peer);
      const api = vkioApi(fake, { apiMode: 'sequential' });
      const startedAt = Date.now();

      await Promise.all(peers.map((peer) => api.messages.send({ peer_id: peer, message: 'tick', random_id: peer })));

      expect(Date.now() - startedAt).toBeGreaterThan(1800);
      expect(fake.delivered).toHaveLength(36);
      expect(fake.errorCounts()).toEqual({});
    } finally {
      await fake.close();
    }
  });
});

describe('fake VK API: Bots Long Poll', () => {
  const messageNew = (text: string) => ({
    type: 'message_new',
    object: {
      message: {
        id: 0,
        date: 1_700_000_000,
        from_id: 77,
        peer_id: 77,
        out: 0,
        text,
        conversation_message_id: 1,
        fwd_messages: [],
        attachments: [],
        important: false,
        is_hidden: false,
        random_id: 0,
      },
      client_info: { button_actions: ['text'], keyboard: true, inline_keyboard: true, carousel: true, lang_id: 0 },
    },
  });

  it('delivers a pushed message_new to vk.updates.startPolling() with pollingGroupId', async () => {
    const fake = await startFakeVkApi();
    const vk = new VK({ token: 'group:1', apiBaseUrl: fake.url, agent: fake.agent, apiLimit: 20, pollingGroupId: 1 });
    try {
      const received = new Promise<{ text?: string; senderId: number }>((resolve) => {
        vk.updates.on('message_new', (context) => resolve({ text: context.text, senderId: context.senderId }));
      });
      await vk.updates.startPolling();
      fake.pushLongPollEvent(GROUP_ID, messageNew('start'));

      expect(await received).toEqual({ text: 'start', senderId: 77 });
      expect(fake.calls.map((call) => call.method)).toEqual(['groups.getLongPollServer']);
    } finally {
      await vk.updates.stop();
      await fake.close();
    }
  });

  it('finds the community via groups.getById, and re-keys after {failed: 2}', async () => {
    const fake = await startFakeVkApi({ longPollMaxWaitMs: 200 });
    const vk = new VK({ token: 'group:1', apiBaseUrl: fake.url, agent: fake.agent, apiLimit: 20, pollingWait: 50 });
    try {
      const texts: string[] = [];
      let onSecond: () => void = () => {};
      const second = new Promise<void>((resolve) => {
        onSecond = resolve;
      });
      vk.updates.on('message_new', (context) => {
        texts.push(context.text ?? '');
        if (texts.length === 2) onSecond();
      });
      await vk.updates.start();
      fake.pushLongPollEvent(GROUP_ID, messageNew('one'));
      await waitFor(() => texts.length === 1);
      fake.expireLongPollKeys(GROUP_ID);
      const keyRequests = () => fake.calls.filter((call) => call.method === 'groups.getLongPollServer').length;
      await waitFor(() => keyRequests() === 2);
      fake.pushLongPollEvent(GROUP_ID, messageNew('two'));
      await second;

      expect(texts).toEqual(['one', 'two']);
      expect(fake.calls.map((call) => call.method)).toEqual([
        'groups.getById',
        'groups.getLongPollServer',
        'groups.getLongPollServer',
      ]);
    } finally {
      await vk.updates.stop();
      await fake.close();
    }
  });

  it('answers {failed: 2} for a wrong key and holds an empty poll no longer than the cap', async () => {
    const fake = await startFakeVkApi({ longPollMaxWaitMs: 300 });
    try {
      const server = (await rawCall(fake, 'groups.getLongPollServer', { access_token: 'group:1', group_id: '1' })) as {
        response: { key: string; server: string; ts: string };
      };
      const { key, server: url, ts } = server.response;
      expect(url).toBe(`${fake.origin}/lp/1`);
      const wrongKey = await fetch(`${url}?act=a_check&key=nope&ts=${ts}&wait=25`);
      expect(await wrongKey.json()).toEqual({ failed: 2 });

      const startedAt = Date.now();
      const empty = await fetch(`${url}?act=a_check&key=${key}&ts=${ts}&wait=25`);
      expect(await empty.json()).toEqual({ ts, updates: [] });
      expect(Date.now() - startedAt).toBeGreaterThanOrEqual(250);
      expect(Date.now() - startedAt).toBeLessThan(2000);
    } finally {
      await fake.close();
    }
  });
});
