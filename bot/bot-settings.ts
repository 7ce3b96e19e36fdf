/**
 * @module What `npm run bot` runs with, parsed once and typed: the command line (node:util `parseArgs`, strict, so
 * an unknown flag or a flag without its value is an error) and the configuration, with `--lease-ms N` handed to the
 * config schema as `OUTBOX_LEASE_MS=N` — one validation, and a lease that is always a number. The credentials the
 * bot cannot work without are checked here too, all at once, for plain runs and `--long-poll` alike.
 */
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfigWith } from '../server/config.ts';

export interface BotOptions {
  /** Also receive updates through Bots Long Poll (local use). */
  longPoll: boolean;
  /** Drain what is due, then exit. */
  once: boolean;
  /** Evaluate funnel rules and due broadcasts every minute (off with `--no-rules`). */
  rules: boolean;
  /** No progress bar. */
  quiet: boolean;
}

export interface BotSettings {
  options: BotOptions;
  /** `OUTBOX_LEASE_MS` is the `--lease-ms` value when given. */
  config: Config & { VK_GROUP_ID: number; VK_GROUP_TOKEN: string };
}

/**
 * How long a bot process holds a job no other may do at once (sending with a token, Long Poll) without renewing it:
 * `OUTBOX_LEASE_MS`, the time after which a dead sender's claimed rows come back too, and at least a second.
 */
export function processLeaseMs(config: Pick<Config, 'OUTBOX_LEASE_MS'>): number {
  return Math.max(1000, config.OUTBOX_LEASE_MS);
}

/** A variable the bot needs and what it is, for the message that lists the missing ones. */
const REQUIRED: Array<[keyof Config, string]> = [
  ['VK_GROUP_ID', 'the community the bot acts for (its numeric id)'],
  ['VK_GROUP_TOKEN', 'a community token with the messages and manage rights'],
];

const HELP = 'See docs/bot.md ("Running it locally") and .env.example.';

/** The command line or the environment cannot run the bot; the message says everything that is wrong. */
export class BotSetupError extends Error {
  override name = 'BotSetupError';
}

/** The variables `npm run bot` needs that the configuration lacks (empty when it can run). */
export function missingBotCredentials(config: Config): string[] {
  return REQUIRED.filter(([key]) => config[key] === undefined || config[key] === '').map(([key]) => key);
}

/**
 * Parses the bot's command line and loads the configuration once.
 * @example const { options, config } = loadBotSettings(['--long-poll'])
 */
export function loadBotSettings(argv: string[], load: (overrides: Record<string, string>) => Config = loadConfigWith) {
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse(argv).values;
  } catch (err) {
    throw new BotSetupError(`npm run bot: ${(err as Error).message}\n${HELP}`);
  }
  const overrides: Record<string, string> = {};
  if (values['lease-ms'] !== undefined) overrides.OUTBOX_LEASE_MS = values['lease-ms'];
  let config: Config;
  try {
    config = load(overrides);
  } catch (err) {
    if (err instanceof ConfigError && values['lease-ms'] !== undefined) {
      throw new ConfigError(err.message.replace('OUTBOX_LEASE_MS', 'OUTBOX_LEASE_MS (or --lease-ms)'));
    }
    throw err;
  }
  const missing = missingBotCredentials(config);
  if (missing.length > 0) {
    const lines = missing.map((key) => `  ${key}: ${REQUIRED.find(([k]) => k === key)?.[1]}`);
    throw new BotSetupError(`npm run bot needs these variables in its environment:\n${lines.join('\n')}\n${HELP}`);
  }
  const options: BotOptions = {
    longPoll: values['long-poll'],
    once: values.once,
    rules: !values['no-rules'],
    quiet: values.quiet,
  };
  return { options, config: config as BotSettings['config'] } satisfies BotSettings;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      'long-poll': { type: 'boolean', default: false },
      once: { type: 'boolean', default: false },
      'no-rules': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'lease-ms': { type: 'string' },
    },
  });
}
