/**
 * @module `npm run bot`: the bot process. Drains the outbox (rate-limited, resumable) and evaluates funnel rules and
 * due broadcasts every minute. `--long-poll` also receives updates through Bots Long Poll (local use; in production
 * VK calls `POST /vk/callback` on the server). `--once` drains what is due and exits (with `--no-rules`, only sends).
 * Each schedule pass (and so the start) also re-handles journaled updates a crash left `received`.
 * `--lease-ms N` overrides how long a claimed row is held before it is retried.
 */
import { systemClock } from '../server/clock.ts';
import { loadConfigOrExit } from '../server/config.ts';
import { openDatabase } from '../server/db/client.ts';
import { createVkApi } from '../server/vk/vk-api.ts';
import { botFor } from './bot.ts';
import { runSchedules } from './schedule.ts';
import { progressPrinter } from './sender/progress-bar.ts';
import { sendOutbox } from './sender/sender-from-config.ts';

function flag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const db = openDatabase(config.DATABASE_PATH);
  const deps = { db, config, now: systemClock, vk: createVkApi(config) };
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const once = flag('once');
  const lease = option('lease-ms');
  const bot = botFor(deps);
  if (flag('long-poll')) {
    await bot.startPolling();
    console.error(`bot: long poll started for community ${config.VK_GROUP_ID}`);
    abort.signal.addEventListener('abort', () => void bot.vk.updates.stop());
  }
  const schedules = flag('no-rules') ? undefined : runSchedules(deps, { once, signal: abort.signal });
  if (flag('no-rules')) void bot.recover().catch((err) => console.error('bot: recovery pass failed', err));
  const totals = await sendOutbox(db, config, systemClock, {
    once,
    leaseMs: lease === undefined ? undefined : Number(lease),
    // A previous run may have used the token's current second just before it stopped (or was killed).
    coldStartMs: 1000,
    onProgress: flag('quiet') ? undefined : progressPrinter(),
    signal: abort.signal,
  });
  await schedules;
  await bot.idle();
  process.stderr.write(`\nsender: ${JSON.stringify(totals)}\n`);
  if (!flag('long-poll') || abort.signal.aborted) {
    db.$client.close();
    process.exit(0);
  }
}

void main();
