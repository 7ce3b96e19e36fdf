/** Item 1: a switched-off brand sends nothing — its queued messages are closed at the claim, not sent. */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { enqueue } from '../../mailing/outbox.ts';
import { claimRequests } from '../../mailing/outbox-claim.ts';
import { GROUP_ID } from '../../promo/testing/promo-world.ts';
import { type AgencyWorld, createAgencyWorld, USERS } from './agency.test-world.ts';

let w: AgencyWorld;
afterEach(async () => w?.close());

describe('switched-off brand and the outbox', () => {
  it("item 1: a switched-off brand's queued messages are closed as brand_switched_off; after switch-on new ones leave", async () => {
    w = await createAgencyWorld();
    const campaignId = await w.campaign();
    const draft = (key: string) => ({
      dedupeKey: key,
      kind: 'broadcast' as const,
      campaignId,
      vkGroupId: GROUP_ID,
      vkUserId: 501,
      channel: 'notification' as const,
      text: `hello ${key}`,
    });
    await w.write((tx) => enqueue(tx, [draft('a')], w.clock.now));
    expect((await w.call('POST', `/api/admin/agency/brands/${w.brandId}/switch-off`, USERS.owner)).status).toBe(200);
    const options = { now: w.clock.now, maxRequests: 10, leaseMs: 60_000, channels: ['notification' as const] };
    expect(await claimRequests(w.deps.db, options)).toEqual([]);
    const [closed] = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.dedupeKey, 'a'));
    expect(closed).toMatchObject({ status: 'cancelled', errorReason: 'brand_switched_off' });

    expect((await w.call('POST', `/api/admin/agency/brands/${w.brandId}/switch-on`, USERS.owner)).status).toBe(200);
    await w.write((tx) => enqueue(tx, [draft('b')], w.clock.now));
    const claimed = await claimRequests(w.deps.db, options);
    expect(claimed.flatMap((r) => r.rows.map((x) => x.dedupeKey))).toEqual(['b']);
  });
});
