/**
 * Test support for the catalogue: a promo world with an office member of the brand (section `campaigns`), a live
 * campaign (Europe/Moscow), the retailer's YML feeds (./retailer-feed*.xml) and helpers to import and to join.
 */
import { readFileSync } from 'node:fs';
import { schema } from '../../db/client.ts';
import { recordConsent } from '../../mailing/consent.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../../promo/testing/promo-world.ts';

export const OFFICE_USER = 900_002;

const fixture = (name: string) => readFileSync(new URL(name, import.meta.url), 'utf8');
/** Three categories, three good offers, a bad price, an offer without id, a repeated id. */
export const FEED = fixture('./retailer-feed.xml');
/** The next day's feed: T-1 cheaper, S-1 with a bad price, T-2 gone, G-2 new in `green`. */
export const FEED_UPDATE = fixture('./retailer-feed-update.xml');

export interface CatalogueWorld extends PromoWorld {
  campaignId: number;
  importFeed(format: 'csv' | 'yml', content: string, campaignId?: number): Promise<Response>;
  /** Opens the campaign for a participant (the participant row every write needs). */
  join(vkUserId: number, language?: 'ru' | 'en'): Promise<void>;
  /** Records the user's `message_allow` for the campaign's community, as the bot does. */
  allowMessages(vkUserId: number): Promise<void>;
  /** A call as a VK user launching in `language`. */
  callAs(language: 'ru' | 'en', method: string, path: string, vkUserId: number, body?: unknown): Promise<Response>;
}

/** `env`: configuration beside the test's own (the OK and Telegram app addresses, say). */
export async function createCatalogueWorld(env: Record<string, string> = {}): Promise<CatalogueWorld> {
  const w = await createPromoWorld(env);
  await w.write(async (tx) => {
    await tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(OFFICE_USER),
      agencyId: w.agencyId,
      brandId: w.brandId,
      role: 'brand_admin',
      sections: ['campaigns'],
    });
  });
  const campaignId = await w.campaign();
  const callAs: CatalogueWorld['callAs'] = (language, method, path, vkUserId, body) =>
    Promise.resolve(
      w.app.request(path, {
        method,
        headers: {
          Authorization: w.vkAuth(vkUserId, { vk_language: language }),
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
  return {
    ...w,
    campaignId,
    callAs,
    importFeed: (format, content, id = campaignId) =>
      w.call('POST', `/api/admin/campaigns/${id}/offers/import`, OFFICE_USER, { format, content }),
    join: async (vkUserId, language = 'ru') => {
      const res = await callAs(language, 'POST', `/api/campaigns/${campaignId}/open`, vkUserId);
      if (res.status !== 200) throw new Error(`open: ${res.status} ${await res.text()}`);
    },
    allowMessages: (vkUserId) =>
      w.write((tx) =>
        recordConsent(tx, {
          vkGroupId: GROUP_ID,
          vkUserId,
          channel: 'message',
          allowed: true,
          source: 'message_allow',
          at: w.clock.now,
        }),
      ),
  };
}
