/**
 * Test support for the draw: a promo world with a live giveaway (tasks join, allow messages, share), its commitment
 * written by the go-live step, entrants made directly in the database, and an office member with `prizes` rights.
 */
import { schema } from '../../../db/client.ts';
import { goLiveSteps } from '../../../office/campaigns/go-live.ts';
import { createPromoWorld, DAY, type PromoWorld } from '../../testing/promo-world.ts';

export const ADMIN = 900001;
export const REQUIRED = ['join', 'msgs', 'share'] as const;

export interface DrawWorld extends PromoWorld {
  campaignId: number;
  drawAt: number;
  /** Adds a VK participant with the given tasks done (at `doneAt`, server-verified where the kind is). */
  entrant(userId: number, done?: readonly string[], doneAt?: number): Promise<number>;
  goLive(): Promise<void>;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
}

export async function createDrawWorld(
  options: { winners?: number; reserves?: number; env?: Record<string, string> } = {},
): Promise<DrawWorld> {
  const w = await createPromoWorld(options.env ?? {});
  const drawAt = w.clock.now + 10 * DAY;
  const campaignId = await w.campaign({
    settings: {
      draw: {
        winners: options.winners ?? 3,
        reserves: options.reserves ?? 2,
        drawAt,
        requiredTaskKeys: [...REQUIRED],
      },
    },
  });
  await w.write((tx) => tx.update(schema.campaigns).set({ legalType: 'giveaway' }));
  await w.task(campaignId, 'join', 'join_community');
  await w.task(campaignId, 'msgs', 'allow_messages');
  await w.task(campaignId, 'share', 'share_story', { imageUrl: 'https://x/y.png', link: 'https://vk.com' });
  await w.write((tx) =>
    tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(ADMIN),
      agencyId: w.agencyId,
      brandId: w.brandId,
      role: 'brand_member',
      sections: ['prizes'],
    }),
  );
  const tasks = await w.deps.db.select().from(schema.tasks);
  const taskIds = new Map(tasks.map((t) => [t.key, t]));
  return {
    ...w,
    campaignId,
    drawAt,
    entrant: (userId, done = REQUIRED, doneAt = w.clock.now) =>
      w.write(async (tx) => {
        const [p] = await tx
          .insert(schema.participants)
          .values({
            campaignId,
            platform: 'vk',
            platformUserId: String(userId),
            stageReachedAt: doneAt,
            referralCode: `r${userId}`,
          })
          .returning({ id: schema.participants.id });
        const id = (p as { id: number }).id;
        for (const key of done) {
          const task = taskIds.get(key);
          if (!task) throw new Error(`no task ${key}`);
          await tx.insert(schema.taskCompletions).values({
            participantId: id,
            taskId: task.id,
            status: 'done',
            level: task.kind === 'share_story' ? 'client_confirmed' : 'server_verified',
            startedAt: doneAt,
            doneAt,
          });
        }
        return id;
      }),
    goLive: () => w.write((tx) => goLiveSteps(tx, { campaignId, now: w.clock.now })),
    admin: (method, path, body) => w.call(method, path, ADMIN, body),
  };
}
