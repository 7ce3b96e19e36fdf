/**
 * Decision 078: one sender process sends for every community it can send as. Before, it sent only for its configured
 * `VK_GROUP_ID`: brand 2's community, connected in the office with its token stored, had its messages queued for ever
 * unless the agency ran another bot process configured for it. Now each community with a stored token (and the
 * configured one) has its own run — its rows only, its own token — and a token stored while the sender runs is picked
 * up without a restart, a token removed stops that community's run. Real database, real sender, the fake VK.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { tokenLeaseName } from '../../bot/sender/token-turn.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { enqueue } from '../../server/mailing/outbox.ts';
import { sealToken, secretPlace } from '../../server/office/agency/agency-secrets.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld, STAGES } from './messaging-world.ts';

let w: MessagingWorld | undefined;
afterEach(async () => {
  await w?.shutdown();
  w = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CONFIG_TOKEN = `group:${GROUP_ID}:config`;
const token = (groupId: number) => `group:${groupId}:stored`;

/** A brand of the world's agency with its own community `groupId` and live campaign, the community's token stored or not. */
async function connectCommunity(world: MessagingWorld, groupId: number, stored: boolean): Promise<number> {
  const now = world.clock.now;
  const campaignId = await inTransaction(world.deps.db, async (tx) => {
    const [brand] = await tx
      .insert(schema.brands)
      .values({ agencyId: world.agencyId, name: `B${groupId}` })
      .returning();
    const [app] = await tx
      .insert(schema.apps)
      .values({ brandId: brand?.id as number, name: `app${groupId}`, vkAppId: 51_000_000 + groupId })
      .returning();
    const [community] = await tx
      .insert(schema.communities)
      .values({ brandId: brand?.id as number, vkGroupId: groupId, name: `C${groupId}` })
      .returning();
    const [campaign] = await tx
      .insert(schema.campaigns)
      .values({
        brandId: brand?.id as number,
        appId: app?.id as number,
        communityId: community?.id as number,
        slug: `c${groupId}`,
        title: `K${groupId}`,
        mechanic: 'tasks',
        status: 'live',
        startsAt: now - 86_400_000,
        endsAt: now + 86_400_000,
        timeZone: 'UTC',
        stages: STAGES,
      })
      .returning();
    return campaign?.id as number;
  });
  if (stored) await storeToken(world, groupId, token(groupId));
  return campaignId;
}

async function storeToken(world: MessagingWorld, groupId: number, value: string | null): Promise<void> {
  const sealed = value === null ? null : sealToken(world.config, value, secretPlace.community(groupId));
  await inTransaction(world.deps.db, (tx) =>
    tx.update(schema.communities).set({ tokenCiphertext: sealed }).where(eq(schema.communities.vkGroupId, groupId)),
  );
}

/** One message of `campaignId` through community `groupId` to each of `users`, who allowed its messages. */
async function queue(world: MessagingWorld, groupId: number, campaignId: number, users: number[]): Promise<void> {
  await inTransaction(world.deps.db, async (tx) => {
    for (const user of users) {
      await tx.insert(schema.consents).values({
        vkGroupId: groupId,
        vkUserId: user,
        channel: 'message',
        allowed: true,
        source: 'message_allow',
        updatedAt: world.clock.now,
      });
    }
    await enqueue(
      tx,
      users.map((user) => ({
        dedupeKey: `t:${groupId}:${user}`,
        kind: 'broadcast' as const,
        campaignId,
        vkGroupId: groupId,
        vkUserId: user,
        channel: 'message' as const,
        text: `hello from ${groupId}`,
      })),
      world.clock.now,
    );
  });
  for (const user of users) world.fake.allowMessages(groupId, user);
}

/** Which token carried each message VK delivered, by community. */
function deliveredBy(world: MessagingWorld): Record<number, { peers: number[]; tokens: string[] }> {
  const out: Record<number, { peers: number[]; tokens: string[] }> = {};
  for (const d of world.fake.delivered) {
    const g = out[d.groupId] ?? { peers: [], tokens: [] };
    g.peers.push(d.peerId);
    out[d.groupId] = g;
  }
  for (const c of world.fake.calls) {
    if (c.method !== 'messages.send' && c.method !== 'execute') continue;
    const groupId = Number(c.token.split(':')[1]);
    const g = out[groupId] ?? { peers: [], tokens: [] };
    if (!g.tokens.includes(c.token)) g.tokens.push(c.token);
    out[groupId] = g;
  }
  for (const g of Object.values(out)) g.peers.sort((a, b) => a - b);
  return out;
}

async function statuses(world: MessagingWorld): Promise<Record<string, number>> {
  const rows = await world.deps.db.select({ status: schema.outbox.status }).from(schema.outbox);
  const out: Record<string, number> = {};
  for (const r of rows) out[r.status] = (out[r.status] ?? 0) + 1;
  return out;
}

describe('one sender for every community with a token (decision 078)', () => {
  it('sends the configured community’s and a stored-token community’s messages, each with its own token and lease, none twice', async () => {
    w = await createMessagingWorld({ VK_GROUP_TOKEN: CONFIG_TOKEN });
    const world = w;
    await queue(world, GROUP_ID, world.campaignId, [8_100_001, 8_100_002, 8_100_003]);
    const two = await connectCommunity(world, 2, true);
    await queue(world, 2, two, [8_200_001, 8_200_002]);

    const totals = await sendOutbox(world.deps.db, world.config, () => world.clock.now, { once: true, drainWaitMs: 0 });

    expect(totals).toMatchObject({ sent: 5, failed: 0, remaining: 0 });
    expect(deliveredBy(world)).toEqual({
      [GROUP_ID]: { peers: [8_100_001, 8_100_002, 8_100_003], tokens: [CONFIG_TOKEN] },
      2: { peers: [8_200_001, 8_200_002], tokens: [token(2)] },
    });
    expect(await statuses(world)).toEqual({ sent: 5 });
    // Each token its own lease (and so its own rate gate): the two communities never share a turn.
    const leases = (await world.deps.db.select({ name: schema.leases.name }).from(schema.leases)).map((l) => l.name);
    expect(leases).toEqual(
      expect.arrayContaining([
        tokenLeaseName(world.config.VK_API_BASE_URL, CONFIG_TOKEN),
        tokenLeaseName(world.config.VK_API_BASE_URL, token(2)),
      ]),
    );

    // A second pass sends nothing again.
    const again = await sendOutbox(world.deps.db, world.config, () => world.clock.now, { once: true, drainWaitMs: 0 });
    expect(again.sent).toBe(0);
    expect(world.fake.delivered).toHaveLength(5);
  });

  it('picks up a community whose token is stored while it runs, and stops for one whose token is removed', async () => {
    w = await createMessagingWorld({ VK_GROUP_TOKEN: CONFIG_TOKEN });
    const world = w;
    const three = await connectCommunity(world, 3, false);
    await queue(world, 3, three, [8_300_001, 8_300_002]);
    const abort = new AbortController();
    const run = sendOutbox(world.deps.db, world.config, () => world.clock.now, {
      once: false,
      signal: abort.signal,
      idleMs: 50,
    });
    const waitFor = async (n: number) => {
      const deadline = Date.now() + 10_000;
      while (world.fake.delivered.length < n && Date.now() < deadline) await sleep(20);
    };
    try {
      await sleep(300);
      expect(world.fake.delivered).toEqual([]);

      // The agency connects the community's token in the office: its queued rows go out, with that token.
      await storeToken(world, 3, token(3));
      await waitFor(2);
      await queue(world, GROUP_ID, world.campaignId, [8_100_010]);
      await waitFor(3);
      expect(deliveredBy(world)).toEqual({
        [GROUP_ID]: { peers: [8_100_010], tokens: [CONFIG_TOKEN] },
        3: { peers: [8_300_001, 8_300_002], tokens: [token(3)] },
      });

      // Its token removed: nothing more leaves for it (it waits), while the configured community still sends.
      await storeToken(world, 3, null);
      await sleep(300);
      await queue(world, 3, three, [8_300_003]);
      await queue(world, GROUP_ID, world.campaignId, [8_100_011]);
      await waitFor(4);
      await sleep(300);
      expect(deliveredBy(world)[3]?.peers).toEqual([8_300_001, 8_300_002]);
      expect(deliveredBy(world)[GROUP_ID]?.peers).toEqual([8_100_010, 8_100_011]);
    } finally {
      abort.abort();
    }
    const totals = await run;
    expect(totals.sent).toBe(4);
    expect(await statuses(world)).toEqual({ sent: 4, queued: 1 });
  }, 30_000);
});
