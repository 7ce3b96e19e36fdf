/**
 * Decision 078: community messages that come due while their community has no token. Before, a scheduled broadcast
 * whose community lost its token by its moment, and a funnel rule's messages for a community with none, were written
 * `queued` and waited for ever (no sender claims a community without a token), the office reading "sending". Now the
 * schedule pass closes them as `no_community_token` once due, the broadcast cancelled with that reason (the office
 * words it, broadcast-state.ts), and a token stored later does not send them. Real database, the bot's schedule pass,
 * the real sender and the fake VK.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { runSchedulesOnce } from '../../bot/schedule.ts';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { createBroadcast } from '../../server/mailing/broadcast.service.ts';
import { createRule } from '../../server/mailing/rule.service.ts';
import { sealToken, secretPlace } from '../../server/office/agency/agency-secrets.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let w: MessagingWorld | undefined;
afterEach(async () => {
  await w?.shutdown();
  w = undefined;
});

const HOUR = 3_600_000;
/** Noon in Moscow: outside any quiet hours, so rows are due as soon as they are written. */
const NOON_MSK = Date.UTC(2026, 5, 1, 9);
const STORED = `group:${GROUP_ID}:stored`;

/** No `VK_GROUP_TOKEN`: the community's only token is the one stored in the office, or none. */
const tokenlessWorld = () => createMessagingWorld({ VK_GROUP_TOKEN: '' }, NOON_MSK);

async function storeToken(world: MessagingWorld, token: string | null): Promise<void> {
  const sealed = token === null ? null : sealToken(world.config, token, secretPlace.community(GROUP_ID));
  await inTransaction(world.deps.db, (tx) =>
    tx.update(schema.communities).set({ tokenCiphertext: sealed }).where(eq(schema.communities.vkGroupId, GROUP_ID)),
  );
}

const send = (world: MessagingWorld) =>
  sendOutbox(world.deps.db, world.config, () => world.clock.now, { once: true, drainWaitMs: 0 });

const outboxOf = async (world: MessagingWorld) =>
  (await world.deps.db.select().from(schema.outbox)).map((r) => ({
    broadcastId: r.broadcastId,
    ruleId: r.ruleId,
    status: r.status,
    errorReason: r.errorReason,
  }));

describe('community messages due while the community has no token (decision 078)', () => {
  it('a scheduled broadcast whose community lost its token by its moment is closed unsent, not sent when one comes', async () => {
    w = await tokenlessWorld();
    const world = w;
    await world.addParticipants({ count: 3, firstUserId: 9_100_001 });
    await storeToken(world, STORED);
    const scheduled = (name: string, inHours: number) =>
      createBroadcast(
        world.deps.db,
        {
          campaignId: world.campaignId,
          name,
          segment: {},
          channel: 'message',
          text: name,
          scheduledAt: world.clock.now + inHours * HOUR,
        },
        world.clock.now,
        world.office,
      );
    const kept = await scheduled('kept', 1);
    const lost = await scheduled('lost', 2);

    // Its moment with the token stored: written and sent, as before.
    world.clock.advance(HOUR);
    await runSchedulesOnce(world.deps);
    expect((await send(world)).sent).toBe(3);

    // The agency removes the community's token; the second broadcast's moment comes.
    await storeToken(world, null);
    world.clock.advance(HOUR);
    await runSchedulesOnce(world.deps);
    const rows = await outboxOf(world);
    expect(rows.filter((r) => r.broadcastId === kept.id).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(rows.filter((r) => r.broadcastId === lost.id)).toEqual(
      Array.from({ length: 3 }, () =>
        expect.objectContaining({ status: 'cancelled', errorReason: 'no_community_token' }),
      ),
    );
    const [b] = await world.deps.db.select().from(schema.broadcasts).where(eq(schema.broadcasts.id, lost.id));
    expect(b).toMatchObject({ status: 'cancelled', cancelReason: 'no_community_token', enqueuedCount: 3 });

    // A token stored again later does not send it at a moment nobody chose.
    await storeToken(world, STORED);
    expect((await send(world)).sent).toBe(0);
    expect(world.fake.delivered.map((d) => d.text)).toEqual(['kept', 'kept', 'kept']);
  });

  it('a funnel rule’s messages for a community with no token are closed unsent; with a token they are sent', async () => {
    w = await tokenlessWorld();
    const world = w;
    await world.addParticipants({ count: 4, firstUserId: 9_200_001, reachedAt: world.clock.now - 30 * HOUR });
    const rule = await createRule(
      world.deps.db,
      world.campaignId,
      {
        name: 'Напомнить',
        stage: 'opened',
        notStage: 'task_done',
        minHours: 24,
        maxHours: 72,
        channel: 'message',
        variants: [{ key: 'A', text: 'Осталось одно задание' }],
      },
      world.office,
      world.clock.now,
    );
    await runSchedulesOnce(world.deps);
    const rows = await outboxOf(world);
    expect(rows).toHaveLength(4);
    expect(rows).toEqual(
      Array.from({ length: 4 }, () =>
        expect.objectContaining({ ruleId: rule.id, status: 'cancelled', errorReason: 'no_community_token' }),
      ),
    );
    await storeToken(world, STORED);
    expect((await send(world)).sent).toBe(0);

    // Users who reach the rule once the token is stored get it.
    await world.addParticipants({ count: 2, firstUserId: 9_200_101, reachedAt: world.clock.now - 30 * HOUR });
    await runSchedulesOnce(world.deps);
    expect((await send(world)).sent).toBe(2);
    expect(world.fake.delivered.map((d) => d.peerId).sort()).toEqual([9_200_101, 9_200_102]);
  });
});
