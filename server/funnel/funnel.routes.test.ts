/** The funnel report's query as the OpenAPI document describes it. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { recordEvent } from './record-event.ts';

const ADMIN = 900_001;
const HOUR = 3_600_000;

let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld();
  await grantBrandAdmin(w, ADMIN, ['stats']);
});
afterEach(async () => {
  await w.shutdown();
});

describe('funnel report route', () => {
  it('item 18: `from` and `to` are optional, as documented: campaign start to now', async () => {
    const at = w.clock.now - 48 * HOUR;
    for (const participantId of await w.addParticipants({ count: 3, firstUserId: 70_000, reachedAt: at })) {
      await w.write((tx) => recordEvent(tx, { campaignId: w.campaignId, participantId, type: 'opened', at }));
    }
    const app = createApp(w.deps);
    const get = async (query: string) => {
      const res = await app.request(`/api/admin/funnel/campaigns/${w.campaignId}/report${query}`, {
        headers: { Authorization: w.vkAuth(ADMIN) },
      });
      return { status: res.status, body: await res.json() };
    };
    const doc = await (await app.request('/api/openapi.json')).json();
    const params = doc.paths['/api/admin/funnel/campaigns/{id}/report'].get.parameters;
    expect(params.find((p: { name: string }) => p.name === 'from').required).toBeFalsy();
    const bare = await get('');
    expect(bare.status).toBe(200);
    expect(bare.body.to).toBe(w.clock.now + 1);
    expect(bare.body.from).toBe(w.clock.now - 30 * 24 * HOUR); // the campaign's start
    expect(bare.body.stages[0]).toMatchObject({ stage: 'opened', count: 3 });
    const explicit = await get(`?from=${bare.body.from}&to=${bare.body.to}`);
    expect(explicit.body.stages).toEqual(bare.body.stages);
    expect((await get('?from=abc')).status).toBe(422);
  });
});

describe('stuck list route', () => {
  it('names each person with the profile address the office links (VK: vk.com/id…), as every office answer does', async () => {
    await w.addParticipants({ count: 2, firstUserId: 71_000, reachedAt: w.clock.now - 30 * HOUR, source: 'menu' });
    const res = await createApp(w.deps).request(
      `/api/admin/funnel/campaigns/${w.campaignId}/stuck?stage=opened&minHours=24`,
      { headers: { Authorization: w.vkAuth(ADMIN) } },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; rows: { userId: string; profileUrl: string | null }[] };
    expect(body.total).toBe(2);
    expect(body.rows.map((r) => [r.userId, r.profileUrl])).toEqual([
      ['71000', 'https://vk.com/id71000'],
      ['71001', 'https://vk.com/id71001'],
    ]);
  });
});
