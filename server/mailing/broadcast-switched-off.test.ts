/**
 * Broadcasts of a brand the agency switched off (decision 054): the office's send-now and schedule are refused up
 * front with 409 `brand_switched_off`, writing nothing (a dry run still counts); a broadcast scheduled before the
 * switch-off whose moment comes while the brand is off is not sent — marked cancelled with that reason, which the
 * office reads — and switching the brand back on does not send it late. The fake VK API is the community.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runSchedulesOnce } from '../../bot/schedule.ts';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createMessagingWorld, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { inTransaction } from '../db/transactions.ts';

const AGENCY_OWNER = 920_001;
const HOUR = 3_600_000;
/** Noon in Moscow: outside the default quiet hours. */
const NOON_MSK = Date.UTC(2026, 5, 1, 9);

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld({}, NOON_MSK);
  app = createApp(w.deps);
  await inTransaction(w.deps.db, (tx) =>
    tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(AGENCY_OWNER),
      agencyId: w.agencyId,
      brandId: null,
      role: 'agency_admin',
      sections: [],
    }),
  );
  await w.addParticipants({ count: 3, firstUserId: 5_000 });
});
afterEach(async () => {
  await w.shutdown();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: w.vkAuth(AGENCY_OWNER) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers read field by field in assertions.
  return { status: res.status, body: (await res.json()) as any };
}
const base = () => `/api/admin/mailing/campaigns/${w.campaignId}`;
const switchBrand = async (to: 'switch-off' | 'switch-on') =>
  expect((await call('POST', `/api/admin/agency/brands/${w.brandId}/${to}`)).status).toBe(200);
const send = () => sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
const written = async () => ({
  broadcasts: (await w.deps.db.select().from(schema.broadcasts)).length,
  outbox: (await w.deps.db.select().from(schema.outbox)).length,
  audit: (await w.deps.db.select().from(schema.officeAudit)).length,
});
const news = (over: Record<string, unknown> = {}) => ({
  name: 'News',
  segment: {},
  channel: 'message',
  text: 'Новости',
  ...over,
});

describe('broadcasts of a switched-off brand', () => {
  it('send-now and schedule are 409 brand_switched_off, writing nothing and asking VK nothing; after switch-on they go out', async () => {
    await switchBrand('switch-off');
    const before = await written();
    const vkCalls = w.fake.calls.length;
    for (const body of [
      news(),
      news({ channel: 'notification', text: 'Новости' }),
      news({ scheduledAt: w.clock.now + HOUR }),
    ]) {
      const refused = await call('POST', `${base()}/broadcasts`, body);
      expect([refused.status, refused.body.error?.code]).toEqual([409, 'brand_switched_off']);
    }
    // Counting the audience writes nothing and reaches no one: it stays open.
    const dry = await call('POST', `${base()}/broadcasts`, news({ dryRun: true }));
    expect([dry.status, dry.body.preview.withConsent]).toEqual([200, 3]);
    expect(await written()).toEqual(before);
    await send();
    expect(w.fake.calls).toHaveLength(vkCalls);

    await switchBrand('switch-on');
    const sent = await call('POST', `${base()}/broadcasts`, news());
    expect([sent.status, sent.body.enqueued]).toEqual([201, 3]);
    await send();
    expect(w.fake.delivered.map((d) => d.peerId).sort()).toEqual([5_000, 5_001, 5_002]);
  });

  it('one scheduled before the switch-off whose moment comes while off is marked not sent with the reason, and stays unsent after switch-on', async () => {
    const scheduled = await call('POST', `${base()}/broadcasts`, news({ scheduledAt: w.clock.now + HOUR }));
    expect([scheduled.status, scheduled.body.broadcast.status]).toEqual([201, 'scheduled']);
    const id = scheduled.body.broadcast.id as number;
    await switchBrand('switch-off');
    w.clock.advance(2 * HOUR);
    expect(await runSchedulesOnce(w.deps)).toMatchObject({ broadcasts: 0 });
    expect(await w.deps.db.select().from(schema.outbox)).toEqual([]);
    // The office's list and the broadcast's page say why it did not go out.
    const list = await call('GET', `${base()}/broadcasts`);
    expect(list.body.broadcasts).toMatchObject([
      { id, status: 'cancelled', cancelReason: 'brand_switched_off', enqueuedCount: 0 },
    ]);
    expect((await call('GET', `${base()}/broadcasts/${id}`)).body.broadcast).toMatchObject({
      status: 'cancelled',
      cancelReason: 'brand_switched_off',
      cancelledAt: w.clock.now,
    });

    // Switched back on, it is not sent at a moment nobody chose.
    await switchBrand('switch-on');
    w.clock.advance(HOUR);
    await runSchedulesOnce(w.deps);
    await send();
    expect(w.fake.delivered).toEqual([]);
    const [row] = await w.deps.db.select().from(schema.broadcasts).where(eq(schema.broadcasts.id, id));
    expect([row?.status, row?.cancelReason]).toEqual(['cancelled', 'brand_switched_off']);
    // A member's own stop keeps no reason.
    const other = await call('POST', `${base()}/broadcasts`, news({ scheduledAt: w.clock.now + HOUR }));
    const stopped = await call('DELETE', `${base()}/broadcasts/${other.body.broadcast.id}`);
    expect([stopped.status, stopped.body.broadcast.cancelReason]).toEqual([200, null]);
  });
});
