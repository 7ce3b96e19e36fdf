/**
 * @module What the first-screen bench opens: each variant built as `npm run build` builds it (same-origin API,
 * precompressed copies) and served the way `npm start` serves it (the real API, the demo seed, server/static/),
 * and the VKUI hello-world built with the same versions and served by the same static module — brotli/gzip,
 * a year's caching for hashed files, a revalidated index.html — as a good static host serves it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { build } from 'vite';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { closeDatabase, openDatabase } from '../../server/db/client.ts';
import { throwawayBinding } from '../../server/seed/demo-ids.ts';
import { seedDemo } from '../../server/seed/demo-seed.ts';
import { serveMiniApp } from '../../server/static/mini-app.ts';
import { precompressDir } from '../build/precompress.ts';
import { launchSigner } from '../package/browser/api-world.ts';
import { TELEGRAM_INIT_SCRIPT, TELEGRAM_THEMES } from '../package/browser/stand-in-pages.ts';

const repoRoot = resolve(import.meta.dirname, '../..');
export const FIRST_SCREEN_VARIANTS = ['vk', 'ok', 'telegram'] as const;
export type FirstScreenVariant = (typeof FIRST_SCREEN_VARIANTS)[number];

/** A page to open: its URL (launch data included) and what the client injects before it runs. */
export interface Target {
  url: () => string;
  initScript?: string;
}

export interface FirstScreenWorld {
  hello: Target;
  apps: Record<FirstScreenVariant, Target>;
  close(): Promise<void>;
}

async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  const server = serve({ fetch, port: 0, hostname: '127.0.0.1' });
  if (!server.listening) await new Promise<void>((r) => server.once('listening', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, close: () => new Promise<void>((r) => server.close(() => r())) };
}

export async function startFirstScreenWorld(): Promise<FirstScreenWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'first-screen-'));
  const helloDir = join(dir, 'hello');
  await build({
    configFile: join(import.meta.dirname, 'hello-world/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: helloDir },
  });
  precompressDir(helloDir);
  for (const variant of FIRST_SCREEN_VARIANTS) {
    await build({
      configFile: join(repoRoot, 'vite.config.ts'),
      mode: variant,
      logLevel: 'warn',
      build: { outDir: join(dir, variant) },
    });
  }

  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_PATH: join(dir, 'app.db'),
    VK_APP_ID: '51000001',
    VK_APP_SECRET: randomBytes(15).toString('base64url'),
    OK_APP_KEY: 'CBENCHKEY',
    OK_APP_SECRET: randomBytes(16).toString('hex').toUpperCase(),
    TELEGRAM_BOT_TOKEN: `7000000001:${randomBytes(26).toString('base64url')}`,
  });
  const db = openDatabase(config.DATABASE_PATH);
  const seed = await seedDemo(db, config, Date.now(), throwawayBinding(config));
  const deps = { db, config, now: Date.now };
  const signer = launchSigner({
    vkAppId: config.VK_APP_ID,
    vkSecret: config.VK_APP_SECRET,
    groupId: seed.groupId,
    okKey: config.OK_APP_KEY,
    okSecret: config.OK_APP_SECRET,
    botToken: config.TELEGRAM_BOT_TOKEN,
  });

  const servers: Array<{ url: string; close: () => Promise<void> }> = [];
  const helloApp = new Hono();
  serveMiniApp(helloApp, deps, { root: helloDir, platform: 'vk' });
  const hello = await listen(helloApp.fetch);
  servers.push(hello);
  const appUrl: Partial<Record<FirstScreenVariant, string>> = {};
  for (const variant of FIRST_SCREEN_VARIANTS) {
    const app = createApp(deps);
    serveMiniApp(app, deps, { root: join(dir, variant), platform: variant });
    const listening = await listen(app.fetch);
    servers.push(listening);
    appUrl[variant] = listening.url;
  }
  const theme = TELEGRAM_THEMES.light;
  return {
    hello: { url: () => `${hello.url}/` },
    apps: {
      vk: { url: () => `${appUrl.vk}/?${signer.vkLaunchQuery('mobile_web')}` },
      ok: { url: () => `${appUrl.ok}/?${signer.okLaunchQuery({ mob: 'true', mob_platform: 'androidweb' })}` },
      telegram: {
        url: () =>
          `${appUrl.telegram}/#${new URLSearchParams({
            tgWebAppData: signer.telegramInitData(),
            tgWebAppVersion: '8.0',
            tgWebAppPlatform: 'android',
            tgWebAppThemeParams: JSON.stringify(theme),
          })}`,
        initScript: TELEGRAM_INIT_SCRIPT.replace('__THEME__', JSON.stringify(theme)),
      },
    },
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
