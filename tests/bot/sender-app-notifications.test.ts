/**
 * Decision 090: a brand's own mini app sends its notifications too. Before, notifications went out only with the
 * configured `VK_SERVICE_TOKEN`, for the configured community: a brand whose campaign runs in its own app, connected in
 * the office with its service token stored, had its notifications queued for ever, the office reading "sending". Now
 * each app with a stored service token (and the configured one) has its own sender run — its campaigns' notifications
 * only, its own token, lease and rate — and an app with none (not the configured one) has its due notifications closed
 * as `no_app_token`, their broadcast cancelled with it. Real database, the real sender and schedule pass, the fake VK
 * (which answers a notification only to the app whose service token carries it).
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { runSchedulesOnce } from '../../bot/schedule.ts';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { tokenLeaseName } from '../../bot/sender/token-turn.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { createBroadcast, enqueueBroadcast } from '../../server/mailing/broadcast.service.ts';
import { sealToken, secretPlace } from '../../server/office/agency/agency-secrets.ts';
import { createMessagingWorld, type MessagingWorld, STAGES } from './messaging-world.ts';

let w: MessagingWorld | undefined;
afterEach(async () => {
  await w?.shutdown();
  w = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** 14:00 in Moscow: outside any quiet hours, so a broadcast's rows are due as soon as they are written. */
const AFTERNOON = Date.UTC(2026, 5, 1, 11);
const CONFIGURED_APP = 51_000_001;
const CONFIGURED_TOKEN = `service:${CONFIGURED_APP}`;
const stored = (vkAppId: number, label = 'stored') => `service:${vkAppId}:${label}`;

const world = () => createMessagingWorld({ VK_SERVICE_TOKEN: CONFIGURED_TOKEN }, AFTERNOON);

/** A brand of the world's agency with its own VK app `vkAppId`, community and live campaign. */
async function brandWithApp(world: MessagingWorld, vkAppId: number): Promise<{ campaignId: number; brandId: number }> {
  const now = world.clock.now;
  return inTransaction(world.deps.db, async (tx) => {
    const [brand] = await tx
      .insert(schema.brands)
      .values({ agencyId: world.agencyId, name: `B${vkAppId}` })
      .returning();
    const brandId = brand?.id as number;
    const [app] = await tx
      .insert(schema.apps)
      .values({ brandId, name: `app${vkAppId}`, vkAppId })
      .returning();
    // Its community has no token: notifications need the app's service token, not the community's.
    const [community] = await tx
      .insert(schema.communities)
      .values({ brandId, vkGroupId: vkAppId - 51_000_000 + 100, name: `C${vkAppId}` })
      .returning();
    const [campaign] = await tx
      .insert(schema.campaigns)
      .values({
        brandId,
        appId: app?.id as number,
        communityId: community?.id as number,
        slug: `c${vkAppId}`,
        title: `K${vkAppId}`,
        mechanic: 'tasks',
        status: 'live',
        startsAt: now - 86_400_000,
        endsAt: now + 86_400_000,
        timeZone: 'Europe/Moscow',
        stages: STAGES,
      })
      .returning();
    return { campaignId: campaign?.id as number, brandId };
  });
}

/** Stores (or, with null, removes) VK app `vkAppId`'s service token in the office, sealed as the office seals it. */
async function storeServiceToken(world: MessagingWorld, vkAppId: number, token: string | null): Promise<void> {
  const [app] = await world.deps.db.select().from(schema.apps).where(eq(schema.apps.vkAppId, vkAppId));
  const sealed = token === null ? null : sealToken(world.config, token, secretPlace.vkServiceToken(app?.id as number));
  await inTransaction(world.deps.db, (tx) =>
    tx.update(schema.apps).set({ vkServiceTokenCiphertext: sealed }).where(eq(schema.apps.vkAppId, vkAppId)),
  );
}

/** Participants `users` of `campaignId`, each allowing notifications of app `vkAppId` (in the fake VK). */
async function participants(world: MessagingWorld, campaignId: number, vkAppId: number, users: number[]) {
  await inTransaction(world.deps.db, (tx) =>
    tx.insert(schema.participants).values(
      users.map((user) => ({
        campaignId,
        platform: 'vk' as const,
        platformUserId: String(user),
        stage: 'opened',
        stageIndex: 0,
        stageReachedAt: world.clock.now,
        referralCode: `ref-${campaignId}-${user}`,
      })),
    ),
  );
  for (const user of users) world.fake.allowNotifications(vkAppId, user);
}

/** A notification broadcast to every participant of `campaignId`, written by the schedule pass as its moment comes. */
async function notifyAll(world: MessagingWorld, campaignId: number, text: string): Promise<number> {
  const b = await createBroadcast(
    world.deps.db,
    { campaignId, name: text, segment: {}, channel: 'notification', text },
    world.clock.now,
    world.office,
  );
  await enqueueBroadcast(world.deps.db, b, world.clock.now);
  return b.id;
}

const send = (world: MessagingWorld) =>
  sendOutbox(world.deps.db, world.config, () => world.clock.now, { once: true, drainWaitMs: 0 });

/** Who each app's notifications reached, and the tokens its calls carried. */
function notifiedBy(world: MessagingWorld): Record<number, { users: number[]; tokens: string[] }> {
  const out: Record<number, { users: number[]; tokens: string[] }> = {};
  for (const n of world.fake.notifications) {
    const a = out[n.appId as number] ?? { users: [], tokens: [] };
    a.users.push(...n.userIds);
    out[n.appId as number] = a;
  }
  for (const c of world.fake.calls) {
    if (c.method !== 'notifications.sendMessage') continue;
    const appId = Number(c.token.split(':')[1]);
    const a = out[appId] ?? { users: [], tokens: [] };
    if (!a.tokens.includes(c.token)) a.tokens.push(c.token);
    out[appId] = a;
  }
  for (const a of Object.values(out)) a.users.sort((x, y) => x - y);
  return out;
}

async function statuses(world: MessagingWorld): Promise<Record<string, number>> {
  const rows = await world.deps.db
    .select({ status: schema.outbox.status, reason: schema.outbox.errorReason })
    .from(schema.outbox);
  const out: Record<string, number> = {};
  for (const r of rows) {
    const key = r.reason ? `${r.status}:${r.reason}` : r.status;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

describe("a brand's own app sends its notifications (decision 090)", () => {
  it('sends the configured app’s and a stored-token app’s notifications, each with its own token and lease, none twice', async () => {
    w = await world();
    const x = w;
    await participants(x, x.campaignId, CONFIGURED_APP, [7_100_001, 7_100_002, 7_100_003]);
    const two = await brandWithApp(x, 51_000_002);
    await storeServiceToken(x, 51_000_002, stored(51_000_002));
    await participants(x, two.campaignId, 51_000_002, [7_200_001, 7_200_002]);
    await notifyAll(x, x.campaignId, 'configured');
    await notifyAll(x, two.campaignId, 'own app');

    const totals = await send(x);

    expect(totals).toMatchObject({ sent: 5, failed: 0, remaining: 0 });
    expect(notifiedBy(x)).toEqual({
      [CONFIGURED_APP]: { users: [7_100_001, 7_100_002, 7_100_003], tokens: [CONFIGURED_TOKEN] },
      51000002: { users: [7_200_001, 7_200_002], tokens: [stored(51_000_002)] },
    });
    expect(await statuses(x)).toEqual({ sent: 5 });
    const leases = (await x.deps.db.select({ name: schema.leases.name }).from(schema.leases)).map((l) => l.name);
    expect(leases).toEqual(
      expect.arrayContaining([
        tokenLeaseName(x.config.VK_API_BASE_URL, CONFIGURED_TOKEN),
        tokenLeaseName(x.config.VK_API_BASE_URL, stored(51_000_002)),
      ]),
    );
    // A second pass sends nothing again.
    const calls = x.fake.calls.length;
    expect(await send(x)).toMatchObject({ sent: 0, remaining: 0 });
    expect(x.fake.calls.filter((c) => c.method === 'notifications.sendMessage').length).toBe(
      x.fake.calls.slice(0, calls).filter((c) => c.method === 'notifications.sendMessage').length,
    );
  });

  it('an app with no service token has its due notifications closed `no_app_token`, its broadcast cancelled; the configured app’s go', async () => {
    w = await world();
    const x = w;
    await participants(x, x.campaignId, CONFIGURED_APP, [7_100_001]);
    const three = await brandWithApp(x, 51_000_003);
    await participants(x, three.campaignId, 51_000_003, [7_300_001, 7_300_002]);
    const lost = await notifyAll(x, three.campaignId, 'no token');
    await notifyAll(x, x.campaignId, 'configured');

    await runSchedulesOnce(x.deps);
    const totals = await send(x);

    expect(totals).toMatchObject({ sent: 1, remaining: 0 });
    expect(await statuses(x)).toEqual({ sent: 1, 'cancelled:no_app_token': 2 });
    const [b] = await x.deps.db.select().from(schema.broadcasts).where(eq(schema.broadcasts.id, lost));
    expect(b).toMatchObject({ status: 'cancelled', cancelReason: 'no_app_token' });
    // A token stored later does not send what was closed.
    await storeServiceToken(x, 51_000_003, stored(51_000_003));
    expect(await send(x)).toMatchObject({ sent: 0 });
    expect(notifiedBy(x)[51_000_003]).toBeUndefined();
  });

  it('a switched-off brand’s app sends nothing: its notifications are closed `brand_switched_off`', async () => {
    w = await world();
    const x = w;
    const two = await brandWithApp(x, 51_000_002);
    await storeServiceToken(x, 51_000_002, stored(51_000_002));
    await participants(x, two.campaignId, 51_000_002, [7_200_001, 7_200_002]);
    await notifyAll(x, two.campaignId, 'own app');
    await inTransaction(x.deps.db, (tx) =>
      tx.update(schema.brands).set({ disabledAt: x.clock.now }).where(eq(schema.brands.id, two.brandId)),
    );

    await send(x);

    expect(x.fake.notifications).toEqual([]);
    expect(await statuses(x)).toEqual({ 'cancelled:brand_switched_off': 2 });
  });

  it('a token stored while the sender runs is used, a replaced one is used next, a removed one sends no more', async () => {
    w = await world();
    const x = w;
    const two = await brandWithApp(x, 51_000_002);
    const abort = new AbortController();
    const run = sendOutbox(x.deps.db, x.config, () => x.clock.now, { once: false, signal: abort.signal, idleMs: 50 });
    const until = async (done: () => boolean) => {
      const deadline = Date.now() + 5000;
      while (!done() && Date.now() < deadline) await sleep(20);
    };
    try {
      await storeServiceToken(x, 51_000_002, stored(51_000_002));
      await participants(x, two.campaignId, 51_000_002, [7_200_001]);
      await notifyAll(x, two.campaignId, 'first');
      await until(() => x.fake.notifications.length === 1);
      expect(notifiedBy(x)[51_000_002]).toEqual({ users: [7_200_001], tokens: [stored(51_000_002)] });

      await storeServiceToken(x, 51_000_002, stored(51_000_002, 'new'));
      await participants(x, two.campaignId, 51_000_002, [7_200_002]);
      await notifyAll(x, two.campaignId, 'second');
      await until(() => x.fake.notifications.length === 2);
      expect(notifiedBy(x)[51_000_002]?.tokens).toEqual([stored(51_000_002), stored(51_000_002, 'new')]);

      await storeServiceToken(x, 51_000_002, null);
      await sleep(300);
      await participants(x, two.campaignId, 51_000_002, [7_200_003]);
      await notifyAll(x, two.campaignId, 'third');
      await sleep(500);
      expect(x.fake.notifications.length).toBe(2);
    } finally {
      abort.abort();
      await run;
    }
  });
});

describe('a notification follows its app while it waits (decision 093)', () => {
  it('queued before its app’s VK id is changed in the agency office, it goes out with the new id’s token', async () => {
    // A row carries its app's VK id from when it is written; the office's edit moves the rows still waiting with it,
    // as the app was looked up at each claim before. Without that, nothing sent them: the old id has no run.
    w = await world();
    const x = w;
    const AGENCY_ADMIN = 9_900_001;
    await inTransaction(x.deps.db, (tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(AGENCY_ADMIN),
        agencyId: x.agencyId,
        brandId: null,
        role: 'agency_admin',
        sections: [],
      }),
    );
    const two = await brandWithApp(x, 51_000_002);
    await participants(x, two.campaignId, 51_000_004, [7_200_001, 7_200_002]);
    await notifyAll(x, two.campaignId, 'before the change');

    const [app] = await x.deps.db.select().from(schema.apps).where(eq(schema.apps.vkAppId, 51_000_002));
    const res = await createApp(x.deps).request(`/api/admin/agency/brands/${two.brandId}/apps/${app?.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: x.vkAuth(AGENCY_ADMIN) },
      body: JSON.stringify({ vkAppId: 51_000_004, savedAt: app?.updatedAt }),
    });
    expect(res.status, await res.text()).toBe(200);
    await storeServiceToken(x, 51_000_004, stored(51_000_004));

    expect(await send(x)).toMatchObject({ sent: 2, remaining: 0 });
    expect(notifiedBy(x)).toEqual({ 51000004: { users: [7_200_001, 7_200_002], tokens: [stored(51_000_004)] } });
  });
});
