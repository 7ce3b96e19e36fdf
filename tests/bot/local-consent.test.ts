/**
 * Item 19 of issue 11: in the local demo (no VK credentials) the participant's "allow messages" goes through the mini
 * app's own code — `performTask` with the `local` platform adapter — and the server records what VK's
 * `message_allow` with the key would have caused, through the same journal and handler, so a broadcast reaches them.
 * With real VK credentials the local route refuses.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, type Task } from '../../miniapp/api/client.ts';
import { localMessageAllow } from '../../miniapp/platform/local.ts';
import type { PlatformAdapter } from '../../miniapp/platform/types.ts';
import { performTask } from '../../miniapp/screens/promo/task-action.ts';
import { createApp } from '../../server/app.ts';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { createBroadcast, enqueueBroadcast } from '../../server/mailing/broadcast.service.ts';
import { problemsOf } from '../../server/office/campaigns/campaign-editing.ts';
import { loadDocument } from '../../server/office/campaigns/campaign-store.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

const USER = 8_800_001;
const API = 'http://demo.local';
let w: MessagingWorld | undefined;
afterEach(async () => {
  vi.unstubAllGlobals();
  await w?.shutdown();
  w = undefined;
});

/** The local demo's world: no VK token, no Callback API secret, a generated app secret (as `npm start` has). */
async function localWorld(): Promise<MessagingWorld> {
  w = await createMessagingWorld({ VK_GROUP_TOKEN: '', VK_CALLBACK_SECRET: '', VK_APP_SECRET: '' });
  const world = w;
  await inTransaction(world.deps.db, (tx) =>
    tx
      .insert(schema.tasks)
      .values({ campaignId: world.campaignId, key: 'messages', kind: 'allow_messages', title: 'Разрешите сообщения' }),
  );
  return world;
}

/** What the mini app has: the launch signed like the local launch URLs, and the browser's fetch served by the app. */
function miniApp(world: MessagingWorld) {
  const app = createApp(world.deps);
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => app.request(url.replace(API, ''), init));
  const authorization = `VK ${signVkLaunch(
    { vk_user_id: USER, vk_app_id: world.config.VK_APP_ID, vk_ts: Math.floor(world.clock.now / 1000) },
    world.config.VK_APP_SECRET,
  )}`;
  const api = createApiClient(API, authorization);
  const platform = {
    name: 'local',
    allowMessages: localMessageAllow({ apiBaseUrl: API, authorization }),
    haptic: () => {},
  } as unknown as PlatformAdapter;
  return { api, platform, authorization };
}

const consentOf = async (world: MessagingWorld) =>
  (await world.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, USER)).limit(1))[0];

describe('local demo consent', () => {
  it('item 19: local "allow messages" records the message_allow VK would send, and a broadcast then reaches the participant', async () => {
    const world = await localWorld();
    expect(world.deps.vk?.mode).toBe('local');
    const { api, platform } = miniApp(world);
    await api.request('POST', `/api/campaigns/${world.campaignId}/open`, {});
    const task = { key: 'messages', kind: 'allow_messages', state: 'todo', action: {} } as unknown as Task;

    const done = await performTask(api, platform, world.campaignId, task);
    expect(done.state).toBe('done');

    // The same journal event and handler as VK's message_allow: consent with the task's key, task confirmed by it.
    const [event] = await world.deps.db.select().from(schema.callbackEvents);
    expect(event).toMatchObject({ type: 'message_allow', status: 'handled', vkGroupId: GROUP_ID });
    expect(event?.payload).toMatchObject({ object: { user_id: USER } });
    const completion = (await world.deps.db.select().from(schema.taskCompletions).limit(1))[0];
    expect(completion?.consentKey).toBeTruthy();
    expect(await consentOf(world)).toMatchObject({
      allowed: true,
      source: 'message_allow',
      key: completion?.consentKey,
      vkGroupId: GROUP_ID,
    });
    expect(completion).toMatchObject({ status: 'done', level: 'server_verified' });

    // A broadcast from the local demo's office now has this participant in its audience.
    const b = await createBroadcast(
      world.deps.db,
      { campaignId: world.campaignId, name: 'demo', segment: {}, channel: 'message', text: 'Новости акции' },
      world.clock.now,
      world.office,
    );
    expect(await enqueueBroadcast(world.deps.db, b, world.clock.now)).toBe(1);
    const rows = await world.deps.db.select().from(schema.outbox).where(eq(schema.outbox.vkUserId, USER));
    expect(rows).toMatchObject([{ kind: 'broadcast', status: 'queued', vkGroupId: GROUP_ID, broadcastId: b.id }]);
  });

  it('item 19: with real VK credentials the local route refuses, and nothing is recorded', async () => {
    w = await createMessagingWorld({ VK_APP_SECRET: '' });
    const world = w;
    const { authorization } = miniApp(world);
    const res = await fetch(`${API}/api/local/message-allow`, {
      method: 'POST',
      headers: { Authorization: authorization, 'Content-Type': 'application/json' },
      body: JSON.stringify({ groupId: GROUP_ID, key: 'anything' }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_local');
    expect(await consentOf(world)).toBeUndefined();
    expect(await world.deps.db.select().from(schema.callbackEvents)).toEqual([]);
  });

  it("the local demo's allow_messages task is publishable (its consent is simulated); with real credentials and no community token it is not", async () => {
    const problemCodes = async (world: MessagingWorld) => {
      const [row] = await world.deps.db
        .select()
        .from(schema.campaigns)
        .where(eq(schema.campaigns.id, world.campaignId));
      if (!row) throw new Error('no campaign');
      return (await problemsOf(world.deps, row, await loadDocument(world.deps.db, row))).map((p) => p.code);
    };
    const local = await localWorld();
    expect(await problemCodes(local)).not.toContain('task_needs_bot_token');
    await local.shutdown();
    w = await createMessagingWorld({ VK_GROUP_TOKEN: '', VK_CALLBACK_SECRET: '' });
    const real = w;
    await inTransaction(real.deps.db, (tx) =>
      tx
        .insert(schema.tasks)
        .values({ campaignId: real.campaignId, key: 'messages', kind: 'allow_messages', title: 'Разрешите сообщения' }),
    );
    expect(await problemCodes(real)).toContain('task_needs_bot_token');
  });

  it('item 19: the local route needs a verified launch and a known community', async () => {
    const world = await localWorld();
    const { authorization } = miniApp(world);
    const post = (body: unknown, auth = authorization) =>
      fetch(`${API}/api/local/message-allow`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ groupId: GROUP_ID, key: 'k' }, 'VK vk_user_id=1&sign=forged')).status).toBe(401);
    expect((await post({ groupId: 424242, key: 'k' })).status).toBe(404);
    expect((await post({ groupId: GROUP_ID })).status).toBe(422);
    expect(await consentOf(world)).toBeUndefined();
  });
});
