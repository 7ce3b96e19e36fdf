/**
 * @module The real API in-process for the moderation checks: a fresh SQLite file in a temp folder, the demo world
 * seeded for the client's app ids, throwaway secrets, and launch data signed the way each platform signs it. The
 * web entry is switched on against a local fake VK ID (tests/fakes/vk-id.ts), with the client's `apiBaseUrl` as the
 * public URL, so the web build signs in the way it does in production (decision 030).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../../server/app.ts';
import { signOkLaunch } from '../../../server/auth/ok-sign.ts';
import { signTelegramInitData } from '../../../server/auth/telegram-init-data.ts';
import { signVkLaunch } from '../../../server/auth/vk-sign.ts';
import { loadConfig } from '../../../server/config.ts';
import { closeDatabase, type Db, openDatabase } from '../../../server/db/client.ts';
import { throwawayBinding } from '../../../server/seed/demo-ids.ts';
import { DEMO_PARTICIPANT_VK_ID, seedDemo } from '../../../server/seed/demo-seed.ts';
import { startFakeVkId } from '../../../tests/fakes/vk-id.ts';
import type { ClientConfig } from '../client-config.ts';
import { holdIdleConnections } from './hold-idle-connections.ts';

/** Launch data as each platform's client would hand it to the app, signed with the server's secrets. */
export interface LaunchSigner {
  vkLaunchQuery(platform: string): string;
  okLaunchQuery(extra: Record<string, string>): string;
  telegramInitData(extra?: Record<string, string>): string;
}

/** An API to point the app at: its base URL and how to sign launches it accepts. */
export interface ApiTarget extends LaunchSigner {
  /** Base URL of the API (`http://127.0.0.1:<port>`). */
  url: string;
  /** Base URL of the VK ID the API signs web visitors in with (a local fake), when the web entry is on. */
  vkIdUrl?: string;
}

export interface ApiWorld extends ApiTarget {
  /** The world's own database, for a test that shapes the demo before a launch. */
  db: Db;
  close(): Promise<void>;
}

export interface LaunchSecrets {
  vkAppId: number;
  vkSecret: string;
  groupId: number;
  okKey: string;
  okSecret: string;
  botToken: string;
}

export function launchSigner(s: LaunchSecrets): LaunchSigner {
  const seconds = () => Math.floor(Date.now() / 1000);
  return {
    vkLaunchQuery: (platform) =>
      signVkLaunch(
        {
          vk_access_token_settings: '',
          vk_app_id: s.vkAppId,
          vk_are_notifications_enabled: 0,
          vk_group_id: s.groupId,
          vk_is_app_user: 1,
          vk_is_favorite: 0,
          vk_language: 'ru',
          vk_platform: platform,
          vk_ref: 'other',
          vk_ts: seconds(),
          vk_user_id: DEMO_PARTICIPANT_VK_ID,
          vk_viewer_group_role: 'member',
        },
        s.vkSecret,
      ),
    okLaunchQuery: (extra) =>
      signOkLaunch(
        {
          application_key: s.okKey,
          logged_user_id: OK_TEST_USER,
          session_key: `s-${randomBytes(6).toString('hex')}`,
          authorized: '1',
          ...extra,
        },
        s.okSecret,
      ),
    telegramInitData: (extra = {}) =>
      signTelegramInitData(
        {
          auth_date: String(seconds()),
          query_id: 'AAHpackage',
          user: JSON.stringify({ id: TELEGRAM_TEST_USER, first_name: 'Test', language_code: 'ru' }),
          signature: 'package-check-signature',
          ...extra,
        },
        s.botToken,
      ),
  };
}

export const OK_TEST_USER = '5550001';
/** The VK ID app of the web entry in the checks (made up; only the local fake knows it). */
export const WEB_VK_ID_APP = '52000001';
export const TELEGRAM_TEST_USER = 7770001;

export async function startApiWorld(client: ClientConfig, env: Record<string, string> = {}): Promise<ApiWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'promo-package-'));
  // Signs in the same VK user the VK launches carry, so the web entry shows that participant's campaigns.
  const vkId = await startFakeVkId({
    clientId: WEB_VK_ID_APP,
    user: { userId: DEMO_PARTICIPANT_VK_ID, firstName: 'Test', lastName: 'Web' },
  });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: join(dir, 'app.db'),
    VK_APP_ID: String(client.vk.appId),
    VK_APP_SECRET: randomBytes(15).toString('base64url'),
    ...(client.vk.groupId ? { VK_GROUP_ID: String(client.vk.groupId) } : {}),
    OK_APP_KEY: client.ok?.appKey ?? 'CPACKAGEKEY',
    OK_APP_SECRET: randomBytes(16).toString('hex').toUpperCase(),
    TELEGRAM_BOT_TOKEN: `7000000001:${randomBytes(26).toString('base64url')}`,
    VK_ID_APP_ID: WEB_VK_ID_APP,
    VK_ID_BASE_URL: vkId.url,
    // The web build calls its API at the baked-in apiBaseUrl, where the checks serve it too (`/web/`, as
    // server/static does): VK ID returns there, and the CSRF check accepts that origin.
    PUBLIC_URL: client.apiBaseUrl,
    ...env,
  });
  const db = openDatabase(config.DATABASE_PATH);
  // Its secrets are made up for this run, so the demo may sit on the client's configured ids.
  const seed = await seedDemo(db, config, Date.now(), throwawayBinding(config));
  const app = createApp({ db, config, now: Date.now });
  const server = holdIdleConnections(serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server);
  if (!server.listening) await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    vkIdUrl: vkId.url,
    db,
    ...launchSigner({
      vkAppId: config.VK_APP_ID,
      vkSecret: config.VK_APP_SECRET,
      groupId: seed.groupId,
      okKey: config.OK_APP_KEY,
      okSecret: config.OK_APP_SECRET,
      botToken: config.TELEGRAM_BOT_TOKEN,
    }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await vkId.close();
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
