/**
 * A catalogue import for a brand the agency switched off (decision 054): one that would alert the subscribers of a
 * category is refused with 409 `brand_switched_off` and writes nothing (no offer, no outbox row, no audit row) — it
 * answered 200 `notified: 1` while the message waited for the brand's token or was closed unsent, and a later import
 * never found those offers new again. An import that tells no one stays open; switched back on, the alert is queued.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { type CatalogueWorld, createCatalogueWorld, FEED, FEED_UPDATE } from './testing/catalogue-world.ts';

const AGENCY_OWNER = 920_021;
const SUBSCRIBER = 711;

let w: CatalogueWorld;
afterEach(() => w?.close());

describe('catalogue import of a switched-off brand', () => {
  it('is 409 brand_switched_off when it would alert subscribers, writing nothing; one that alerts no one stays open', async () => {
    w = await createCatalogueWorld();
    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: String(AGENCY_OWNER),
        agencyId: w.agencyId,
        brandId: null,
        role: 'agency_admin',
        sections: [],
      }),
    );
    const importFeed = async (content: string) => {
      const res = await w.call('POST', `/api/admin/campaigns/${w.campaignId}/offers/import`, AGENCY_OWNER, {
        format: 'yml',
        content,
      });
      // biome-ignore lint/suspicious/noExplicitAny: answers read field by field in assertions.
      return { status: res.status, body: (await res.json()) as any };
    };
    const switchBrand = async (to: 'switch-off' | 'switch-on') =>
      expect((await w.call('POST', `/api/admin/agency/brands/${w.brandId}/${to}`, AGENCY_OWNER)).status).toBe(200);
    expect((await importFeed(FEED)).status).toBe(200);
    await w.join(SUBSCRIBER);
    await w.allowMessages(SUBSCRIBER);
    const sub = `/api/campaigns/${w.campaignId}/offer-categories/green/subscription`;
    expect((await w.callAs('ru', 'PUT', sub, SUBSCRIBER)).status).toBe(200);

    await switchBrand('switch-off');
    const offers = async () =>
      (await w.deps.db.select().from(schema.offers).where(eq(schema.offers.campaignId, w.campaignId)))
        .map((o) => [o.externalId, o.status, o.price])
        .sort();
    const before = {
      offers: await offers(),
      outbox: await w.deps.db.select().from(schema.outbox),
      audit: (await w.deps.db.select().from(schema.officeAudit)).length,
    };
    const refused = await importFeed(FEED_UPDATE);
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'brand_switched_off']);
    expect({
      offers: await offers(),
      outbox: await w.deps.db.select().from(schema.outbox),
      audit: (await w.deps.db.select().from(schema.officeAudit)).length,
    }).toEqual(before);
    expect(before.outbox).toEqual([]);
    // The same feed again adds nothing, so it tells no one: the catalogue may still be kept up to date.
    expect(await importFeed(FEED)).toMatchObject({ status: 200, body: { added: 0, notified: 0 } });

    await switchBrand('switch-on');
    expect(await importFeed(FEED_UPDATE)).toMatchObject({ status: 200, body: { added: 1, notified: 1 } });
    const queued = await w.deps.db.select().from(schema.outbox);
    expect(queued.map((r) => [r.kind, r.vkUserId, r.status])).toEqual([['catalogue', SUBSCRIBER, 'queued']]);
  });
});
