/** Route limits: every participant write route has one, each is enforced per user, and one user cannot hold the server. */
import { afterEach, describe, expect, it } from 'vitest';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import type { VkApi } from '../vk/vk-api.ts';
import { RATE_LIMITS } from './rate-limit.ts';
import { MAX_IN_FLIGHT_PER_USER, ROUTE_LIMITS, SPENT_BY_HANDLER, UNLIMITED_WRITES } from './route-limits.ts';

let w: PromoWorld;
afterEach(async () => w.close());

/**
 * Lets the event loop turn until `done()` (bounded by time, so a regression fails instead of hanging; by time rather
 * than turns because on PostgreSQL each request's reads wait on the network).
 */
async function until(done: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  expect(done()).toBe(true);
}

const isBackOffice = (path: string) => path.startsWith('/api/admin/');

describe('route limits', () => {
  it('item 8: every non-GET participant route in the route table and the OpenAPI document has a declared limit', async () => {
    w = await createPromoWorld();
    const fromTable = new Set(
      w.app.routes
        .filter((r) => !['ALL', 'GET', 'HEAD', 'OPTIONS'].includes(r.method) && !isBackOffice(r.path))
        .map((r) => `${r.method} ${r.path}`),
    );
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as { paths: Record<string, object> };
    const fromDoc = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => m !== 'get' && !isBackOffice(path))
        .map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(fromDoc.length).toBeGreaterThan(5);
    for (const route of [...fromTable, ...fromDoc]) {
      expect(route in ROUTE_LIMITS || route in UNLIMITED_WRITES, `${route} has no limit`).toBe(true);
    }
    // A route whose handler spends its bucket has one declared here.
    for (const route of SPENT_BY_HANDLER) expect(ROUTE_LIMITS[route], `${route} spends no bucket`).toBeDefined();
    // And no stale entries: each declared route exists.
    for (const route of [...Object.keys(ROUTE_LIMITS), ...Object.keys(UNLIMITED_WRITES)]) {
      expect(fromTable.has(route), `${route} is not a route`).toBe(true);
    }
  });

  it('item 8: support tickets, rules-viewed events and opens are limited per user with 429 and Retry-After', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    const ticket = { subject: 'Help', body: 'x'.repeat(4000) };
    const tickets: number[] = [];
    for (let i = 0; i < 20; i++) tickets.push((await w.call('POST', '/api/support/tickets', 1, ticket)).status);
    expect(tickets.filter((s) => s === 201)).toHaveLength(RATE_LIMITS.support_ticket.limit);
    const refused = await w.call('POST', '/api/support/tickets', 1, ticket);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect((await refused.json()).error.code).toBe('rate_limited');
    expect((await w.call('POST', '/api/support/tickets', 2, ticket)).status).toBe(201);

    await w.call('POST', `/api/campaigns/${id}/open`, 1, {});
    const views: number[] = [];
    for (let i = 0; i < 50; i++) views.push((await w.call('POST', `/api/campaigns/${id}/rules-viewed`, 1)).status);
    expect(views.filter((s) => s === 200)).toHaveLength(RATE_LIMITS.event.limit);
    expect(views.filter((s) => s === 429)).toHaveLength(50 - RATE_LIMITS.event.limit);
  });

  it('item 8: one user flooding /open with 32 concurrent requests gets 429s while another user gets through', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    const flood = Array.from({ length: 32 }, () => w.call('POST', `/api/campaigns/${id}/open`, 1, {}));
    const others = Array.from({ length: 4 }, (_, i) => w.call('POST', `/api/campaigns/${id}/open`, 10 + i, {}));
    const floodRes = await Promise.all(flood);
    const otherRes = await Promise.all(others);
    expect(otherRes.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const refused = floodRes.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(32 - RATE_LIMITS.open.limit);
    expect(floodRes.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    for (const r of refused) {
      expect(r.headers.get('Retry-After')).toBeTruthy();
      expect(['rate_limited', 'too_many_in_flight']).toContain((await r.json()).error.code);
    }
  });

  it('item 8: one identity holds at most MAX_IN_FLIGHT_PER_USER requests in the server; others are not affected', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'join', 'join_community');
    const release: (() => void)[] = [];
    const hanging: VkApi = {
      mode: 'local',
      isMember: () => new Promise((resolve) => release.push(() => resolve(true))),
      isMessagesFromGroupAllowed: async () => true,
      isNotificationsAllowed: async () => true,
      firstName: async () => undefined,
      profiles: async () => new Map(),
    };
    w.deps.vk = hanging;
    await w.call('POST', `/api/campaigns/${id}/open`, 1, {});
    await w.call('POST', `/api/campaigns/${id}/open`, 2, {});
    const complete = (user: number) => w.call('POST', `/api/campaigns/${id}/tasks/join/complete`, user, {});
    const held = Array.from({ length: MAX_IN_FLIGHT_PER_USER }, () => complete(1));
    await until(() => release.length === MAX_IN_FLIGHT_PER_USER);
    const excess = await complete(1);
    expect(excess.status).toBe(429);
    expect((await excess.json()).error.code).toBe('too_many_in_flight');
    expect(excess.headers.get('Retry-After')).toBe('1');
    // Another user is served meanwhile (their VK check waits too; it is let go below).
    const other = complete(2);
    await until(() => release.length === MAX_IN_FLIGHT_PER_USER + 1);
    for (const r of release) r();
    expect((await other).status).toBe(200);
    expect((await Promise.all(held)).map((r) => r.status)).toEqual(Array(MAX_IN_FLIGHT_PER_USER).fill(200));
    // Released: the user may send again.
    expect((await complete(1)).status).toBe(200);
  });
});
