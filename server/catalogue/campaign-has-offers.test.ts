import { afterEach, describe, expect, it } from 'vitest';
import { DAY } from '../promo/testing/promo-world.ts';
import { catalogueToday } from './offer-status.ts';
import { type CatalogueWorld, createCatalogueWorld } from './testing/catalogue-world.ts';

let w: CatalogueWorld;
afterEach(() => w?.close());
const USER = 602;
const TZ = 'Europe/Moscow';

const hasOffers = async (campaignId: number) => {
  const res = await w.call('GET', `/api/campaigns/${campaignId}/state`, USER);
  expect(res.status).toBe(200);
  return ((await res.json()) as { hasOffers: boolean }).hasOffers;
};

describe('the campaign screen learns whether the catalogue has live offers', () => {
  it('item 2: the state says hasOffers only while an offer of this campaign is live today, in the campaign time zone', async () => {
    w = await createCatalogueWorld();
    const other = await w.campaign();
    const day = (n: number) => catalogueToday(w.clock.now + n * DAY, TZ);
    expect(await hasOffers(w.campaignId)).toBe(false);

    // Only a future offer: scheduled, not live yet.
    const soon = `id,title,price,starts_on,ends_on\nS-1,Soon,100,${day(2)},${day(5)}\n`;
    expect((await w.importFeed('csv', soon)).status).toBe(200);
    expect(await hasOffers(w.campaignId)).toBe(false);

    // An offer live through tomorrow (and the future one kept).
    const live = `id,title,price,starts_on,ends_on\nS-1,Soon,100,${day(2)},${day(5)}\nL-1,Live,100,,${day(1)}\n`;
    expect((await w.importFeed('csv', live)).status).toBe(200);
    expect(await hasOffers(w.campaignId)).toBe(true);
    // Another campaign of the same app has no catalogue.
    expect(await hasOffers(other)).toBe(false);

    // Two days on, L-1 has expired and S-1 is live.
    w.clock.advance(2 * DAY);
    expect(await hasOffers(w.campaignId)).toBe(true);
    // A feed without S-1 ends it; L-1 is expired: nothing live.
    w.clock.advance(DAY);
    const onlyExpired = `id,title,price,ends_on\nL-1,Live,100,${day(-2)}\n`;
    expect((await w.importFeed('csv', onlyExpired)).status).toBe(200);
    expect(await hasOffers(w.campaignId)).toBe(false);
  });
});
