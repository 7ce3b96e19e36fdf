/** `GET /api/admin/campaigns?brandId=`: any member of the brand may pick a campaign; stock only for campaigns/prizes. */
import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeMatrixWorld, type OfficeMatrixWorld } from './office-world.ts';

let w: OfficeMatrixWorld;
afterEach(async () => w?.close());

type Item = { id: number; status: string; stock: unknown[] };

describe('office campaign list', () => {
  it('item 4: a mailings-only member lists title/status without stock; a prizes member sees stock; strangers 403', async () => {
    w = await createOfficeMatrixWorld();
    const { own } = w.tenants;
    const list = async (user: number) => {
      const res = await w.call('GET', `/api/admin/campaigns?brandId=${own.brandId}`, user);
      return { status: res.status, body: (await res.json()) as { campaigns: Item[] } };
    };
    const mailer = await list(w.user('brand_member', 'mailings', true));
    expect(mailer.status).toBe(200);
    const mine = mailer.body.campaigns.find((c) => c.id === own.campaignId);
    expect(mine).toMatchObject({ status: expect.any(String), stock: [] });
    const prizes = await list(w.user('brand_member', 'prizes', true));
    expect(prizes.body.campaigns.find((c) => c.id === own.campaignId)?.stock).toHaveLength(1);
    expect((await list(w.stranger)).status).toBe(403);
    const foreign = await w.call(
      'GET',
      `/api/admin/campaigns?brandId=${w.tenants.foreign.brandId}`,
      w.user('brand_admin', 'campaigns', true),
    );
    expect(foreign.status).toBe(403);
  });
});
