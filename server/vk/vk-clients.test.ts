/**
 * A brand's own VK app and community: the participant's VK-checked tasks and the draw's re-check ask VK with the
 * service token of the app the participant launched and the token of the campaign's community (stored sealed by the
 * agency), not with the configured `VK_SERVICE_TOKEN` / `VK_GROUP_TOKEN`, which VK answers for another app and
 * community. The fake VK API answers per token: `service:<appId>` for that app, `group:<groupId>` for that community.
 */
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkApi, startFakeVkApi } from '../../tests/fakes/vk-api.ts';
import { TEST_VK_APP_ID } from '../../tests/support/test-deps.ts';
import { signVkLaunch } from '../auth/vk-sign.ts';
import { schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { sealToken, secretPlace } from '../office/agency/agency-secrets.ts';
import { createDrawWorld } from '../promo/draw/testing/draw-world.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../promo/testing/promo-world.ts';

const OWN_APP = 51000999;
const OWN_SECRET = 'BrandOwnAppSecureKey01';
const OWN_GROUP = 200000999;

let fake: FakeVkApi;
let w: PromoWorld | undefined;
beforeAll(async () => {
  fake = await startFakeVkApi();
});
afterAll(async () => fake.close());
afterEach(() => {
  w?.close();
  w = undefined;
  fake.reset();
});

/** The configured app and community, as a deployment sets them; the brand's own ones are in the office. */
const env = () => ({
  VK_API_BASE_URL: fake.url,
  VK_SERVICE_TOKEN: `service:${TEST_VK_APP_ID}`,
  VK_GROUP_ID: String(GROUP_ID),
  VK_GROUP_TOKEN: `group:${GROUP_ID}`,
});

/** The brand's own VK app and community with their tokens stored by the agency; the campaign moves to them. */
async function ownAppAndCommunity(world: PromoWorld, campaignId: number): Promise<number> {
  return world.write(async (tx) => {
    const app = inserted(
      await tx.insert(schema.apps).values({ brandId: world.brandId, name: 'Own app', vkAppId: OWN_APP }).returning(),
    );
    await tx
      .update(schema.apps)
      .set({
        vkSecretCiphertext: sealToken(world.config, OWN_SECRET, secretPlace.vkSecret(app.id)),
        vkServiceTokenCiphertext: sealToken(world.config, `service:${OWN_APP}`, secretPlace.vkServiceToken(app.id)),
      })
      .where(eq(schema.apps.id, app.id));
    const community = inserted(
      await tx
        .insert(schema.communities)
        .values({
          brandId: world.brandId,
          vkGroupId: OWN_GROUP,
          name: 'Own community',
          tokenCiphertext: sealToken(world.config, `group:${OWN_GROUP}`, secretPlace.community(OWN_GROUP)),
        })
        .returning(),
    );
    await tx
      .update(schema.campaigns)
      .set({ appId: app.id, communityId: community.id })
      .where(eq(schema.campaigns.id, campaignId));
    return app.id;
  });
}

const tokensOf = (method: string) => fake.calls.filter((c) => c.method === method).map((c) => c.token);

describe("a participant's VK-checked tasks in a brand's own app", () => {
  /** A POST launched from the brand's own app. */
  const post = (world: PromoWorld, path: string, user: number) =>
    world.app.request(path, {
      method: 'POST',
      headers: {
        Authorization: `VK ${signVkLaunch({ vk_user_id: user, vk_app_id: OWN_APP, vk_ts: Math.floor(world.clock.now / 1000), vk_language: 'ru', vk_platform: 'mobile_android' }, OWN_SECRET)}`,
        'Content-Type': 'application/json',
      },
      body: '{}',
    });

  async function complete(world: PromoWorld, campaignId: number, user: number, task: string) {
    const res = await post(world, `/api/campaigns/${campaignId}/tasks/${task}/complete`, user);
    const json = (await res.json()) as { task: { state: string; failure: string | null } };
    expect([res.status, json]).toMatchObject([200, {}]);
    return `${json.task.state}${json.task.failure ? `:${json.task.failure}` : ''}`;
  }

  it('are asked with the launch app’s service token and the campaign community’s token', async () => {
    const world = await createPromoWorld(env());
    w = world;
    const campaignId = await world.campaign();
    for (const [key, kind] of [
      ['notif', 'allow_notifications'],
      ['msgs', 'allow_messages'],
      ['join', 'join_community'],
    ] as const)
      await world.task(campaignId, key, kind);
    const appRowId = await ownAppAndCommunity(world, campaignId);
    for (const user of [1, 2, 3])
      expect((await post(world, `/api/campaigns/${campaignId}/open`, user)).status).toBe(200);

    // User 1 allowed the brand app's notifications and its community's messages, and joined it.
    fake.allowNotifications(OWN_APP, 1);
    fake.allowMessages(OWN_GROUP, 1);
    fake.addMember(OWN_GROUP, 1);
    // User 2 allowed only the configured app's and community's: nothing this campaign asked for.
    fake.allowNotifications(TEST_VK_APP_ID, 2);
    fake.allowMessages(GROUP_ID, 2);
    fake.addMember(GROUP_ID, 2);
    const outcomes: Record<string, string> = {};
    for (const user of [1, 2])
      for (const task of ['notif', 'msgs', 'join'])
        outcomes[`${user} ${task}`] = await complete(world, campaignId, user, task);
    expect(outcomes).toEqual({
      '1 notif': 'done',
      '1 msgs': 'done',
      '1 join': 'done',
      '2 notif': 'failed:not_allowed',
      '2 msgs': 'failed:not_allowed',
      '2 join': 'failed:not_member',
    });
    expect(new Set(tokensOf('apps.isNotificationsAllowed'))).toEqual(new Set([`service:${OWN_APP}`]));
    expect(new Set(tokensOf('messages.isMessagesFromGroupAllowed'))).toEqual(new Set([`group:${OWN_GROUP}`]));
    expect(new Set(tokensOf('groups.isMember'))).toEqual(new Set([`service:${OWN_APP}`]));

    // A replaced service token is used by the next check; with none stored the check is inconclusive, never "yes".
    fake.allowNotifications(OWN_APP, 3);
    const setServiceToken = (token: string | null) =>
      world.write((tx) =>
        tx
          .update(schema.apps)
          .set({
            vkServiceTokenCiphertext: token && sealToken(world.config, token, secretPlace.vkServiceToken(appRowId)),
          })
          .where(eq(schema.apps.id, appRowId)),
      );
    await setServiceToken(null);
    expect(await complete(world, campaignId, 3, 'notif')).toBe('failed:check_unavailable');
    await setServiceToken(`service:${OWN_APP}:replaced`);
    expect(await complete(world, campaignId, 3, 'notif')).toBe('done');
    expect(tokensOf('apps.isNotificationsAllowed').at(-1)).toBe(`service:${OWN_APP}:replaced`);

    // A stored community token no configured key opens (a rotation gone wrong) is no token: inconclusive, not a 500.
    fake.allowMessages(OWN_GROUP, 3);
    await world.write((tx) =>
      tx
        .update(schema.communities)
        .set({ tokenCiphertext: 'v1.unknown.x.y.z' })
        .where(eq(schema.communities.vkGroupId, OWN_GROUP)),
    );
    expect(await complete(world, campaignId, 3, 'msgs')).toBe('failed:check_unavailable');
  });
});

describe("the draw's re-check of a pick in a brand's own app", () => {
  it('asks VK with the campaign app’s service token and its community’s token', async () => {
    const world = await createDrawWorld({ winners: 1, reserves: 0, env: env() });
    w = world;
    await ownAppAndCommunity(world, world.campaignId);
    const user = 101;
    await world.entrant(user);
    // The draw's third required task becomes one VK answers, done server-verified: the brand app's notifications.
    await world.write(async (tx) => {
      await tx
        .update(schema.tasks)
        .set({ kind: 'allow_notifications', config: {} })
        .where(eq(schema.tasks.key, 'share'));
      await tx.update(schema.taskCompletions).set({ level: 'server_verified' });
    });
    await world.goLive();
    world.clock.set(world.drawAt);
    const drawn = await world.admin('POST', `/api/admin/campaigns/${world.campaignId}/draw`);
    const draw = (await drawn.json()) as { picks: { id: number; userId: string }[] };
    expect(drawn.status).toBe(200);
    const [pick] = draw.picks;
    expect(pick?.userId).toBe(String(user));
    // Everything done in the brand's own app and community; nothing in the configured ones.
    fake.allowNotifications(OWN_APP, user);
    fake.allowMessages(OWN_GROUP, user);
    fake.addMember(OWN_GROUP, user);
    const res = await world.admin('POST', `/api/admin/campaigns/${world.campaignId}/draw/picks/${pick?.id}/verify`);
    expect([res.status, await res.json()]).toMatchObject([
      200,
      {
        ok: true,
        checks: [
          { taskKey: 'join', ok: true, source: 'vk' },
          { taskKey: 'msgs', ok: true, source: 'vk' },
          { taskKey: 'share', ok: true, source: 'vk' },
        ],
      },
    ]);
    expect(tokensOf('apps.isNotificationsAllowed')).toEqual([`service:${OWN_APP}`]);
    expect(tokensOf('messages.isMessagesFromGroupAllowed')).toEqual([`group:${OWN_GROUP}`]);
    expect(tokensOf('groups.isMember')).toEqual([`service:${OWN_APP}`]);

    // The same user having allowed only the configured app's notifications fails that check.
    fake.reset();
    fake.allowNotifications(TEST_VK_APP_ID, user);
    fake.allowMessages(OWN_GROUP, user);
    fake.addMember(OWN_GROUP, user);
    const again = await world.admin('POST', `/api/admin/campaigns/${world.campaignId}/draw/picks/${pick?.id}/verify`);
    expect(await again.json()).toMatchObject({ ok: false, checks: [{ ok: true }, { ok: true }, { ok: false }] });
  });
});
