/**
 * The sender is a child process killed with SIGKILL mid-run, then started again: every recipient still gets exactly
 * one message (claimed rows come back after their lease and VK drops the repeated random_id). And consent revoked
 * mid-run (message_deny, or VK's 901) means nothing more goes to that user.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { botFor } from '../../bot/bot.ts';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { createBroadcast, enqueueBroadcast } from '../../server/mailing/broadcast.service.ts';
import {
  CALLBACK_SECRET,
  createMessagingWorld,
  deliveriesByPeer,
  GROUP_ID,
  type MessagingWorld,
  queueBroadcastAndPersonalLines,
} from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

function startSender(w: MessagingWorld): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bot/main.ts', '--once', '--no-rules', '--quiet', '--lease-ms', '1000'],
    {
      cwd: process.cwd(),
      env: {
        ...process.env,
        NODE_ENV: 'test',
        ...w.databaseEnv,
        VK_APP_ID: String(w.config.VK_APP_ID),
        VK_APP_SECRET: w.config.VK_APP_SECRET,
        VK_GROUP_ID: String(GROUP_ID),
        VK_GROUP_TOKEN: `group:${GROUP_ID}`,
        VK_API_BASE_URL: w.fake.url,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let err = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(err);
      resolve(code);
    }),
  );
  return { child, exited };
}

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('outbox sender: crash and consent', () => {
  it('kill -9 mid-run and restart: still exactly one message each', async () => {
    world = await createMessagingWorld();
    const w = world;
    await w.addParticipants({ count: 3000, firstUserId: 3_000_000 });
    const total = await queueBroadcastAndPersonalLines(w, {
      text: 'Осталось два дня!',
      personalLines: 500,
      firstUserId: 3_000_000,
      personal: (i) => `Личный код ${i}`,
    });
    expect(total).toBe(3500);

    const first = startSender(w);
    await until(() => w.fake.delivered.length >= 1200, 30_000);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe(null);
    const afterKill = w.fake.delivered.length;
    expect(afterKill).toBeLessThan(3500);
    const inFlight = (
      await w.deps.db.select({ id: schema.outbox.id }).from(schema.outbox).where(eq(schema.outbox.status, 'sending'))
    ).length;

    const second = startSender(w);
    expect(await second.exited).toBe(0);

    expect(w.fake.delivered.length).toBe(3500);
    const byPeer = deliveriesByPeer(w.fake);
    for (let i = 0; i < 3000; i += 1) expect(byPeer.get(3_000_000 + i)).toBe(i < 500 ? 2 : 1);
    const texts = w.fake.delivered.filter((d) => d.text.startsWith('Личный'));
    expect(new Set(texts.map((d) => d.peerId)).size).toBe(500);
    expect(w.fake.errorCounts()[6]).toBeUndefined();
    const left = (await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.status, 'sent'))).length;
    expect(left).toBe(3500);
    console.info(`killed with ${afterKill} delivered and ${inFlight} rows claimed but unrecorded`);
  }, 90_000);

  it('consent revoked mid-run: nothing more to that user', async () => {
    world = await createMessagingWorld();
    const w = world;
    await w.addParticipants({ count: 2000, firstUserId: 4_000_000 });
    const denied = 4_001_999; // last in line: revoked through message_deny before the sender reaches them
    const refused = 4_001_998; // revoked only in VK: the send gets 901
    for (const name of ['first', 'second']) {
      const b = await createBroadcast(
        w.deps.db,
        { campaignId: w.campaignId, name, segment: {}, channel: 'message', text: `Рассылка ${name}` },
        w.clock.now,
        w.office,
      );
      await enqueueBroadcast(w.deps.db, b, w.clock.now);
    }
    const app = createApp(w.deps);
    const run = sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true });
    await until(() => w.fake.delivered.length >= 500, 20_000);
    w.fake.denyMessages(GROUP_ID, denied);
    w.fake.denyMessages(GROUP_ID, refused);
    const res = await app.request('/vk/callback', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message_deny',
        object: { user_id: denied },
        group_id: GROUP_ID,
        event_id: 'deny-1',
        v: '5.199',
        secret: CALLBACK_SECRET,
      }),
    });
    expect(await res.text()).toBe('ok');
    await botFor(w.deps).idle();
    await run;

    const byPeer = deliveriesByPeer(w.fake);
    expect(byPeer.get(denied)).toBeUndefined();
    expect(byPeer.get(refused)).toBeUndefined();
    expect(byPeer.get(4_000_000)).toBe(2);
    const rowsOf = (user: number) =>
      w.deps.db
        .select()
        .from(schema.outbox)
        .where(and(eq(schema.outbox.vkGroupId, GROUP_ID), eq(schema.outbox.vkUserId, user)));
    // Rows still queued are cancelled by message_deny; one already in flight gets VK's 901 and fails.
    const deniedRows = await rowsOf(denied);
    expect(deniedRows).toHaveLength(2);
    for (const r of deniedRows) {
      expect(['cancelled', 'failed']).toContain(r.status);
      expect(r.errorReason).toBe('consent_revoked');
    }
    const refusedRows = (await rowsOf(refused)).map((r) => r.errorReason);
    expect(refusedRows.every((r) => r === 'consent_revoked')).toBe(true);
    // At most one attempt reached VK for the refused user; the other row was closed without a call.
    const [consent] = await w.deps.db
      .select()
      .from(schema.consents)
      .where(and(eq(schema.consents.vkUserId, refused), eq(schema.consents.vkGroupId, GROUP_ID)));
    expect(consent?.allowed).toBe(false);
    expect(w.fake.errorCounts()[6]).toBeUndefined();
  }, 60_000);
});
