/**
 * @module `npm run bot`: the bot process. Drains the outbox (rate-limited, resumable) for the configured community and
 * every community whose token is stored in the office (decision 078), and evaluates funnel rules and due broadcasts
 * every minute. `--long-poll` also receives updates through Bots Long Poll (local use; in production
 * VK calls `POST /vk/callback` on the server). `--once` drains what is due and exits (with `--no-rules`, only sends).
 * Each schedule pass (and so the start) also re-handles journaled updates a crash left `received`.
 * `--lease-ms N` overrides `OUTBOX_LEASE_MS`, how long a claimed row is held before it is retried (bot-settings.ts),
 * and how long a dead process keeps its leases: several bot processes may run on one database; one at a time sends
 * with each token and one consumes Long Poll (token-turn.ts, long-poll-turn.ts).
 */
import { systemClock } from '../server/clock.ts';
import { ConfigError } from '../server/config.ts';
import { closeDatabase, openDb } from '../server/db/open-db.ts';
import { runLeadWebhooks } from '../server/leads/webhook-sender.ts';
import { createVkApi } from '../server/vk/vk-api.ts';
import { botFor } from './bot.ts';
import { type BotSettings, BotSetupError, loadBotSettings, processLeaseMs } from './bot-settings.ts';
import { pollInTurn } from './long-poll-turn.ts';
import { runSchedules } from './schedule.ts';
import { progressPrinter } from './sender/progress-bar.ts';
import { sendOutbox } from './sender/sender-from-config.ts';

function settingsOrExit(): BotSettings {
  try {
    return loadBotSettings(process.argv.slice(2));
  } catch (err) {
    // A setup problem is the user's to fix: the message lists everything, a stack trace would only hide it.
    if (err instanceof BotSetupError || err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

async function main(): Promise<void> {
  const { options, config } = settingsOrExit();
  const db = await openDb(config);
  const deps = { db, config, now: systemClock, vk: createVkApi(config) };
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const { once } = options;
  const bot = botFor(deps);
  let stopPolling: (() => Promise<void>) | undefined;
  if (options.longPoll) {
    // One consumer across bot processes: this one polls while it holds the community's Long Poll lease.
    stopPolling = pollInTurn(db, bot, config.VK_GROUP_ID, processLeaseMs(config));
    console.error(`bot: long poll for community ${config.VK_GROUP_ID} runs while this process holds its lease`);
    abort.signal.addEventListener('abort', () => void stopPolling?.());
  }
  const schedules = options.rules ? runSchedules(deps, { once, signal: abort.signal }) : undefined;
  // The brands' CRM webhooks (issue 17) drain their own outbox beside the VK sender.
  const webhooks = runLeadWebhooks(deps, { once, signal: abort.signal, log: (line) => console.error(line) });
  if (!options.rules) void bot.recover().catch((err) => console.error('bot: recovery pass failed', err));
  const totals = await sendOutbox(db, config, systemClock, {
    once,
    // A previous run may have used the token's current second just before it stopped (or was killed).
    coldStartMs: 1000,
    onProgress: options.quiet ? undefined : progressPrinter(),
    log: (line) => console.error(line),
    signal: abort.signal,
  });
  await schedules;
  await webhooks;
  await bot.idle();
  process.stderr.write(`\nsender: ${JSON.stringify(totals)}\n`);
  if (!options.longPoll || abort.signal.aborted) {
    // Hand the Long Poll lease over before the database closes under its release.
    await stopPolling?.();
    await closeDatabase(db);
    process.exit(0);
  }
}

void main();
