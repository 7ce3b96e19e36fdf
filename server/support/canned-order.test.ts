/**
 * The order a brand's desk sees its canned answers in (the library and the reply box's chips): found from outside,
 * it was the order they were added in, which nobody chose and the office cannot change (its form has no position), so
 * a desk with twenty answers hunted for «Где мой код». Now by title as a Russian reader alphabetises (digits by value,
 * case aside, Cyrillic before Latin), the same on SQLite and PostgreSQL; a position set through the API still leads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

const AGENT = 611;
let w: PromoWorld;
afterEach(async () => w?.close());

async function agentWorld() {
  w = await createPromoWorld();
  await w.write((tx) =>
    tx.insert(schema.memberships).values({
      platform: 'vk',
      platformUserId: String(AGENT),
      agencyId: w.agencyId,
      brandId: w.brandId,
      role: 'brand_member',
      sections: ['support'],
    }),
  );
  return `/api/admin/support/brands/${w.brandId}/canned`;
}

const titles = async (base: string) =>
  ((await (await w.call('GET', base, AGENT)).json()) as { canned: { title: string }[] }).canned.map((c) => c.title);

describe("a brand's canned answers", () => {
  it('read by title, as a Russian reader alphabetises them, whatever order they were added in', async () => {
    const base = await agentWorld();
    // As the office adds them: position 0 each.
    for (const title of ['Доставка', 'Where is my code', 'бонус за друга', '10 призов', 'Акция завершена', '2 приза'])
      expect((await w.call('POST', base, AGENT, { title, bodyRu: 'Текст', position: 0 })).status).toBe(201);
    const expected = ['2 приза', '10 призов', 'Акция завершена', 'бонус за друга', 'Доставка', 'Where is my code'];
    expect(await titles(base)).toEqual(expected);
    // An edit keeps the order a matter of titles: renamed, it moves to its new place.
    type Listed = { canned: { id: number; title: string; updatedAt: number }[] };
    const list = ((await (await w.call('GET', base, AGENT)).json()) as Listed).canned;
    const delivery = list.find((c) => c.title === 'Доставка');
    const renamed = { title: 'Адрес доставки', bodyRu: 'Текст', position: 0, savedAt: delivery?.updatedAt };
    expect((await w.call('PUT', `${base}/${delivery?.id}`, AGENT, renamed)).status).toBe(200);
    expect(await titles(base)).toEqual([
      '2 приза',
      '10 призов',
      'Адрес доставки',
      'Акция завершена',
      'бонус за друга',
      'Where is my code',
    ]);
  });

  it('a position given through the API still leads, the titles ordering those that share it', async () => {
    const base = await agentWorld();
    await w.call('POST', base, AGENT, { title: 'Бонус', bodyRu: 'Текст', position: 1 });
    await w.call('POST', base, AGENT, { title: 'Вопрос', bodyRu: 'Текст', position: 0 });
    await w.call('POST', base, AGENT, { title: 'Акция', bodyRu: 'Текст', position: 1 });
    expect(await titles(base)).toEqual(['Вопрос', 'Акция', 'Бонус']);
  });
});
