/** Who may enter the brand office: the server answers; a participant is told of no brand at all. */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

describe('GET /api/admin/office', () => {
  it('item 17: a participant is given no brand, a member gets their brands and sections', async () => {
    w = await createPromoWorld();
    const participant = await w.call('GET', '/api/admin/office', 1);
    expect(participant.status).toBe(200);
    expect(await participant.json()).toMatchObject({ member: 'vk:1', brands: [], agencies: [] });

    await w.write((tx) =>
      tx.insert(schema.memberships).values({
        platform: 'vk',
        platformUserId: '2',
        agencyId: w.agencyId,
        brandId: w.brandId,
        role: 'brand_member',
        sections: ['support'],
      }),
    );
    const member = await w.call('GET', '/api/admin/office', 2);
    expect(member.status).toBe(200);
    // `member` keys the office's drafts on the device (miniapp/admin/kept-drafts.ts): the verified caller, not a guess.
    expect(await member.json()).toMatchObject({ member: 'vk:2', brands: [{ id: w.brandId, sections: ['support'] }] });
  });
});
