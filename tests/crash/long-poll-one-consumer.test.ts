/**
 * Item 3 of the scale-out work (issue 13): two `npm run bot -- --long-poll` processes on one database (the test world's:
 * SQLite, or PostgreSQL under `TEST_DIALECT=postgres`). Only the holder
 * of the community's Long Poll lease polls (one `groups.getLongPollServer` while both run for several leases); it
 * is killed with SIGKILL and the other starts polling within the lease and receives the updates VK queues next.
 */
import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { type BotProcess, killStartedBots, npmRunBot, signalGroup } from '../bot/bot-process.ts';
import { botProcessEnv, createMessagingWorld, GROUP_ID, type MessagingWorld } from '../bot/messaging-world.ts';
import { processGroupOf, until } from './process-watch.ts';

const LEASE_MS = 2000;

let world: MessagingWorld | undefined;
afterEach(async () => {
  killStartedBots();
  await world?.shutdown();
  world = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('item 4: two bot processes with --long-poll on the test world database: one consumer at a time; the other takes over when it is killed -9', async () => {
  world = await createMessagingWorld();
  const w = world;
  // The world's database variables, both of them: with only DATABASE_PATH a PostgreSQL world's bots would run on a
  // SQLite file of their own, poll and hold leases there, and journal nothing the test can see (item 4).
  const env = botProcessEnv(w, LEASE_MS);
  const bots = [0, 1].map(() => npmRunBot(env, ['--long-poll', '--no-rules', '--quiet']));
  const output = () => bots.map((p, i) => `--- bot ${i}\n${p.output()}`).join('\n');
  const pollServers = () => w.fake.calls.filter((c) => c.method === 'groups.getLongPollServer').length;
  const journaled = async (eventId: string) =>
    (await w.deps.db.select().from(schema.callbackEvents).where(eq(schema.callbackEvents.eventId, eventId)))[0]
      ?.status === 'handled';

  await until(() => pollServers() >= 1, 60_000, 'a bot to start polling', output);
  // Both run for more than two leases (renewals, the other's attempts to take over): still one consumer.
  await sleep(2 * LEASE_MS + 1000);
  expect(pollServers()).toBe(1);
  const started = bots.filter((p) => p.output().includes('long poll started'));
  expect(started).toHaveLength(1);
  w.fake.pushLongPollEvent(GROUP_ID, { type: 'message_allow', event_id: 'lp-1', object: { user_id: 4242, key: 'k' } });
  await until(() => journaled('lp-1'), 10_000, 'the first update to be handled', output);

  const [lease] = await w.deps.db
    .select()
    .from(schema.leases)
    .where(eq(schema.leases.name, `long_poll:${GROUP_ID}`));
  const holder = bots.find((p) => processGroupOf(Number(lease?.holder?.split(':')[1])) === p.child.pid) as BotProcess;
  expect(holder).toBe(started[0]);
  const survivor = bots.find((p) => p !== holder) as BotProcess;
  signalGroup(holder, 'SIGKILL');
  const killedAt = Date.now();
  await holder.exited;
  await until(() => pollServers() >= 2, LEASE_MS + 5000, 'the survivor to start polling', output);
  const takeoverMs = Date.now() - killedAt;
  expect(takeoverMs).toBeLessThan(LEASE_MS + 1500);
  await until(() => survivor.output().includes('long poll started'), 5000, 'the survivor to say so', output);
  w.fake.pushLongPollEvent(GROUP_ID, { type: 'message_allow', event_id: 'lp-2', object: { user_id: 4243, key: 'k' } });
  await until(() => journaled('lp-2'), 10_000, 'the next update to be handled by the survivor', output);
  expect(pollServers()).toBe(2);
  console.info(`item 4: the survivor polled ${takeoverMs} ms after the holder was killed (lease ${LEASE_MS} ms)`);
}, 120_000);
