/**
 * A member whose office is in English cloned a catalogue template and its prize pools were named in Russian
 * («Промокоды −15%», «Коды из упаковок») on the pools page, in the problems and in the editor's reward picker: the
 * templates wrote pool names in Russian only. The office's language is the launch's (`vk_language`, the web session's
 * language), the one the server's identity carries; the pools are named in it at clone time, Russian when unknown.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeWorld, EDITOR, type OfficeWorld } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

async function poolNames(templateKey: string, language: 'ru' | 'en' | null): Promise<string[]> {
  const headers: Record<string, string> = {
    Authorization: w.vkAuth(EDITOR, { vk_language: language ?? '' }),
    'Content-Type': 'application/json',
  };
  const res = await w.app.request('/api/admin/campaigns', {
    method: 'POST',
    headers,
    body: JSON.stringify({ brandId: w.brandId, templateKey }),
  });
  expect(res.status).toBe(201);
  const doc = (await res.json()) as { pools: { name: string }[] };
  return doc.pools.map((p) => p.name);
}

describe('template pools are named in the language of the member who clones', () => {
  it('English for an English office, Russian for a Russian one and when the language is unknown', async () => {
    w = await createOfficeWorld();
    expect(await poolNames('tasks-reward', 'en')).toEqual(['Promo codes −15%']);
    expect(await poolNames('pack-code', 'en')).toEqual(['Codes from packs', 'Discount promo codes']);
    expect(await poolNames('quiz-tiers', 'en')).toEqual(['Promo codes −10%', 'Promo codes −25%']);
    expect(await poolNames('wheel-instant', 'en')).toEqual(['Promo codes −5%', 'Promo codes −20%']);
    expect(await poolNames('tasks-reward', 'ru')).toEqual(['Промокоды −15%']);
    expect(await poolNames('pack-code', 'ru')).toEqual(['Коды из упаковок', 'Промокоды на скидку']);
    expect(await poolNames('tasks-reward', null)).toEqual(['Промокоды −15%']);
  });
});
