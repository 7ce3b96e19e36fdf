/**
 * A world for bot and mailing tests: the fake VK API, a fresh database with one agency, brand, app, community
 * (the fake's group) and a live campaign, and fast bulk creation of participants with or without consent.
 */

import { botFor } from '../../bot/bot.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import type { Deps } from '../../server/deps.ts';
import { createBroadcast, enqueueBroadcast } from '../../server/mailing/broadcast.service.ts';
import type { MailingActor } from '../../server/mailing/mailing-audit.ts';
import { enqueue } from '../../server/mailing/outbox.ts';
import { createVkApi } from '../../server/vk/vk-api.ts';
import { type FakeVkApi, startFakeVkApi } from '../fakes/vk-api.ts';
import { createTestWorld, type TestWorld } from '../support/test-deps.ts';

export const GROUP_ID = 1;
export const STAGES = ['opened', 'task_done', 'reward_issued'];
export const CALLBACK_SECRET = 'cb-secret';
export const CONFIRMATION = 'conf1234';

export interface MessagingWorld extends TestWorld {
  fake: FakeVkApi;
  deps: Deps;
  campaignId: number;
  brandId: number;
  agencyId: number;
  /** A brand admin of the world's brand, for mailing writes made outside the HTTP routes (the audit needs a who). */
  office: MailingActor;
  /** Creates participants (vk users `firstUserId…`) at a stage; `consent` also allows messages in the fake. */
  addParticipants(o: {
    count: number;
    firstUserId: number;
    stage?: string;
    reachedAt?: number;
    consent?: boolean;
    source?: string;
  }): Promise<number[]>;
  shutdown(): Promise<void>;
}

export async function createMessagingWorld(
  env: Record<string, string> = {},
  startMs?: number,
): Promise<MessagingWorld> {
  const fake = await startFakeVkApi();
  const world = createTestWorld(
    {
      VK_GROUP_ID: String(GROUP_ID),
      VK_GROUP_TOKEN: `group:${GROUP_ID}`,
      VK_API_BASE_URL: fake.url,
      VK_CALLBACK_SECRET: CALLBACK_SECRET,
      VK_CONFIRMATION_CODE: CONFIRMATION,
      OUTBOX_LEASE_MS: '1000',
      ...env,
    },
    startMs,
  );
  const deps: Deps = { ...world.deps, vk: createVkApi(world.config) };
  // As scripts/start.ts does: the server's update routes reach the bot through `deps.updates`.
  deps.updates = botFor(deps);
  const { db } = deps;
  const now = world.clock.now;
  const { brand, agency, campaign } = await inTransaction(db, async (tx) => {
    const [agency] = await tx.insert(schema.agencies).values({ name: 'A' }).returning();
    if (!agency) throw new Error('no agency');
    const [brand] = await tx.insert(schema.brands).values({ agencyId: agency.id, name: 'B' }).returning();
    if (!brand) throw new Error('no brand');
    const [app] = await tx
      .insert(schema.apps)
      .values({ brandId: brand.id, name: 'app', vkAppId: world.config.VK_APP_ID })
      .returning();
    const [community] = await tx
      .insert(schema.communities)
      .values({ brandId: brand.id, vkGroupId: GROUP_ID, name: 'C' })
      .returning();
    if (!app || !community) throw new Error('no app or community');
    const [campaign] = await tx
      .insert(schema.campaigns)
      .values({
        brandId: brand.id,
        appId: app.id,
        communityId: community.id,
        slug: 'c',
        title: 'Кампания',
        mechanic: 'tasks',
        status: 'live',
        startsAt: now - 30 * 86_400_000,
        endsAt: now + 30 * 86_400_000,
        timeZone: 'Europe/Moscow',
        stages: STAGES,
      })
      .returning();
    if (!campaign) throw new Error('no campaign');
    return { agency, brand, campaign };
  });

  return {
    ...world,
    deps,
    fake,
    campaignId: campaign.id,
    brandId: brand.id,
    agencyId: agency.id,
    office: {
      actor: {
        platform: 'vk',
        userId: '900000',
        appId: String(world.config.VK_APP_ID),
        language: 'ru',
        platformDetail: 'test',
      },
      brandId: brand.id,
    },
    async addParticipants(o) {
      const stage = o.stage ?? 'opened';
      const userIds = Array.from({ length: o.count }, (_, i) => o.firstUserId + i);
      const ids: number[] = [];
      // In chunks: one multi-row INSERT per 200 participants (and their consents) keeps a 10,000-user world fast.
      await inTransaction(db, async (tx) => {
        for (let i = 0; i < userIds.length; i += 200) {
          const chunk = userIds.slice(i, i + 200);
          const rows = await tx
            .insert(schema.participants)
            .values(
              chunk.map((userId) => ({
                campaignId: campaign.id,
                platform: 'vk' as const,
                platformUserId: String(userId),
                stage,
                stageIndex: STAGES.indexOf(stage),
                stageReachedAt: o.reachedAt ?? world.clock.now,
                source: o.source ?? null,
                referralCode: `ref-${campaign.id}-${userId}`,
              })),
            )
            .returning({ id: schema.participants.id });
          ids.push(...rows.map((r) => r.id));
          if (o.consent === false) continue;
          await tx.insert(schema.consents).values(
            chunk.map((userId) => ({
              vkGroupId: GROUP_ID,
              vkUserId: userId,
              channel: 'message' as const,
              allowed: true,
              source: 'message_allow',
              updatedAt: world.clock.now,
            })),
          );
        }
      });
      if (o.consent !== false) for (const userId of userIds) fake.allowMessages(GROUP_ID, userId);
      return ids;
    },
    async shutdown() {
      await fake.close();
      world.close();
    },
  };
}

/**
 * What a bot process started apart (`npm run bot`) needs to work on this world: its database (both variables, so a
 * PostgreSQL world's bot does not open a SQLite file of its own) and the fake VK's community and token.
 */
export function botProcessEnv(w: MessagingWorld, leaseMs: number): Record<string, string> {
  return {
    ...w.databaseEnv,
    VK_GROUP_ID: String(GROUP_ID),
    VK_GROUP_TOKEN: `group:${GROUP_ID}`,
    VK_API_BASE_URL: w.fake.url,
    OUTBOX_LEASE_MS: String(leaseMs),
  };
}

/** `count` new participants from `firstUserId` on, and a broadcast of one text to all of them, queued. */
export async function broadcastTo(w: MessagingWorld, count: number, firstUserId: number): Promise<void> {
  await w.addParticipants({ count, firstUserId });
  const b = await createBroadcast(
    w.deps.db,
    { campaignId: w.campaignId, name: 'all', segment: {}, channel: 'message', text: 'Привет' },
    w.clock.now,
    w.office,
  );
  await enqueueBroadcast(w.deps.db, b, w.clock.now);
}

/**
 * Queues a broadcast to every participant of the world (one text, sent 100 peers a call) and `personalLines` personal
 * lines to users `firstUserId…` (`personal(i)`, sent 25 a call in `execute`), so a bot killed while sending has
 * requests of both kinds in flight. Answers how many messages are due in all.
 */
export async function queueBroadcastAndPersonalLines(
  w: MessagingWorld,
  o: { text: string; personalLines: number; firstUserId: number; personal: (i: number) => string },
): Promise<number> {
  const b = await createBroadcast(
    w.deps.db,
    { campaignId: w.campaignId, name: 'all', segment: {}, channel: 'message', text: o.text },
    w.clock.now,
    w.office,
  );
  const broadcast = await enqueueBroadcast(w.deps.db, b, w.clock.now);
  await inTransaction(w.deps.db, (tx) =>
    enqueue(
      tx,
      Array.from({ length: o.personalLines }, (_, i) => ({
        dedupeKey: `personal:${i}`,
        kind: 'broadcast' as const,
        vkGroupId: GROUP_ID,
        vkUserId: o.firstUserId + i,
        channel: 'message' as const,
        text: o.personal(i),
      })),
      w.clock.now,
    ),
  );
  return broadcast + o.personalLines;
}

/** How many messages each peer received. */
export function deliveriesByPeer(fake: FakeVkApi): Map<number, number> {
  const m = new Map<number, number>();
  for (const d of fake.delivered) m.set(d.peerId, (m.get(d.peerId) ?? 0) + 1);
  return m;
}

/** Gives a VK user brand-admin rights on the world's brand, limited to `sections`. */
export async function grantBrandAdmin(w: MessagingWorld, vkUserId: number, sections: string[]): Promise<void> {
  await inTransaction(w.deps.db, (tx) =>
    tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(vkUserId),
      agencyId: w.agencyId,
      brandId: w.brandId,
      role: 'brand_admin',
      sections,
    }),
  );
}

/** Posts a Callback API update signed with the world's secret and waits until the bot has handled it. */
export async function postCallback(
  w: MessagingWorld,
  app: { request: (path: string, init: RequestInit) => Response | Promise<Response> },
  body: Record<string, unknown>,
): Promise<Response> {
  const res = await app.request('/vk/callback', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ group_id: GROUP_ID, v: '5.199', secret: CALLBACK_SECRET, ...body }),
  });
  await botFor(w.deps).idle();
  return res;
}
