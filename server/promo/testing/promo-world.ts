/**
 * Test support for the promo module: a fresh SQLite world (tests/support/test-deps.ts) with an agency, a brand,
 * its app and community, builders for campaigns, tasks, rewards and pools, identities, HTTP calls, and a
 * seeded random generator for draws.
 */

import {
  createTestWorld,
  TEST_BOT_TOKEN,
  TEST_OK_KEY,
  TEST_VK_APP_ID,
  type TestWorld,
} from '../../../tests/support/test-deps.ts';
import { createApp } from '../../app.ts';
import type { Identity, Platform } from '../../auth/identity.ts';
import { schema } from '../../db/client.ts';
import { inserted } from '../../db/rows.ts';
import type { TaskKind } from '../../db/schema/promo.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';

export const GROUP_ID = 200000777;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** mulberry32: a small deterministic generator for draws in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CampaignOptions {
  mechanic?: 'tasks' | 'quiz' | 'wheel' | 'code';
  status?: 'draft' | 'scheduled' | 'live' | 'paused' | 'ended';
  startsAt?: number;
  endsAt?: number;
  timeZone?: string;
  settings?: Record<string, unknown>;
  stages?: string[];
}

export interface PromoWorld extends TestWorld {
  app: ReturnType<typeof createApp>;
  agencyId: number;
  brandId: number;
  campaign(options?: CampaignOptions): Promise<number>;
  task(
    campaignId: number,
    key: string,
    kind: TaskKind,
    config?: Record<string, unknown>,
    extra?: { attemptsGranted?: number },
  ): Promise<void>;
  pool(campaignId: number, key: string, codes: string[], purpose?: 'reward' | 'entry'): Promise<number>;
  reward(campaignId: number, key: string, values?: Partial<typeof schema.rewards.$inferInsert>): Promise<void>;
  identity(userId: number | string, platform?: Platform): Identity;
  /** An HTTP call as a VK user (JSON body when given). */
  call(method: string, path: string, vkUserId: number, body?: unknown): Promise<Response>;
  /** Makes a VK user the agency's owner: the office gate lets them through everywhere, so a route's validation answers. */
  agencyOwner(vkUserId: number): Promise<void>;
}

export async function createPromoWorld(env: Record<string, string> = {}, startMs?: number): Promise<PromoWorld> {
  const world = createTestWorld(env, startMs);
  const { db } = world.deps;
  const write = <T>(work: (tx: Tx) => Promise<T>) => inTransaction(db, work);
  const { agencyId, brandId, appId, communityId } = await write(async (tx) => {
    const agency = inserted(
      await tx.insert(schema.agencies).values({ name: 'Agency' }).returning({ id: schema.agencies.id }),
    );
    const brand = inserted(
      await tx.insert(schema.brands).values({ agencyId: agency.id, name: 'Brand' }).returning({ id: schema.brands.id }),
    );
    const appRow = inserted(
      await tx
        .insert(schema.apps)
        .values({
          brandId: brand.id,
          name: 'App',
          vkAppId: TEST_VK_APP_ID,
          okAppKey: TEST_OK_KEY,
          telegramBotId: TEST_BOT_TOKEN.split(':')[0] ?? null,
        })
        .returning({ id: schema.apps.id }),
    );
    const community = inserted(
      await tx
        .insert(schema.communities)
        .values({ brandId: brand.id, vkGroupId: GROUP_ID, name: 'Community' })
        .returning({ id: schema.communities.id }),
    );
    return { agencyId: agency.id, brandId: brand.id, appId: appRow.id, communityId: community.id };
  });
  let slug = 0;
  const app = createApp(world.deps);
  return {
    ...world,
    app,
    agencyId,
    brandId,
    campaign: (o = {}) =>
      write(async (tx) => {
        slug += 1;
        const row = inserted(
          await tx
            .insert(schema.campaigns)
            .values({
              brandId,
              appId,
              communityId,
              slug: `c${slug}`,
              title: `Campaign ${slug}`,
              mechanic: o.mechanic ?? 'tasks',
              status: o.status ?? 'live',
              startsAt: o.startsAt ?? world.clock.now - DAY,
              endsAt: o.endsAt ?? world.clock.now + 30 * DAY,
              timeZone: o.timeZone ?? 'Europe/Moscow',
              settings: o.settings ?? {},
              stages: o.stages ?? ['opened', 'task_started', 'task_done', 'quiz_finished', 'attempt', 'reward_issued'],
            })
            .returning({ id: schema.campaigns.id }),
        );
        return row.id;
      }),
    task: (campaignId, key, kind, config = {}, extra = {}) =>
      write(async (tx) => {
        await tx
          .insert(schema.tasks)
          .values({ campaignId, key, kind, title: key, config, attemptsGranted: extra.attemptsGranted ?? 0 });
      }),
    pool: (campaignId, key, codes, purpose = 'reward') =>
      write(async (tx) => {
        const pool = inserted(
          await tx
            .insert(schema.codePools)
            .values({ campaignId, key, name: key, purpose, lowStockThreshold: 2 })
            .returning({ id: schema.codePools.id }),
        );
        if (codes.length > 0)
          await tx.insert(schema.poolCodes).values(codes.map((code) => ({ poolId: pool.id, code })));
        return pool.id;
      }),
    reward: (campaignId, key, values = {}) =>
      write(async (tx) => {
        await tx.insert(schema.rewards).values({ campaignId, key, title: key, unlock: { tasks: 0 }, ...values });
      }),
    identity: (userId, platform = 'vk') => ({
      platform,
      userId: String(userId),
      appId:
        platform === 'vk'
          ? String(TEST_VK_APP_ID)
          : platform === 'ok'
            ? TEST_OK_KEY
            : (TEST_BOT_TOKEN.split(':')[0] ?? ''),
      language: 'ru',
      platformDetail: 'test',
    }),
    agencyOwner: async (vkUserId) => {
      await write((tx) =>
        tx.insert(schema.memberships).values({
          platform: 'vk',
          platformUserId: String(vkUserId),
          agencyId,
          brandId: null,
          role: 'agency_admin',
          sections: [],
        }),
      );
    },
    call: (method, path, vkUserId, body) =>
      Promise.resolve(
        app.request(path, {
          method,
          headers: {
            Authorization: world.vkAuth(vkUserId),
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      ),
  };
}
