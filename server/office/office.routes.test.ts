/** Who may enter the brand office: the server answers; a participant gets the same 404 as an unknown address. */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

let w: PromoWorld;
afterEach(() => w?.close());

describe('GET /api/admin/office', () => {
  it('item 17: a participant gets a plain not-found, a member gets their brands and sections', async () => {
    w = createPromoWorld();
    const participant = await w.call('GET', '/api/admin/office', 1);
    expect(participant.status).toBe(404);
    const unknown = await w.call('GET', '/api/admin/nothing-here', 1);
    const body = (await participant.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(((await unknown.json()) as { error: { code: string } }).error.code);
    // Word for word what an unknown address says: nothing hints at membership or rights.
    expect(body).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/admin/office' } });

    w.deps.db
      .insert(schema.memberships)
      .values({
        platform: 'vk',
        platformUserId: '2',
        agencyId: w.agencyId,
        brandId: w.brandId,
        role: 'brand_member',
        sections: ['support'],
      })
      .run();
    const member = await w.call('GET', '/api/admin/office', 2);
    expect(member.status).toBe(200);
    expect(await member.json()).toMatchObject({ brands: [{ id: w.brandId, sections: ['support'] }] });
  });
});
