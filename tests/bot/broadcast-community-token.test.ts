/**
 * A broadcast of community messages for a community with no token to send them (decision 071). Before, brand 2's
 * campaign, sending through brand 2's community that has no token stored (and is not the configured `VK_GROUP_ID`),
 * got its broadcast written: 201, its rows queued for ever (no sender claims a community without a token, no pass
 * closes them) and the office read "sending". Now the send is refused with 409 `no_community_token` naming the
 * community, nothing written; the dry run still counts; once the agency stores the community's token, it is sent.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { runSender } from '../../bot/sender/outbox-sender.ts';
import { senderChannels } from '../../bot/sender/sender-from-config.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { sealToken, secretPlace } from '../../server/office/agency/agency-secrets.ts';
import { createMessagingWorld, type MessagingWorld, STAGES } from './messaging-world.ts';

let w: MessagingWorld | undefined;
afterEach(async () => {
  await w?.shutdown();
  w = undefined;
});
const HOUR = 3_600_000;
const MAILER = 930_001;
const GROUP2 = 2;
const USERS = [930_101, 930_102, 930_103];

interface Answer {
  error: { code: string; message: string; issues: unknown[] };
  preview: { total: number; withConsent: number };
  enqueued: number;
}

/** Brand 2 with its app, its community (VK 2, no token) and a live campaign whose participants allowed messages. */
async function brandTwo(world: MessagingWorld): Promise<{ campaignId: number; brandId: number }> {
  const now = world.clock.now;
  return inTransaction(world.deps.db, async (tx) => {
    const [brand] = await tx.insert(schema.brands).values({ agencyId: world.agencyId, name: 'B2' }).returning();
    if (!brand) throw new Error('no brand');
    const [app] = await tx
      .insert(schema.apps)
      .values({ brandId: brand.id, name: 'app2', vkAppId: 51_000_002 })
      .returning();
    const [community] = await tx
      .insert(schema.communities)
      .values({ brandId: brand.id, vkGroupId: GROUP2, name: 'Кофейня Два' })
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
        timeZone: 'UTC',
        stages: STAGES,
      })
      .returning();
    for (const user of USERS) {
      await tx.insert(schema.participants).values({
        campaignId: campaign?.id as number,
        platform: 'vk',
        platformUserId: String(user),
        stage: 'opened',
        stageIndex: 0,
        stageReachedAt: now,
        referralCode: `t${user}`,
      });
      await tx.insert(schema.consents).values({
        vkGroupId: GROUP2,
        vkUserId: user,
        channel: 'message',
        allowed: true,
        source: 'message_allow',
        updatedAt: now,
      });
      world.fake.allowMessages(GROUP2, user);
    }
    await tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(MAILER),
      agencyId: world.agencyId,
      brandId: brand.id,
      role: 'brand_admin',
      sections: ['mailings'],
    });
    return { campaignId: campaign?.id as number, brandId: brand.id };
  });
}

describe('a broadcast through a community with no token', () => {
  it('is refused with 409 naming the community, nothing written; the dry run counts; with a token stored it goes', async () => {
    w = await createMessagingWorld({}, Date.UTC(2026, 5, 1, 12));
    const world = w;
    const app = createApp(world.deps);
    const { campaignId } = await brandTwo(world);
    const post = async (body: object) => {
      const res = await app.request(`/api/admin/mailing/campaigns/${campaignId}/broadcasts`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: world.vkAuth(MAILER) },
        body: JSON.stringify({ name: 'Новости', segment: {}, channel: 'message', text: 'Привет', ...body }),
      });
      return { status: res.status, body: (await res.json()) as Answer };
    };

    for (const body of [{}, { scheduledAt: world.clock.now + 2 * HOUR }]) {
      const refused = await post(body);
      expect(refused.status, JSON.stringify(refused.body)).toBe(409);
      expect(refused.body.error.code).toBe('no_community_token');
      expect(refused.body.error.message).toContain('Кофейня Два');
      expect(refused.body.error.issues).toEqual([
        expect.objectContaining({
          path: 'channel',
          code: 'community_without_token',
          params: { community: 'Кофейня Два', vkGroupId: GROUP2 },
        }),
      ]);
    }
    expect(await world.deps.db.select().from(schema.broadcasts)).toEqual([]);
    expect(await world.deps.db.select().from(schema.outbox)).toEqual([]);
    const dry = await post({ dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.preview).toMatchObject({ total: 3, withConsent: 3 });

    // The agency stores the community's token: the broadcast is written and a sender for that community sends it.
    const sealed = sealToken(world.config, `group:${GROUP2}`, secretPlace.community(GROUP2));
    await inTransaction(world.deps.db, (tx) =>
      tx.update(schema.communities).set({ tokenCiphertext: sealed }).where(eq(schema.communities.vkGroupId, GROUP2)),
    );
    const sent = await post({});
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.enqueued).toBe(3);
    const totals = await runSender({
      db: world.deps.db,
      now: () => world.clock.now,
      channels: senderChannels(world.deps.db, world.config, { vkGroupId: GROUP2 }),
      scope: { vkGroupId: GROUP2 },
      leaseMs: world.config.OUTBOX_LEASE_MS,
      once: true,
      drainWaitMs: 0,
    });
    expect(totals).toMatchObject({ sent: 3, remaining: 0 });
  });
});
