/**
 * A token VK refuses (regenerated in VK, revoked, its quota spent) is not the recipients' fault: the rows stay queued
 * with no attempt spent and the channel pauses, then goes on — found from outside: a regenerated key turned a
 * 2,000-user broadcast into 2,000 failures in one second, and the right key sent nothing afterwards.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { broadcastTo, createMessagingWorld, deliveriesByPeer, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const statuses = async (w: MessagingWorld) => {
  const rows = await w.deps.db.select().from(schema.outbox);
  const by: Record<string, number> = {};
  for (const r of rows) by[r.status] = (by[r.status] ?? 0) + 1;
  return { by, attempts: Math.max(...rows.map((r) => r.attempts)) };
};

describe('a token VK refuses', () => {
  it('a configured token VK no longer accepts fails nothing: the right token then sends every message once', async () => {
    world = await createMessagingWorld();
    const w = world;
    await broadcastTo(w, 500, 8_400_000);
    const revoked = { ...w.config, VK_GROUP_TOKEN: 'group:revoked' };
    const first = await sendOutbox(w.deps.db, revoked, () => w.clock.now, { once: true, drainWaitMs: 0 });
    expect(first).toMatchObject({ sent: 0, failed: 0, remaining: 500 });
    expect(await statuses(w)).toEqual({ by: { queued: 500 }, attempts: 0 });
    const second = await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
    expect(second).toMatchObject({ sent: 500, failed: 0, remaining: 0 });
    expect(w.fake.delivered).toHaveLength(500);
    expect(Math.max(...deliveriesByPeer(w.fake).values())).toBe(1);
  });

  it('a running sender refused for a moment (error 5) pauses, keeps every row queued, and goes on after the pause', async () => {
    world = await createMessagingWorld();
    const w = world;
    await broadcastTo(w, 300, 8_500_000);
    w.fake.failNext('messages.send', 5, 3);
    const abort = new AbortController();
    const run = sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: false, signal: abort.signal, idleMs: 50 });
    const deadline = Date.now() + 10_000;
    while (w.fake.calls.length < 3 && Date.now() < deadline) await sleep(20);
    // The refused batch goes back to the queue when the sender has taken in VK's refusal: on a loaded machine that
    // can take longer than a fixed moment, so wait for it (bounded; never back in time fails the check below).
    const allQueued = async () => (await statuses(w)).by.queued === 300;
    while (!(await allQueued()) && Date.now() < deadline) await sleep(20);
    // Refused: nothing went out, nothing failed, and the same token is not tried again before the pause ends.
    expect(w.fake.delivered).toHaveLength(0);
    expect(await statuses(w)).toEqual({ by: { queued: 300 }, attempts: 0 });
    const calls = w.fake.calls.length;
    await sleep(500);
    expect(w.fake.calls.length).toBe(calls);
    w.clock.advance(61_000);
    while (w.fake.delivered.length < 300 && Date.now() < deadline + 10_000) await sleep(20);
    abort.abort();
    await run;
    expect(w.fake.delivered).toHaveLength(300);
    expect(Math.max(...deliveriesByPeer(w.fake).values())).toBe(1);
    expect((await statuses(w)).by).toEqual({ sent: 300 });
  });
});
