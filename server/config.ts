/**
 * @module The only reader of `process.env`: one zod schema, validated once at start.
 * A bad value stops the process with a message naming the variable.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { boundedId, MAX_TELEGRAM_USER_ID, MAX_VK_ID } from './auth/launch-ids.ts';

/** An empty value (a blank `NAME=` line, as in .env.example) is absent: the setting's default, or none. */
const emptyIsAbsent = <T>(v: T): T | undefined => (v === '' ? undefined : v);
/**
 * A secret, token or key: empty is absent; only spaces is refused, as a value quoted by mistake (`NAME="   "`) that no
 * platform ever signs with, so every launch or callback would fail instead of the start.
 */
const optionalString = z
  .string()
  .refine((v) => v === '' || v.trim() !== '', 'is only spaces: leave it empty for none, or give the real value')
  .optional()
  .transform(emptyIsAbsent);
const secretsKey = z
  .string()
  .refine((v) => keyBytes(v) !== undefined, 'must be 32 bytes: 64 hex characters or base64')
  .transform((v) => keyBytes(v) as Buffer);
/**
 * A VK app or community id: plain decimal digits (`Number` would read `0x10` as 16, `1e3` as 1000, ` 7` as 7), at most
 * 2^53 − 1 as launch ids are (auth/launch-ids.ts); empty is absent.
 */
const vkId = z
  .string()
  .refine((v) => boundedId(v, MAX_VK_ID) !== undefined, `must be an id in plain decimal digits, 1 to ${MAX_VK_ID}`)
  .transform(Number);
const optionalId = z.preprocess(emptyIsAbsent, vkId.optional());
/** BotFather's `<bot id>:<secret>`; the id in one spelling, at most 2^52 − 1 (auth/launch-ids.ts). */
const isBotToken = (v: string): boolean => {
  const m = /^(\d+):[A-Za-z0-9_-]+$/.exec(v);
  return m !== null && boundedId(m[1], MAX_TELEGRAM_USER_ID) !== undefined;
};
/** For a number, spaces alone too (`emptyIsAbsent` and more): coerced, a blank would be 0. */
const blankIsDefault = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
/** An address this server calls or is reached at: http or https only, so `new URL` never fails on it later. */
const httpUrl = z
  .string()
  .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), 'must be an http:// or https:// URL');

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.preprocess(blankIsDefault, z.coerce.number().int().min(0).max(65535).default(8080)),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.preprocess(blankIsDefault, httpUrl.optional()),
  /**
   * How long an idle keep-alive connection stays open. Above the 60 s that load balancers and proxies commonly keep
   * their idle connections to the backends, so they are the side that closes: when this process closes first, a request
   * the balancer sends on that connection at that moment fails (a 502 to the user).
   */
  HTTP_KEEP_ALIVE_MS: z.preprocess(emptyIsAbsent, z.coerce.number().int().min(1000).max(600_000).default(65_000)),
  DATABASE_PATH: z.string().min(1).default('./data/app.db'),
  /** PostgreSQL to run on (`postgres://user:password@host:5432/db`); absent → SQLite at DATABASE_PATH. */
  DATABASE_URL: z.preprocess(
    emptyIsAbsent,
    z
      .string()
      .regex(/^postgres(ql)?:\/\/\S+$/i, 'must be a postgres:// or postgresql:// URL')
      .refine((v) => URL.canParse(v), 'not a valid URL')
      .optional(),
  ),
  VK_APP_ID: z.preprocess(emptyIsAbsent, vkId.default(51000001)),
  VK_APP_SECRET: optionalString,
  // Only an explicit 0 turns launch age checks off; an empty value is the default, not 0.
  LAUNCH_PARAMS_TTL: z.preprocess(blankIsDefault, z.coerce.number().int().min(0).default(86400)),
  OK_APP_KEY: optionalString,
  OK_APP_SECRET: optionalString,
  // A secret like the others (spaces alone refused, not read as absent); the bot's id bounded as a Telegram user id,
  // which a bot is.
  TELEGRAM_BOT_TOKEN: optionalString.refine(
    (v) => v === undefined || isBotToken(v),
    `must be BotFather's token, <bot id>:<secret>, the bot id 1 to ${MAX_TELEGRAM_USER_ID}`,
  ),
  /**
   * The public addresses of the OK and Telegram apps, where an invitation made on that platform sends the friend
   * (server/promo/tasks/task-view.ts). Absent: an invitation there has no link (decision 048), never another platform's.
   */
  TELEGRAM_APP_URL: z.preprocess(
    emptyIsAbsent,
    z
      .string()
      .regex(
        /^https:\/\/t\.me\/[A-Za-z0-9_]{5,32}\/[A-Za-z0-9_]{3,30}$/,
        "must be https://t.me/<bot username>/<app short name> (the Mini App's direct link, BotFather /newapp)",
      )
      .optional(),
  ),
  OK_APP_URL: z.preprocess(
    emptyIsAbsent,
    z
      .string()
      .regex(
        /^https:\/\/ok\.ru\/(game|games|app)\/[A-Za-z0-9_.-]{1,64}$/,
        "must be https://ok.ru/game/<app id or short name> (the app's public address on OK)",
      )
      .optional(),
  ),
  VK_GROUP_ID: optionalId,
  VK_GROUP_TOKEN: optionalString,
  VK_SERVICE_TOKEN: optionalString,
  VK_CALLBACK_SECRET: optionalString,
  VK_CONFIRMATION_CODE: optionalString,
  VK_API_BASE_URL: httpUrl.default('https://api.vk.ru/method'),
  /**
   * The web entry (issue 17): the VK ID app id (client_id) of the site; absent → the web entry and its login are off.
   * Its users are the same VK users as inside the mini app `VK_APP_ID` (docs/decisions/030-web-entry-vk-id.md).
   */
  VK_ID_APP_ID: optionalId,
  VK_ID_BASE_URL: httpUrl.default('https://id.vk.com'),
  /** Seconds a web session cookie stays valid after VK ID login. */
  WEB_SESSION_TTL: z.preprocess(blankIsDefault, z.coerce.number().int().min(60).max(604_800).default(7200)),
  /** Requests per second the community token may make (VK: 20) and the service token (VK: 3). */
  VK_GROUP_API_RPS: z.preprocess(blankIsDefault, z.coerce.number().int().min(1).max(20).default(20)),
  VK_SERVICE_API_RPS: z.preprocess(blankIsDefault, z.coerce.number().int().min(1).max(20).default(3)),
  /** How long the outbox sender holds a claimed row before another run may take it again. */
  // Empty (`OUTBOX_LEASE_MS=` as in .env.example) means the default, not 0: a zero lease re-claims rows in flight.
  // At most 10 minutes: a claimed row is resent after its lease, which is safe only within the hour VK remembers its
  // random_id (server/mailing/outbox-claim.ts's RANDOM_ID_MEMORY_MS).
  OUTBOX_LEASE_MS: z.preprocess(emptyIsAbsent, z.coerce.number().int().min(0).max(600_000).default(60_000)),
  /**
   * 32-byte key (64 hex characters or base64) that encrypts the tokens the agency stores (decision 025); absent outside
   * production → generated once into local-secrets.json. `SECRETS_KEY_PREVIOUS` still decrypts during a rotation.
   */
  SECRETS_KEY: z.preprocess(emptyIsAbsent, secretsKey.optional()),
  SECRETS_KEY_PREVIOUS: z.preprocess(emptyIsAbsent, secretsKey.optional()),
  /** Demo data on an empty database: on by default outside production, off in it (see `demoSeeding`). */
  SEED_DEMO: z.enum(['0', '1', 'true', 'false', 'force']).optional(),
  /**
   * Tests and local development only (refused in production): the CRM webhook may be plain http and reach loopback and
   * private addresses, so the fake CRM on 127.0.0.1 works. Off: https to public addresses only (SSRF guard).
   */
  CRM_WEBHOOK_ALLOW_LOCAL: z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((v) => v === '1' || v === 'true'),
});

export type Env = z.infer<typeof envSchema>;

/** A 32-byte key written as hex or base64(url), or undefined when it is neither. */
function keyBytes(v: string): Buffer | undefined {
  const bytes = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  return bytes.length === 32 ? bytes : undefined;
}

export interface Config
  extends Omit<Env, 'VK_APP_SECRET' | 'OK_APP_SECRET' | 'OK_APP_KEY' | 'TELEGRAM_BOT_TOKEN' | 'SEED_DEMO'> {
  SEED_DEMO: boolean;
  VK_APP_SECRET: string;
  OK_APP_KEY: string;
  OK_APP_SECRET: string;
  TELEGRAM_BOT_TOKEN: string;
  /** True when a secret was generated for local use rather than supplied. */
  usesLocalSecrets: boolean;
  /** Per platform, whether its launch secret was generated here: then nothing a real client signs verifies with it. */
  generatedSecrets: { vk: boolean; ok: boolean; telegram: boolean };
  dataDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Secrets that production must be given explicitly. */
const REQUIRED_IN_PRODUCTION = ['VK_APP_SECRET', 'VK_APP_ID'] as const;

/**
 * Parses and validates an environment. Outside production, missing secrets are generated once
 * and kept in `<data dir>/local-secrets.json`, so signed local launch URLs stay valid across restarts.
 * @example loadConfig({ PORT: '3000' })
 */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  const dataDir = dirname(env.DATABASE_PATH === ':memory:' ? './data/app.db' : env.DATABASE_PATH);
  if (env.NODE_ENV === 'production') {
    const missing = REQUIRED_IN_PRODUCTION.filter((k) => source[k] === undefined || source[k] === '');
    if (missing.length > 0) {
      throw new ConfigError(
        `Invalid environment:\n${missing.map((k) => `  ${k}: required when NODE_ENV=production`).join('\n')}`,
      );
    }
  }
  const pairing = unpairedSettings(env);
  if (pairing.length > 0) throw new ConfigError(`Invalid environment:\n${pairing.map((l) => `  ${l}`).join('\n')}`);
  if (env.NODE_ENV === 'production' && env.CRM_WEBHOOK_ALLOW_LOCAL) {
    throw new ConfigError(
      'Invalid environment:\n  CRM_WEBHOOK_ALLOW_LOCAL: lets webhooks reach private addresses; refused when NODE_ENV=production',
    );
  }
  const seedDemo = demoSeeding(env.NODE_ENV, env.SEED_DEMO);
  const needLocal =
    !env.VK_APP_SECRET || !env.OK_APP_SECRET || !env.TELEGRAM_BOT_TOKEN || !env.OK_APP_KEY || !env.SECRETS_KEY;
  const local = needLocal && env.NODE_ENV !== 'production' ? localSecrets(dataDir) : undefined;
  return {
    ...env,
    VK_APP_SECRET: env.VK_APP_SECRET ?? local?.vkAppSecret ?? '',
    OK_APP_KEY: env.OK_APP_KEY ?? local?.okAppKey ?? '',
    OK_APP_SECRET: env.OK_APP_SECRET ?? local?.okAppSecret ?? '',
    TELEGRAM_BOT_TOKEN: env.TELEGRAM_BOT_TOKEN ?? local?.telegramBotToken ?? '',
    SECRETS_KEY: env.SECRETS_KEY ?? (local ? Buffer.from(local.secretsKey, 'hex') : undefined),
    SEED_DEMO: seedDemo,
    usesLocalSecrets: !env.VK_APP_SECRET,
    generatedSecrets: {
      vk: !env.VK_APP_SECRET && local !== undefined,
      ok: !env.OK_APP_SECRET && local !== undefined,
      telegram: !env.TELEGRAM_BOT_TOKEN && local !== undefined,
    },
    dataDir,
  };
}

/**
 * Settings that only work together, each missing one named with why. A community token acts for `VK_GROUP_ID` alone
 * (the sender, the consent checks, the office's "bot token" line all pick it by that id), so a token without the id
 * was silently never used. In production an OK or Telegram app that is configured (its launch credentials given)
 * needs its public address: invitations made there are built from it, and without it they carried no link at all.
 * `VK_GROUP_ID` alone stays valid: the agency may keep that community's token in the office (decision 025).
 */
function unpairedSettings(env: Env): string[] {
  const issues: string[] = [];
  if (env.VK_GROUP_TOKEN && env.VK_GROUP_ID === undefined) {
    issues.push('VK_GROUP_ID: required with VK_GROUP_TOKEN (the community that token acts for)');
  }
  if (env.NODE_ENV !== 'production') return issues;
  // Outside production the missing one is generated locally; in production an OK launch then never verifies.
  if (env.OK_APP_KEY && !env.OK_APP_SECRET)
    issues.push('OK_APP_SECRET: required with OK_APP_KEY when NODE_ENV=production');
  if (env.OK_APP_SECRET && !env.OK_APP_KEY)
    issues.push('OK_APP_KEY: required with OK_APP_SECRET when NODE_ENV=production');
  if ((env.OK_APP_KEY || env.OK_APP_SECRET) && !env.OK_APP_URL) {
    issues.push(
      'OK_APP_URL: required when NODE_ENV=production and the OK app is configured (OK_APP_KEY / OK_APP_SECRET): https://ok.ru/game/<app id or short name>, where invitations made on OK lead',
    );
  }
  if (env.TELEGRAM_BOT_TOKEN && !env.TELEGRAM_APP_URL) {
    issues.push(
      'TELEGRAM_APP_URL: required when NODE_ENV=production and Telegram is configured (TELEGRAM_BOT_TOKEN): https://t.me/<bot username>/<app short name>, where invitations made in Telegram lead',
    );
  }
  return issues;
}

/**
 * Demo data only where it is asked for: on by default locally (`npm start`), off by default in production, and
 * `SEED_DEMO=1` refused there (the demo's admin is a fixed VK user id, someone real) unless it says `force`.
 */
function demoSeeding(nodeEnv: Env['NODE_ENV'], value: Env['SEED_DEMO']): boolean {
  if (nodeEnv !== 'production') return value !== '0' && value !== 'false';
  if (value === '1' || value === 'true') {
    throw new ConfigError(
      'Invalid environment:\n  SEED_DEMO: demo data is refused when NODE_ENV=production; set SEED_DEMO=force to seed it anyway',
    );
  }
  return value === 'force';
}

interface LocalSecrets {
  vkAppSecret: string;
  okAppKey: string;
  okAppSecret: string;
  telegramBotToken: string;
  /** Hex; added to a file written before it existed (decision 025). */
  secretsKey: string;
}

function localSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'local-secrets.json');
  if (existsSync(file)) {
    const found = JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
    if (found.secretsKey) return found;
    const upgraded = { ...found, secretsKey: randomBytes(32).toString('hex') };
    writeFileSync(file, JSON.stringify(upgraded, null, 2), { mode: 0o600 });
    return upgraded;
  }
  const secrets: LocalSecrets = {
    vkAppSecret: randomBytes(15).toString('base64url'),
    okAppKey: `LOCAL${randomBytes(6).toString('hex').toUpperCase()}`,
    okAppSecret: randomBytes(16).toString('hex').toUpperCase(),
    telegramBotToken: `1000000001:${randomBytes(26).toString('base64url')}`,
    secretsKey: randomBytes(32).toString('hex'),
  };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

/**
 * The process environment with values given another way taking precedence (`npm run bot -- --lease-ms N` is
 * `OUTBOX_LEASE_MS=N`), validated by the same schema, so a flag cannot bypass a check or leave a field undefined.
 * @example loadConfigWith({ OUTBOX_LEASE_MS: '5000' })
 */
export function loadConfigWith(overrides: Record<string, string>): Config {
  return loadConfig({ ...process.env, ...overrides });
}

/** For process entry points: the config, or the validation message on stderr and exit code 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
