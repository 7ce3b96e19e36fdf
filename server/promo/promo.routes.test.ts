/** The participant API over HTTP: a walk from open to prize, validation, rate limits and the OpenAPI contract. */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { RATE_LIMITS } from '../http/rate-limit.ts';
import { localVkApi } from '../vk/vk-api.ts';
import { createPromoWorld, type PromoWorld } from './testing/promo-world.ts';

let w: PromoWorld;
afterEach(async () => w.close());

describe('promo routes', () => {
  it('walks open → tasks → claim → my prizes, with the stage following along', async () => {
    w = await createPromoWorld();
    w.deps.vk = localVkApi();
    const id = await w.campaign();
    await w.task(id, 'join', 'join_community');
    await w.task(id, 'site', 'visit_link', { url: 'https://example.com' });
    await w.reward(id, 'gift', {
      poolId: await w.pool(id, 'p', ['GIFT-1']),
      unlock: { tasks: 'all' },
      howToUse: 'Use at checkout',
    });
    const before = await (await w.call('GET', `/api/campaigns/${id}/state`, 1)).json();
    expect(before).toMatchObject({
      participant: null,
      progress: { done: 0, total: 2 },
      campaign: { phase: 'running' },
    });
    const opened = await (await w.call('POST', `/api/campaigns/${id}/open`, 1, {})).json();
    expect(opened.created).toBe(true);
    expect(opened.state.participant.shareLink).toContain(opened.state.participant.referralCode);
    expect((await w.call('POST', `/api/campaigns/${id}/rewards/gift/claim`, 1)).status).toBe(409);
    expect((await w.call('POST', `/api/campaigns/${id}/tasks/join/complete`, 1, {})).status).toBe(200);
    await w.call('POST', `/api/campaigns/${id}/tasks/site/start`, 1);
    await w.call('POST', `/api/campaigns/${id}/tasks/site/complete`, 1, { result: 'done' });
    const claim = await w.call('POST', `/api/campaigns/${id}/rewards/gift/claim`, 1);
    expect(claim.status).toBe(200);
    expect(await claim.json()).toMatchObject({
      status: 'issued',
      grant: { code: 'GIFT-1', howToUse: 'Use at checkout' },
    });
    const prizes = await (await w.call('GET', `/api/campaigns/${id}/prizes`, 1)).json();
    expect(prizes.prizes.map((p: { code: string }) => p.code)).toEqual(['GIFT-1']);
    expect((await w.call('POST', `/api/campaigns/${id}/rules-viewed`, 1)).status).toBe(200);
    const state = await (await w.call('GET', `/api/campaigns/${id}/state`, 1)).json();
    expect(state).toMatchObject({ progress: { done: 2, total: 2 }, participant: { stage: 'reward_issued' } });
    expect(state.rewards[0]).toMatchObject({ requirement: { met: true }, grant: { code: 'GIFT-1' }, soldOut: false });
    const types = await w.deps.db
      .select({ t: schema.events.type })
      .from(schema.events)
      .where(eq(schema.events.campaignId, id));
    expect(new Set(types.map((t) => t.t))).toEqual(
      new Set(['opened', 'task_started', 'task_done', 'reward_issued', 'rules_viewed']),
    );
  });

  it('answers bad input with 422 and issues, missing launch data with 401, unknown things with 404', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'site', 'visit_link', { url: 'https://example.com' });
    await w.call('POST', `/api/campaigns/${id}/open`, 1, {});
    const bad = await w.call('POST', `/api/campaigns/${id}/tasks/site/complete`, 1, { result: 'maybe' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe('result');
    expect((await w.call('POST', `/api/campaigns/${id}/tasks/nope/start`, 1)).status).toBe(404);
    expect((await w.call('POST', `/api/campaigns/abc/open`, 1, {})).status).toBe(422);
    expect((await w.call('GET', `/api/campaigns/999/state`, 1)).status).toBe(404);
    expect((await w.app.request(`/api/campaigns/${id}/state`)).status).toBe(401);
  });

  it('rate-limits task and claim endpoints per user with a 429 in the JSON error shape', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'site', 'visit_link', { url: 'https://example.com' });
    await w.reward(id, 'r');
    await w.call('POST', `/api/campaigns/${id}/open`, 1, {});
    await w.call('POST', `/api/campaigns/${id}/open`, 2, {});
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMITS.claim.limit; i++) {
      statuses.push((await w.call('POST', `/api/campaigns/${id}/rewards/r/claim`, 1)).status);
    }
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    const limited = await w.call('POST', `/api/campaigns/${id}/rewards/r/claim`, 1);
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('rate_limited');
    // Another user is not affected; the window passes with the clock.
    expect((await w.call('POST', `/api/campaigns/${id}/rewards/r/claim`, 2)).status).toBe(200);
    w.clock.advance(RATE_LIMITS.claim.windowMs);
    expect((await w.call('POST', `/api/campaigns/${id}/rewards/r/claim`, 1)).status).toBe(200);
    for (let i = 0; i < RATE_LIMITS.task.limit; i++) await w.call('POST', `/api/campaigns/${id}/tasks/site/start`, 1);
    expect((await w.call('POST', `/api/campaigns/${id}/tasks/site/start`, 1)).status).toBe(429);
  });

  it('describes every promo route in the OpenAPI document', async () => {
    w = await createPromoWorld();
    const doc = await (await w.app.request('/api/openapi.json')).json();
    const paths = Object.keys(doc.paths);
    for (const p of [
      '/api/campaigns/{id}/open',
      '/api/campaigns/{id}/state',
      '/api/campaigns/{id}/rules-viewed',
      '/api/campaigns/{id}/prizes',
      '/api/campaigns/{id}/tasks/{taskKey}/start',
      '/api/campaigns/{id}/tasks/{taskKey}/complete',
      '/api/campaigns/{id}/rewards/{rewardKey}/claim',
      '/api/campaigns/{id}/quiz/answers',
      '/api/campaigns/{id}/wheel/spin',
      '/api/admin/campaigns/{id}/pools',
      '/api/admin/campaigns/{id}/pools/{poolId}/codes',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
