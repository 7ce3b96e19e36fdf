/**
 * Decision 069: what the sender had claimed at the very moment the agency switched the brand off. The switch closes
 * only what is queued; claimed rows wait for their slot at the gate (here: the first second of a new sender) and the
 * last look closes them. Found from inside: the look found the brand only through a row's campaign, so a bot reply
 * (no campaign, only the community) went out after the switch-off; and a broadcast whose rows were all claimed was
 * not marked, so the office listed it as "Отправляется" for ever with nothing left to send.
 * The real sender against the fake VK; the office's own routes for the broadcast, the switch and the reading.
 */
import { count, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { queueReply } from '../../server/mailing/replies.ts';
import { createMessagingWorld, GROUP_ID, grantBrandAdmin, type MessagingWorld } from './messaging-world.ts';

const MAILER = 931_001;
const AGENCY = 931_002;
/** Noon in Moscow: outside the default quiet hours. */
const NOON_MSK = Date.UTC(2026, 5, 1, 9);

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld({}, NOON_MSK);
  app = createApp(w.deps);
  await grantBrandAdmin(w, MAILER, ['mailings']);
  await inTransaction(w.deps.db, (tx) =>
    tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(AGENCY),
      agencyId: w.agencyId,
      brandId: null,
      role: 'agency_admin',
      sections: [],
    }),
  );
});
afterEach(async () => {
  await w.shutdown();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call(method: string, path: string, user: number, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: w.vkAuth(user) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}
const base = () => `/api/admin/mailing/campaigns/${w.campaignId}`;

const rowsIn = async (status: 'queued' | 'sending') =>
  (await w.deps.db.select({ n: count() }).from(schema.outbox).where(eq(schema.outbox.status, status)))[0]?.n ?? 0;

/**
 * Starts a sender whose first call waits a second for its slot (a new process's cold start, as after a restart),
 * waits until it has claimed all `rows`, switches the brand off through the agency's route, and lets the sender run
 * on until nothing is claimed or queued.
 */
async function switchOffWhileClaimed(rows: number): Promise<void> {
  const abort = new AbortController();
  const run = sendOutbox(w.deps.db, w.config, () => w.clock.now, {
    once: false,
    signal: abort.signal,
    idleMs: 20,
    coldStartMs: 1000,
  });
  const deadline = Date.now() + 20_000;
  try {
    while ((await rowsIn('sending')) < rows && Date.now() < deadline) await sleep(5);
    expect(await rowsIn('sending')).toBe(rows);
    expect(w.fake.delivered).toEqual([]);
    const off = await call('POST', `/api/admin/agency/brands/${w.brandId}/switch-off`, AGENCY);
    expect(off.status).toBe(200);
    while ((await rowsIn('sending')) + (await rowsIn('queued')) > 0 && Date.now() < deadline) await sleep(20);
    expect(await rowsIn('sending')).toBe(0);
  } finally {
    abort.abort();
    await run;
  }
}

describe('claimed at the very moment of the switch-off (decision 069)', () => {
  it('a bot reply claimed before the switch-off is not sent after it', async () => {
    await w.addParticipants({ count: 3, firstUserId: 9_440_000 });
    for (let i = 0; i < 3; i += 1) {
      await queueReply(
        w.deps.db,
        { vkGroupId: GROUP_ID, vkUserId: 9_440_000 + i, inReplyTo: `msg:${i}`, text: 'Ответ' },
        w.clock.now,
      );
    }
    await switchOffWhileClaimed(3);

    expect(w.fake.delivered).toEqual([]);
    const rows = await w.deps.db.select().from(schema.outbox);
    expect(rows.map((r) => [r.status, r.errorReason, r.attempts])).toEqual(
      Array(3).fill(['cancelled', 'brand_switched_off', 0]),
    );
  });

  it('a broadcast whose messages were all claimed at the switch-off reads "not sent · 0 of 5", not "sending" for ever', async () => {
    await w.addParticipants({ count: 5, firstUserId: 9_450_000 });
    const sent = await call('POST', `${base()}/broadcasts`, MAILER, {
      name: 'moment',
      segment: {},
      channel: 'message',
      text: 'Новое задание',
    });
    expect(sent.status).toBe(201);
    const id = sent.body.broadcast.id as number;
    await switchOffWhileClaimed(5);

    expect(w.fake.delivered).toEqual([]);
    // Read as the agency: a switched-off brand's own members no longer reach its office.
    const list = await call('GET', `${base()}/broadcasts`, AGENCY);
    expect(list.body.broadcasts[0]).toMatchObject({
      id,
      status: 'cancelled',
      cancelReason: 'brand_switched_off',
      enqueuedCount: 5,
      sentCount: 0,
    });
    const page = await call('GET', `${base()}/broadcasts/${id}`, AGENCY);
    expect(page.body.broadcast).toMatchObject({ status: 'cancelled', cancelReason: 'brand_switched_off' });
    expect(page.body.stats.cancelledByReason).toEqual({ brand_switched_off: 5 });
  });
});
