/**
 * A draft from the catalogue for a brand with no VK app yet: a new brand's first campaign (found walking an agency
 * owner's first run, tests/browser/office-first-run-walk.test.ts). Before, it was the 422 `invalid_input` on `appId`,
 * which the office words «Проверьте заполненные поля.» over a catalogue that has no fields. Now it is the 422
 * `brand_without_app`, which the office words with where an app is connected; no draft is made. Several apps and none
 * named stays `invalid_input`: there the member chooses.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createOfficeWorld, type OfficeWorld, OTHER_BRAND } from './office-campaign.test-world.ts';

let w: OfficeWorld;
afterEach(async () => w?.close());

describe('a draft for a brand with no app', () => {
  it('is the 422 brand_without_app, and no draft is made', async () => {
    w = await createOfficeWorld();
    const [brand] = await w.deps.db.select().from(schema.brands).where(eq(schema.brands.name, 'Brand 2'));
    const before = (await w.deps.db.select({ id: schema.campaigns.id }).from(schema.campaigns)).length;
    const res = await w.json('POST', '/api/admin/campaigns', OTHER_BRAND, {
      brandId: brand?.id,
      templateKey: 'tasks-reward',
    });
    expect([res.status, res.body.error?.code, res.body.error?.issues?.[0]?.path]).toEqual([
      422,
      'brand_without_app',
      'appId',
    ]);
    expect((await w.deps.db.select({ id: schema.campaigns.id }).from(schema.campaigns)).length).toBe(before);
  });
});
