/**
 * A fresh world for in-process tests: a new SQLite file in a temp folder with migrations applied (or, with
 * `TEST_DIALECT=postgres`, a new PostgreSQL database: tests/support/world-database.ts),
 * a test config with known secrets, a settable fake clock, and helpers that sign launches as the clients do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signOkLaunch } from '../../server/auth/ok-sign.ts';
import { signTelegramInitData } from '../../server/auth/telegram-init-data.ts';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { type Config, loadConfig } from '../../server/config.ts';
import { inTransaction, type Tx } from '../../server/db/transactions.ts';
import type { Deps } from '../../server/deps.ts';
import { openWorldDatabase } from './world-database.ts';

export const TEST_VK_APP_ID = 51000001;
export const TEST_VK_SECRET = 'test-vk-secret';
export const TEST_OK_KEY = 'CTESTKEY';
export const TEST_OK_SECRET = 'TESTOKSECRET0000';
export const TEST_BOT_TOKEN = '7000000001:AAtest-bot-token';

export interface TestWorld {
  deps: Deps;
  config: Config;
  dir: string;
  /** The database variables for a child process (server, bot) that must open this world's database. */
  databaseEnv: { DATABASE_PATH: string; DATABASE_URL: string };
  clock: { now: number; advance(ms: number): void; set(ms: number): void };
  /** `Authorization` value for a VK user launching the app (signed with the test secret). */
  vkAuth(userId: number | string, extra?: Record<string, string | number>): string;
  okAuth(userId: string, extra?: Record<string, string>): string;
  tmaAuth(userId: number, extra?: Record<string, string>): string;
  /** Runs test set-up writes in one transaction (the domain's handle only reads). */
  write<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Closes the database (and, on PostgreSQL, drops it in the background) and removes the folder. */
  close(): void;
}

export function createTestWorld(env: Record<string, string> = {}, startMs = Date.UTC(2026, 5, 1, 9)): TestWorld {
  const dir = mkdtempSync(join(tmpdir(), 'promo-test-'));
  const database = openWorldDatabase(dir);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: join(dir, 'app.db'),
    VK_APP_ID: String(TEST_VK_APP_ID),
    VK_APP_SECRET: TEST_VK_SECRET,
    OK_APP_KEY: TEST_OK_KEY,
    OK_APP_SECRET: TEST_OK_SECRET,
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    ...(database.url ? { DATABASE_URL: database.url } : {}),
    ...env,
  });
  const { db } = database;
  const clock = {
    now: startMs,
    advance(ms: number) {
      clock.now += ms;
    },
    set(ms: number) {
      clock.now = ms;
    },
  };
  const nowSeconds = () => Math.floor(clock.now / 1000);
  return {
    deps: { db, config, now: () => clock.now },
    config,
    dir,
    databaseEnv: { DATABASE_PATH: config.DATABASE_PATH, DATABASE_URL: config.DATABASE_URL ?? '' },
    clock,
    vkAuth: (userId, extra = {}) =>
      `VK ${signVkLaunch(
        {
          vk_user_id: userId,
          vk_app_id: TEST_VK_APP_ID,
          vk_ts: nowSeconds(),
          vk_language: 'ru',
          vk_platform: 'mobile_android',
          ...extra,
        },
        TEST_VK_SECRET,
      )}`,
    okAuth: (userId, extra = {}) =>
      `OK ${signOkLaunch({ logged_user_id: userId, session_key: `s-${userId}`, application_key: TEST_OK_KEY, ...extra }, TEST_OK_SECRET)}`,
    tmaAuth: (userId, extra = {}) =>
      `tma ${signTelegramInitData(
        {
          auth_date: String(nowSeconds()),
          query_id: 'AAH',
          user: JSON.stringify({ id: userId, first_name: 'T', language_code: 'en' }),
          ...extra,
        },
        TEST_BOT_TOKEN,
      )}`,
    write: (work) => inTransaction(db, work),
    close() {
      database.close().catch((err) => console.warn(`test world: closing its database failed (${err})`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
