import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { inserted } from '../db/rows.ts';
import { createPromoWorld, DAY, GROUP_ID, type PromoWorld } from '../promo/testing/promo-world.ts';
import { firstScreenData } from '../static/first-screen-data.ts';

let w: PromoWorld;
afterEach(async () => w.close());

const get = (path: string, authorization: string) => w.app.request(path, { headers: { Authorization: authorization } });

/** A scheduled campaign of another brand's app (same agency), under the same kind of id a guess would try. */
async function otherAppsScheduledCampaign(): Promise<number> {
  return w.write(async (db) => {
    const brand = inserted(
      await db
        .insert(schema.brands)
        .values({ agencyId: w.agencyId, name: 'Other' })
        .returning({ id: schema.brands.id }),
    );
    const app = inserted(
      await db
        .insert(schema.apps)
        .values({ brandId: brand.id, name: 'Other app', vkAppId: 999_001 })
        .returning({ id: schema.apps.id }),
    );
    const row = inserted(
      await db
        .insert(schema.campaigns)
        .values({
          brandId: brand.id,
          appId: app.id,
          slug: 'other',
          title: 'Secret launch',
          mechanic: 'tasks',
          status: 'scheduled',
          startsAt: w.clock.now + DAY,
          endsAt: w.clock.now + 30 * DAY,
          timeZone: 'Europe/Moscow',
          settings: {},
          stages: ['opened'],
        })
        .returning({ id: schema.campaigns.id }),
    );
    return row.id;
  });
}

describe('decision 105: a scheduled campaign’s link says when it starts, and nothing else', () => {
  it('its state, its card and opening it answer 409 campaign_not_started with only startsAt', async () => {
    w = await createPromoWorld();
    const startsAt = w.clock.now + 3 * DAY;
    const id = await w.campaign({ status: 'scheduled', startsAt });
    for (const [method, path] of [
      ['GET', `/api/campaigns/${id}/state`],
      ['GET', `/api/campaigns/${id}`],
      ['POST', `/api/campaigns/${id}/open`],
    ] as const) {
      const res = await w.call(method, path, 5, method === 'POST' ? {} : undefined);
      expect(res.status, path).toBe(409);
      const body = await res.json();
      // No title, tasks, prizes, dates other than the start: the answer is the same whatever the campaign holds.
      expect(body, path).toEqual({
        error: { code: 'campaign_not_started', message: 'The campaign has not started yet', params: { startsAt } },
      });
    }
    // Nothing was joined or recorded.
    expect(await w.deps.db.select().from(schema.participants)).toEqual([]);
  });

  it('its start passed (the server did not launch it): the same 409 without a date that is gone', async () => {
    w = await createPromoWorld();
    // The lifecycle declines a scheduled campaign with problems at its start, and it stays scheduled past it.
    const id = await w.campaign({ status: 'scheduled', startsAt: w.clock.now - DAY });
    for (const [method, path] of [
      ['GET', `/api/campaigns/${id}/state`],
      ['GET', `/api/campaigns/${id}`],
      ['POST', `/api/campaigns/${id}/open`],
    ] as const) {
      const res = await w.call(method, path, 5, method === 'POST' ? {} : undefined);
      expect(res.status, path).toBe(409);
      expect(await res.json(), path).toEqual({
        error: { code: 'campaign_not_started', message: 'The campaign has not started yet' },
      });
    }
    // At its very start it is no longer ahead either.
    const now = await w.campaign({ status: 'scheduled', startsAt: w.clock.now });
    expect((await (await w.call('GET', `/api/campaigns/${now}/state`, 5)).json()).error.params).toBeUndefined();
  });

  it('from its own community it says the same; a draft, a missing id, another community, another app and a switched-off brand stay 404', async () => {
    w = await createPromoWorld();
    const scheduled = await w.campaign({ status: 'scheduled', startsAt: w.clock.now + DAY });
    const draft = await w.campaign({ status: 'draft' });
    const foreign = await otherAppsScheduledCampaign();
    const own = w.vkAuth(5, { vk_group_id: GROUP_ID });
    expect((await get(`/api/campaigns/${scheduled}/state`, own)).status).toBe(409);
    const notFound = async (path: string, auth: string) => {
      const res = await get(path, auth);
      expect(res.status, path).toBe(404);
      expect((await res.json()).error, path).toEqual({
        code: 'campaign_not_found',
        message: expect.stringMatching(/does not exist/),
      });
    };
    await notFound(`/api/campaigns/${draft}/state`, own);
    await notFound(`/api/campaigns/${foreign + 100}/state`, own);
    await notFound(`/api/campaigns/${foreign}/state`, own);
    await notFound(`/api/campaigns/${scheduled}/state`, w.vkAuth(5, { vk_group_id: GROUP_ID + 1 }));
    await w.write((tx) =>
      tx.update(schema.brands).set({ disabledAt: w.clock.now }).where(eq(schema.brands.id, w.brandId)),
    );
    await notFound(`/api/campaigns/${scheduled}/state`, own);
  });

  it('a beta tester still plays it; once live it opens as any campaign', async () => {
    w = await createPromoWorld();
    const id = await w.campaign({ status: 'scheduled', startsAt: w.clock.now + DAY });
    await w.write((tx) =>
      tx
        .insert(schema.betaTesters)
        .values({ campaignId: id, platform: 'vk', platformUserId: '6', source: 'office', addedAt: w.clock.now }),
    );
    expect((await w.call('GET', `/api/campaigns/${id}/state`, 6)).status).toBe(200);
    await w.write((tx) => tx.update(schema.campaigns).set({ status: 'live' }).where(eq(schema.campaigns.id, id)));
    expect((await w.call('GET', `/api/campaigns/${id}/state`, 5)).status).toBe(200);
  });

  it('a first screen deep-linked to it (OK custom_args) embeds nothing of it: the page asks and gets the same answer', async () => {
    w = await createPromoWorld();
    const id = await w.campaign({ status: 'scheduled', startsAt: w.clock.now + DAY });
    const query = w.okAuth('77', { custom_args: `route=/campaigns/${id}` }).replace(/^OK /, '');
    expect(await firstScreenData(w.app, w.deps, 'ok', query)).toBeUndefined();
  });
});
