/** Item 11.10 (headers): every API answer, the stuck-list CSV export included, is unframeable, unsniffable, Referer-free. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';

const ADMIN = 900_001;
let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld();
  app = createApp(w.deps);
  await grantBrandAdmin(w, ADMIN, ['stats']);
});
afterEach(async () => {
  await w.shutdown();
});

function expectApiHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
}

describe('item 11.10: API security headers', () => {
  it('item 11.10: JSON answers, errors included', async () => {
    const me = await app.request('/api/me', { headers: { Authorization: w.vkAuth(5) } });
    expect(me.status).toBe(200);
    expectApiHeaders(me);
    const refused = await app.request('/api/me');
    expect(refused.status).toBe(401);
    expectApiHeaders(refused);
  });

  it('item 11.10: the stuck-list CSV export', async () => {
    const res = await app.request(
      `/api/admin/funnel/campaigns/${w.campaignId}/stuck?stage=opened&minHours=24&format=csv`,
      { headers: { Authorization: w.vkAuth(ADMIN) } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expectApiHeaders(res);
  });

  it('item 11.10: a stats CSV export too (found from outside: its answer was built past the context, without them)', async () => {
    const res = await app.request(
      `/api/admin/stats/campaigns/${w.campaignId}/sessions?from=2026-06-01&to=2026-06-07&format=csv`,
      { headers: { Authorization: w.vkAuth(ADMIN) } },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    expectApiHeaders(res);
  });
});
