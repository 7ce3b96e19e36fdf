/** `POST /api/telemetry`: verified, batched, rate limited, stored with the server's times; testers not stored. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessagingWorld, type MessagingWorld } from '../../tests/bot/messaging-world.ts';
import { createApp } from '../app.ts';
import { schema } from '../db/client.ts';
import { RATE_LIMITS } from '../http/rate-limit.ts';
import { MAX_EVENT_AGE_MS } from './telemetry-ingest.ts';
import { joined } from './testing/telemetry-history.ts';

const USER = 610_001;
let w: MessagingWorld;
beforeEach(async () => {
  w = await createMessagingWorld();
});
afterEach(async () => {
  await w.shutdown();
});

function post(body: unknown, auth: string | null = w.vkAuth(USER)) {
  return createApp(w.deps).request('/api/telemetry', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(auth ? { Authorization: auth } : {}) },
    body: JSON.stringify(body),
  });
}

const rows = () => w.deps.db.select().from(schema.telemetryEvents).orderBy(schema.telemetryEvents.id);

describe('telemetry ingest', () => {
  it('item 1: a batch is stored in one go with server times (arrival minus the age, clamped), screen, build and message', async () => {
    const pid = await joined(w, w.clock.now, { userId: USER });
    const res = await post({
      campaignId: w.campaignId,
      build: 'b-123',
      events: [
        { kind: 'session_start', ageMs: 20_000 },
        { kind: 'screen_view', ageMs: 15_000, screen: 'campaign' },
        { kind: 'client_error', ageMs: 5_000, screen: 'wheel', message: 'TypeError: boom' },
        // A clock far off says the event is an hour old: it is put at the oldest a batch may hold.
        { kind: 'heartbeat', ageMs: 3_600_000 },
      ],
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ stored: 4 });
    const stored = (await rows()).map(({ id: _, ...r }) => r);
    const base = { campaignId: w.campaignId, participantId: pid, platform: 'vk', build: 'b-123' };
    expect(stored).toEqual([
      { ...base, kind: 'session_start', at: w.clock.now - 20_000, screen: '', message: null },
      { ...base, kind: 'screen_view', at: w.clock.now - 15_000, screen: 'campaign', message: null },
      { ...base, kind: 'client_error', at: w.clock.now - 5_000, screen: 'wheel', message: 'TypeError: boom' },
      { ...base, kind: 'heartbeat', at: w.clock.now - MAX_EVENT_AGE_MS, screen: '', message: null },
    ]);
  });

  it('item 1: batches that arrive in one write window are all stored and answered; one user twice folds into one session', async () => {
    const first = await joined(w, w.clock.now, { userId: USER });
    const second = await joined(w, w.clock.now, { userId: USER + 1 });
    const batch = (screen: string) => ({
      campaignId: w.campaignId,
      events: [{ kind: 'screen_view', ageMs: 0, screen }],
    });
    const answers = await Promise.all([
      post(batch('a')),
      post(batch('b'), w.vkAuth(USER + 1)),
      post(batch('c')), // the same participant twice in one window: both folded into its session
    ]);
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202]);
    // Concurrent requests finish their lookups in any order (PostgreSQL's pool), so rows are compared as a set.
    expect((await rows()).map((r) => `${r.participantId}:${r.screen}`).sort()).toEqual(
      [`${first}:a`, `${first}:c`, `${second}:b`].sort(),
    );
    const sessions = await w.deps.db.select().from(schema.telemetrySessions);
    expect(sessions.map((s) => `${s.participantId}:${s.screenViews}`).sort()).toEqual(
      [`${first}:2`, `${second}:1`].sort(),
    );
  });

  it('item 1: refused without a verified launch, before joining, with a bad batch; a tester is not stored', async () => {
    const batch = { campaignId: w.campaignId, events: [{ kind: 'heartbeat', ageMs: 0 }] };
    expect((await post(batch, null)).status).toBe(401);
    expect((await post(batch, 'VK vk_user_id=1&sign=forged')).status).toBe(401);
    expect((await post(batch)).status).toBe(409); // not a participant yet
    await joined(w, w.clock.now, { userId: USER });
    expect((await post({ ...batch, events: [] })).status).toBe(422);
    expect((await post({ ...batch, events: [{ kind: 'purchase', ageMs: 0 }] })).status).toBe(422);
    const tooMany = Array.from({ length: 51 }, () => ({ kind: 'heartbeat', ageMs: 0 }));
    expect((await post({ ...batch, events: tooMany })).status).toBe(422);
    expect(await rows()).toHaveLength(0);
    await joined(w, w.clock.now, { userId: USER + 1, tester: true });
    const tester = await post(batch, w.vkAuth(USER + 1));
    expect(tester.status).toBe(202);
    expect(await tester.json()).toEqual({ stored: 0 });
    expect(await rows()).toHaveLength(0);
  });

  it('a campaign id larger than any row can have is a 422 naming the field, on either database (PostgreSQL answered 500)', async () => {
    await joined(w, w.clock.now, { userId: USER });
    const res = await post({ campaignId: 2 ** 31, events: [{ kind: 'heartbeat', ageMs: 0 }] });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', issues: [{ path: 'campaignId' }] } });
    expect(await rows()).toHaveLength(0);
  });

  it('item 1: rate limited per verified user (the telemetry bucket), others unaffected', async () => {
    await joined(w, w.clock.now, { userId: USER });
    await joined(w, w.clock.now, { userId: USER + 2 });
    const batch = { campaignId: w.campaignId, events: [{ kind: 'heartbeat', ageMs: 0 }] };
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMITS.telemetry.limit + 3; i++) statuses.push((await post(batch)).status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(RATE_LIMITS.telemetry.limit);
    expect(statuses.slice(-3)).toEqual([429, 429, 429]);
    expect((await post(batch, w.vkAuth(USER + 2))).status).toBe(202);
    expect(await rows()).toHaveLength(RATE_LIMITS.telemetry.limit + 1);
  });
});
