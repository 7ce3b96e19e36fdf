/**
 * Two brands, two communities, two VK apps on one platform: a reminder or a broadcast of brand 2's campaign opens
 * brand 2's app from brand 2's community — found from outside: its `open_app` button carried the process's
 * configured community and app (brand 1's), which show only brand 1's campaigns.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { runSchedulesOnce } from '../../bot/schedule.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { createBroadcast } from '../../server/mailing/broadcast.service.ts';
import { createRule } from '../../server/mailing/rule.service.ts';
import { createMessagingWorld, type MessagingWorld, STAGES } from './messaging-world.ts';

let w: MessagingWorld | undefined;
afterEach(async () => {
  await w?.shutdown();
  w = undefined;
});
const HOUR = 3_600_000;
const BRAND2_APP = 51_000_002;
const BRAND2_GROUP = 2;

describe('open_app buttons of another brand', () => {
  it("brand 2's reminder and broadcast open brand 2's app from brand 2's community", async () => {
    w = await createMessagingWorld();
    const world = w;
    const now = world.clock.now;
    const { campaignId, brandId } = await inTransaction(world.deps.db, async (tx) => {
      const [brand] = await tx.insert(schema.brands).values({ agencyId: world.agencyId, name: 'B2' }).returning();
      if (!brand) throw new Error('no brand');
      const [app] = await tx
        .insert(schema.apps)
        .values({ brandId: brand.id, name: 'app2', vkAppId: BRAND2_APP })
        .returning();
      const [community] = await tx
        .insert(schema.communities)
        .values({ brandId: brand.id, vkGroupId: BRAND2_GROUP, name: 'C2' })
        .returning();
      const [campaign] = await tx
        .insert(schema.campaigns)
        .values({
          brandId: brand.id,
          appId: app?.id as number,
          communityId: community?.id as number,
          slug: 'c2',
          title: 'K2',
          mechanic: 'tasks',
          status: 'live',
          startsAt: now - 30 * 24 * HOUR,
          endsAt: now + 30 * 24 * HOUR,
          timeZone: 'Europe/Moscow',
          stages: STAGES,
        })
        .returning();
      await tx.insert(schema.participants).values({
        campaignId: campaign?.id as number,
        platform: 'vk',
        platformUserId: '777',
        stage: 'opened',
        stageIndex: 0,
        stageReachedAt: now - 30 * HOUR,
        referralCode: 'r777',
      });
      await tx.insert(schema.consents).values({
        vkGroupId: BRAND2_GROUP,
        vkUserId: 777,
        channel: 'message',
        allowed: true,
        source: 'message_allow',
        updatedAt: now,
      });
      return { campaignId: campaign?.id as number, brandId: brand.id };
    });
    const who = { ...world.office, brandId };
    await createRule(
      world.deps.db,
      campaignId,
      {
        name: 'r',
        stage: 'opened',
        notStage: 'task_done',
        minHours: 24,
        maxHours: 72,
        channel: 'message',
        variants: [{ key: 'A', text: 'Вернитесь к заданию' }],
      } as never,
      who,
      now,
    );
    await createBroadcast(
      world.deps.db,
      {
        campaignId,
        name: 'news',
        segment: {},
        channel: 'message',
        text: 'Новости',
        fragment: `campaign/${campaignId}`,
        ignoreQuietHours: true,
      } as never,
      now,
      who,
    );
    // The bot process configured for community 1 runs the minute's pass over every campaign.
    await runSchedulesOnce(world.deps);
    const rows = await world.deps.db.select().from(schema.outbox).where(eq(schema.outbox.campaignId, campaignId));
    expect(rows.map((r) => r.kind).sort()).toEqual(['broadcast', 'rule']);
    for (const row of rows) {
      expect(row.vkGroupId).toBe(BRAND2_GROUP);
      const action = JSON.parse(row.extras.keyboard as string).buttons[0][0].action;
      expect(action, row.kind).toMatchObject({ type: 'open_app', app_id: BRAND2_APP, owner_id: -BRAND2_GROUP });
    }
  });
});
