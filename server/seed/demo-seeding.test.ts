/** Issue 11, item 3: demo data only where asked for, and never on the configured real app, community or bot. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorldDatabase, type WorldDatabase } from '../../tests/support/world-database.ts';
import { createApp } from '../app.ts';
import { signOkLaunch } from '../auth/ok-sign.ts';
import { signVkLaunch } from '../auth/vk-sign.ts';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { schema } from '../db/client.ts';
import { launchInstructions } from '../local-launch.ts';
import { DEMO_ADMIN_VK_ID, DEMO_GROUP_ID, DEMO_PARTICIPANT_VK_ID, DEMO_VK_APP_ID } from './demo-ids.ts';
import { seedDemo } from './demo-seed.ts';

const REAL = {
  VK_APP_ID: '7777777',
  VK_APP_SECRET: 'real-vk-secret',
  VK_GROUP_ID: '1234567',
  OK_APP_KEY: 'CBAREALKEY',
  OK_APP_SECRET: 'REALOKSECRET',
  TELEGRAM_BOT_TOKEN: '6000000001:real-bot-token',
  // Production with OK and Telegram configured needs their public addresses (config.ts, unpairedSettings).
  OK_APP_URL: 'https://ok.ru/game/512000000777',
  TELEGRAM_APP_URL: 'https://t.me/promo_real_bot/promo',
};
const dirs: string[] = [];
const dbs: WorldDatabase[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) void db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const env = (extra: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  dirs.push(dir);
  return { DATABASE_PATH: join(dir, 'app.db'), ...extra };
};
const open = (config: Config) => {
  // The config's SQLite file, or (TEST_DIALECT=postgres) a database of its own.
  const database = openWorldDatabase(dirname(config.DATABASE_PATH));
  dbs.push(database);
  return database.db;
};

describe('when demo data is seeded', () => {
  it('item 3: on by default locally (NODE_ENV unset, `npm start`), off when SEED_DEMO=0', () => {
    expect(loadConfig(env({})).SEED_DEMO).toBe(true);
    expect(loadConfig(env({ SEED_DEMO: '0' })).SEED_DEMO).toBe(false);
  });

  it('item 3: off by default in production, SEED_DEMO=1 refused there, SEED_DEMO=force honoured', () => {
    expect(loadConfig(env({ NODE_ENV: 'production', ...REAL })).SEED_DEMO).toBe(false);
    expect(() => loadConfig(env({ NODE_ENV: 'production', ...REAL, SEED_DEMO: '1' }))).toThrow(ConfigError);
    expect(() => loadConfig(env({ NODE_ENV: 'production', ...REAL, SEED_DEMO: 'true' }))).toThrow(/SEED_DEMO/);
    expect(loadConfig(env({ NODE_ENV: 'production', ...REAL, SEED_DEMO: 'force' })).SEED_DEMO).toBe(true);
  });
});

describe('where demo data lives', () => {
  it('item 3: with real ids and secrets (forced in production) the demo keeps its own ids and gets no admin', async () => {
    const config = loadConfig(env({ NODE_ENV: 'production', ...REAL, SEED_DEMO: 'force' }));
    const db = open(config);
    await seedDemo(db, config, Date.now());
    expect(await db.select().from(schema.apps)).toMatchObject([
      { vkAppId: DEMO_VK_APP_ID, okAppKey: null, telegramBotId: null },
    ]);
    expect(await db.select().from(schema.communities)).toMatchObject([{ vkGroupId: DEMO_GROUP_ID }]);
    expect(await db.select().from(schema.memberships)).toEqual([]);

    // VK user 100002 opening the real app as admin of the real community sees no demo campaign and has no rights.
    const app = createApp({ db, config, now: Date.now });
    const vk = `VK ${signVkLaunch(
      {
        vk_user_id: DEMO_ADMIN_VK_ID,
        vk_app_id: REAL.VK_APP_ID,
        vk_group_id: REAL.VK_GROUP_ID,
        vk_viewer_group_role: 'admin',
        vk_ts: Math.floor(Date.now() / 1000),
      },
      REAL.VK_APP_SECRET,
    )}`;
    const list = await app.request('/api/campaigns', { headers: { Authorization: vk } });
    expect(await list.json()).toEqual({ campaigns: [] });
    const stuck = await app.request('/api/admin/funnel/campaigns/1/stuck?stage=opened&minHours=0', {
      headers: { Authorization: vk },
    });
    // Not a member of the demo's brand: the office gate answers as if the campaign did not exist.
    expect(stuck.status).toBe(404);
    const ok = `OK ${signOkLaunch({ logged_user_id: '1', session_key: 's', application_key: REAL.OK_APP_KEY }, REAL.OK_APP_SECRET)}`;
    expect(await (await app.request('/api/campaigns', { headers: { Authorization: ok } })).json()).toEqual({
      campaigns: [],
    });
  });

  it("item 3: with a real VK key in development, no signed URL is printed (it would be a real user's launch)", () => {
    const config = loadConfig(env({ ...REAL }));
    expect(config.SEED_DEMO).toBe(true);
    const text = launchInstructions(config, 'http://localhost:8080', Date.now());
    expect(text).not.toContain('sign=');
    expect(text).toMatch(/VK_APP_SECRET/);
  });

  it('item 3: locally (generated secrets) the printed URLs open the demo, even with VK_APP_ID/VK_GROUP_ID set', async () => {
    const config = loadConfig(env({ VK_APP_ID: REAL.VK_APP_ID, VK_GROUP_ID: REAL.VK_GROUP_ID }));
    const db = open(config);
    await seedDemo(db, config, Date.now());
    expect(await db.select().from(schema.communities)).toMatchObject([{ vkGroupId: DEMO_GROUP_ID }]);
    const text = launchInstructions(config, 'http://localhost:8080', Date.now());
    const urls = [...text.matchAll(/http:\/\/localhost:8080\/\?(\S+)/g)].map((m) => m[1] as string);
    expect(urls).toHaveLength(5);
    const app = createApp({ db, config, now: Date.now });
    const [participant, english, friend, admin, agencyOwner] = urls.map((q) => `VK ${q.replace(/#.*$/, '')}`);
    for (const auth of [participant, english, friend]) {
      const res = await app.request('/api/campaigns', { headers: { Authorization: auth as string } });
      expect(((await res.json()) as { campaigns: unknown[] }).campaigns).toHaveLength(3);
    }
    const me = async (auth: string | undefined) =>
      (await app.request('/api/me', { headers: { Authorization: auth as string } })).json();
    expect(await me(participant)).toMatchObject({ userId: String(DEMO_PARTICIPANT_VK_ID), language: 'ru' });
    expect(await me(english)).toMatchObject({ userId: String(DEMO_PARTICIPANT_VK_ID), language: 'en' });
    expect(await me(friend)).not.toMatchObject({ userId: String(DEMO_PARTICIPANT_VK_ID) });
    const stuck = await app.request('/api/admin/funnel/campaigns/1/stuck?stage=opened&minHours=0', {
      headers: { Authorization: admin as string },
    });
    expect(stuck.status).toBe(200);
    // The demo's campaigns are live, so the office lists them as published (revision 1), with that revision to read.
    const [brand] = await db.select({ id: schema.brands.id }).from(schema.brands);
    const office = await app.request(`/api/admin/campaigns?brandId=${brand?.id}`, {
      headers: { Authorization: admin as string },
    });
    const listed = (await office.json()) as { campaigns: Array<{ id: number; revision: number }> };
    expect(listed.campaigns.map((c) => c.revision)).toEqual([1, 1, 1]);
    const first = await app.request(`/api/admin/campaigns/${listed.campaigns[0]?.id}/revisions/1`, {
      headers: { Authorization: admin as string },
    });
    expect(first.status).toBe(200);
    // The brand's admin runs the brand's team and leads too; the agency's owner opens the agency office.
    const [brandTeam, leads] = await Promise.all([
      app.request(`/api/admin/team?brandId=${brand?.id}`, { headers: { Authorization: admin as string } }),
      app.request(`/api/admin/campaigns/${listed.campaigns[0]?.id}/leads`, {
        headers: { Authorization: admin as string },
      }),
    ]);
    expect([brandTeam.status, leads.status]).toEqual([200, 200]);
    const agencyBrands = await app.request('/api/admin/agency/brands', {
      headers: { Authorization: agencyOwner as string },
    });
    expect(agencyBrands.status).toBe(200);
    expect(await agencyBrands.json()).toMatchObject({ brands: [{ id: brand?.id }] });
    const notOwner = await app.request('/api/admin/agency/brands', { headers: { Authorization: admin as string } });
    expect(notOwner.status).toBe(403);
  });
});
