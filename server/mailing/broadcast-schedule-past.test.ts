/**
 * A broadcast asked for a moment in the past (decision 081): beyond a few minutes of clock skew it is refused with 422
 * `scheduled_in_past`, writing and sending nothing; within them it goes out now. Before, `scheduledAt: 1` was sent at
 * once and listed as scheduled for 1970. A keyed broadcast retried after its moment passed is still the one it wrote
 * (decision 079). The fake VK API is the community.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { SCHEDULE_SKEW_MS } from './broadcast.service.ts';

const ADMIN = 930_001;
const HOUR = 3_600_000;
/** Noon in Moscow: outside the default quiet hours. */
const NOON_MSK = Date.UTC(2026, 5, 1, 9);

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld({}, NOON_MSK);
  app = createApp(w.deps);
  await grantBrandAdmin(w, ADMIN, ['mailings']);
  await w.addParticipants({ count: 2, firstUserId: 6_000 });
});
afterEach(async () => {
  await w.shutdown();
});

async function post(body: unknown) {
  const res = await app.request(`/api/admin/mailing/campaigns/${w.campaignId}/broadcasts`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: w.vkAuth(ADMIN) },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers read field by field in assertions.
  return { status: res.status, body: (await res.json()) as any };
}
const news = (over: Record<string, unknown> = {}) => ({
  name: 'News',
  segment: {},
  channel: 'message',
  text: 'Новости',
  ...over,
});
const written = async () => ({
  broadcasts: (await w.deps.db.select().from(schema.broadcasts)).length,
  outbox: (await w.deps.db.select().from(schema.outbox)).length,
});

describe('a broadcast scheduled in the past', () => {
  it('is refused beyond the clock skew with 422 scheduled_in_past, writing nothing; within it, goes out now', async () => {
    for (const scheduledAt of [1, w.clock.now - HOUR, w.clock.now - SCHEDULE_SKEW_MS - 1]) {
      const refused = await post(news({ scheduledAt, clientKey: `past-key-${scheduledAt}` }));
      expect([refused.status, refused.body.error?.code], String(scheduledAt)).toEqual([422, 'scheduled_in_past']);
      expect(refused.body.error.issues).toMatchObject([{ path: 'scheduledAt' }]);
    }
    expect(await written()).toEqual({ broadcasts: 0, outbox: 0 });

    const skewed = await post(news({ scheduledAt: w.clock.now - SCHEDULE_SKEW_MS }));
    expect([skewed.status, skewed.body.broadcast.status, skewed.body.enqueued]).toEqual([201, 'enqueued', 2]);
    const ahead = await post(news({ scheduledAt: w.clock.now + HOUR }));
    expect([ahead.status, ahead.body.broadcast.status]).toEqual([201, 'scheduled']);
  });

  it('a keyed broadcast retried after its moment passed is the one it wrote; a new key for that moment is refused', async () => {
    const at = w.clock.now + HOUR;
    const first = await post(news({ scheduledAt: at, clientKey: 'sched-key-1' }));
    expect(first.status).toBe(201);
    w.clock.advance(2 * HOUR);
    const retry = await post(news({ scheduledAt: at, clientKey: 'sched-key-1' }));
    expect([retry.status, retry.body.broadcast.id]).toEqual([201, first.body.broadcast.id]);
    const fresh = await post(news({ scheduledAt: at, clientKey: 'sched-key-2' }));
    expect([fresh.status, fresh.body.error?.code]).toEqual([422, 'scheduled_in_past']);
  });
});
