/**
 * Item 1 of issue 11, through the README's own command: `npm run bot` with no flags, configured only by environment
 * variables (`OUTBOX_LEASE_MS` among them), is killed with SIGKILL (its whole process group: npm, tsx and the bot)
 * mid-broadcast and started again the same way. Every recipient gets exactly one message, and once nothing is due
 * the bot's CPU (read from /proc/<pid>/stat for every process of the group) stays near zero.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { count, eq, inArray } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { exitWithin, killStartedBots, npmRunBot, signalGroup } from '../bot/bot-process.ts';
import {
  botProcessEnv,
  createMessagingWorld,
  deliveriesByPeer,
  type MessagingWorld,
  queueBroadcastAndPersonalLines,
} from '../bot/messaging-world.ts';
import { until } from './process-watch.ts';

const RECIPIENTS = 2000;
const FIRST_USER = 6_000_000;
const LEASE_MS = 2000;
const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

let world: MessagingWorld | undefined;
afterEach(async () => {
  killStartedBots();
  await world?.shutdown();
  world = undefined;
});

/** CPU seconds (user + system) of every live process in the group. */
function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) !== pgid) continue;
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('item 1: `npm run bot` killed -9 mid-broadcast and restarted: every recipient exactly once, idle CPU near zero', async () => {
  world = await createMessagingWorld();
  const w = world;
  await w.addParticipants({ count: RECIPIENTS, firstUserId: FIRST_USER });
  const total = await queueBroadcastAndPersonalLines(w, {
    personalLines: RECIPIENTS,
    firstUserId: FIRST_USER,
    text: 'Осталось два дня!',
    personal: (i) => `Ваш личный код ${i}`,
  });

  const first = npmRunBot(botProcessEnv(w, LEASE_MS));
  await until(() => w.fake.delivered.length >= 2600, 60_000, 'the first run to get going', first.output);
  signalGroup(first, 'SIGKILL');
  expect(await first.exited).toBe('SIGKILL');
  const afterKill = w.fake.delivered.length;
  const claimedAtKill = (
    await w.deps.db.select({ id: schema.outbox.id }).from(schema.outbox).where(eq(schema.outbox.status, 'sending'))
  ).length;
  expect(afterKill).toBeLessThan(total);

  const second = npmRunBot(botProcessEnv(w, LEASE_MS));
  const unfinished = async () =>
    (
      await w.deps.db
        .select({ n: count() })
        .from(schema.outbox)
        .where(inArray(schema.outbox.status, ['queued', 'sending']))
    )[0]?.n ?? 0;
  // The rows the killed run had claimed come back after OUTBOX_LEASE_MS (the environment's, not a flag's).
  await until(async () => (await unfinished()) === 0, 60_000, 'the restarted bot to finish', second.output);
  expect(w.fake.delivered.length).toBe(total);
  const byPeer = deliveriesByPeer(w.fake);
  for (let i = 0; i < RECIPIENTS; i += 1) expect(byPeer.get(FIRST_USER + i)).toBe(2);
  const personal = w.fake.delivered.filter((d) => d.text.startsWith('Ваш личный'));
  expect(new Set(personal.map((d) => d.peerId)).size).toBe(RECIPIENTS);

  // Nothing is due: the bot waits (a sender wake-up a second, the schedule pass a minute) instead of spinning.
  await sleep(1500);
  const pgid = second.child.pid as number;
  const before = groupCpuSeconds(pgid);
  const windowMs = 5000;
  await sleep(windowMs);
  const idleCpu = groupCpuSeconds(pgid) - before;
  expect(second.child.exitCode).toBe(null);
  expect(idleCpu).toBeLessThan(0.3);

  // The README's bot stops on SIGTERM (npm passes it on; the group gets it, as from a terminal's Ctrl-C).
  signalGroup(second, 'SIGTERM');
  expect(await exitWithin(second, 10_000)).not.toBe('timeout');
  console.info(
    `item 1: killed at ${afterKill}/${total} delivered with ${claimedAtKill} rows claimed; idle CPU ${idleCpu.toFixed(3)} s over ${windowMs} ms`,
  );
}, 150_000);
