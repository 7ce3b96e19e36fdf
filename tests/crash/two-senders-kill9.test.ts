/**
 * Item 2 of the scale-out work (issue 13): two `npm run bot` processes, configured only by environment variables, on
 * one database file, drain one broadcast. Only the holder of the community token's lease sends; it is killed with
 * SIGKILL (its whole process group) mid-broadcast, and the survivor takes the lease over and finishes. Every
 * recipient gets exactly one message of each kind, the fake VK never sees more than 20 requests of the token in any
 * second (and never answers error 6), and the survivor's first call comes within the lease (plus the one-second
 * cold start) of the kill.
 */
import { count, eq, inArray } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { HANDOVER_COLD_START_MS } from '../../bot/sender/token-turn.ts';
import { schema } from '../../server/db/client.ts';
import { type BotProcess, killStartedBots, npmRunBot, signalGroup } from '../bot/bot-process.ts';
import {
  botProcessEnv,
  createMessagingWorld,
  deliveriesByPeer,
  GROUP_ID,
  type MessagingWorld,
  queueBroadcastAndPersonalLines,
} from '../bot/messaging-world.ts';
import { maxInAnySecond, processGroupOf, until } from './process-watch.ts';

const RECIPIENTS = 2000;
const FIRST_USER = 7_000_000;
const LEASE_MS = 2000;

let world: MessagingWorld | undefined;
afterEach(async () => {
  killStartedBots();
  await world?.shutdown();
  world = undefined;
});

it('item 2: two sender processes, the lease holder killed -9 mid-broadcast: each recipient once, the survivor takes over within the lease, never over 20 requests/s', async () => {
  world = await createMessagingWorld();
  const w = world;
  await w.addParticipants({ count: RECIPIENTS, firstUserId: FIRST_USER });
  const total = await queueBroadcastAndPersonalLines(w, {
    personalLines: RECIPIENTS,
    firstUserId: FIRST_USER,
    text: 'Финал в субботу!',
    personal: (i) => `Ваш номер ${i}`,
  });
  const bots = [npmRunBot(botProcessEnv(w, LEASE_MS)), npmRunBot(botProcessEnv(w, LEASE_MS))];
  const output = () => bots.map((p, i) => `--- bot ${i}\n${p.output()}`).join('\n');

  await until(() => w.fake.delivered.length >= 1200, 90_000, 'the broadcast to get going', output);
  const [lease] = await w.deps.db.select().from(schema.leases);
  const holderPid = Number(lease?.holder?.split(':')[1]);
  const holder = bots.find((p) => processGroupOf(holderPid) === p.child.pid) as BotProcess;
  const survivor = bots.find((p) => p !== holder) as BotProcess;
  expect(holder, `the lease holder ${lease?.holder} is one of the two bots`).toBeDefined();
  // Before the kill only the holder sent: the other never held the token's lease.
  expect(survivor.output()).not.toContain('sending with the token');
  signalGroup(holder, 'SIGKILL');
  const killedAt = Date.now();
  expect(await holder.exited).toBe('SIGKILL');
  const afterKill = w.fake.delivered.length;
  expect(afterKill).toBeLessThan(total);

  const leaseHolder = async () =>
    (
      await w.deps.db
        .select()
        .from(schema.leases)
        .where(eq(schema.leases.name, lease?.name as string))
    )[0];
  await until(
    async () => (await leaseHolder())?.holder !== lease?.holder,
    LEASE_MS + 10_000,
    'the survivor to take the lease',
    output,
  );
  const tookAt = Date.now();
  const unfinished = async () =>
    (
      await w.deps.db
        .select({ n: count() })
        .from(schema.outbox)
        .where(inArray(schema.outbox.status, ['queued', 'sending']))
    )[0]?.n ?? 0;
  await until(async () => (await unfinished()) === 0, 90_000, 'the survivor to finish', output);

  expect(w.fake.delivered.length).toBe(total);
  const byPeer = deliveriesByPeer(w.fake);
  for (let i = 0; i < RECIPIENTS; i += 1) expect(byPeer.get(FIRST_USER + i)).toBe(2);
  const calls = w.fake.calls.filter((c) => !c.viaExecute && c.token === `group:${GROUP_ID}`);
  const perSecond = maxInAnySecond(calls.map((c) => c.at));
  expect(perSecond).toBeLessThanOrEqual(20);
  expect(w.fake.errorCounts()[6]).toBeUndefined();
  // The survivor took the lease over (the next fence) within the lease (and the keeper's look-again interval) of the
  // kill, and its first call came after the one-second cold start.
  const takeoverMs = tookAt - killedAt;
  expect(takeoverMs).toBeLessThan(LEASE_MS + 1000);
  const firstCallMs = (calls.find((c) => c.at > tookAt)?.at as number) - tookAt;
  expect(firstCallMs).toBeGreaterThanOrEqual(HANDOVER_COLD_START_MS - 50);
  expect(firstCallMs).toBeLessThan(HANDOVER_COLD_START_MS + 1000);
  const after = await leaseHolder();
  expect(after?.fence).toBe((lease?.fence ?? 0) + 1);
  expect(processGroupOf(Number(after?.holder?.split(':')[1]))).toBe(survivor.child.pid);
  expect(survivor.output()).toContain(`sending with the token (lease fence ${after?.fence})`);
  console.info(
    `item 2: killed the holder at ${afterKill}/${total} delivered; survivor took the lease ${takeoverMs} ms after the kill (lease ${LEASE_MS} ms), first call ${firstCallMs} ms later; at most ${perSecond} requests in any second; ${calls.length} requests`,
  );
}, 180_000);
