/** Issue 16, item 5: the demo's generated past gives the statistics page a funnel, sessions and retention to draw. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { openWorldDatabase, type WorldDatabase } from '../../tests/support/world-database.ts';
import { createApp } from '../app.ts';
import { signVkLaunch } from '../auth/vk-sign.ts';
import { loadConfig } from '../config.ts';
import { schema } from '../db/client.ts';
import { DEMO_ADMIN_VK_ID } from './demo-ids.ts';
import { seedDemo } from './demo-seed.ts';

let dir: string;
let database: WorldDatabase | undefined;
afterEach(() => {
  void database?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('item 5: the seeded demo shows a falling funnel, sessions, drop-off screens and retention on the stats API', async () => {
  dir = mkdtempSync(join(tmpdir(), 'seed-history-'));
  const config = loadConfig({ DATABASE_PATH: join(dir, 'app.db') });
  database = openWorldDatabase(dir);
  const { db } = database;
  const now = Date.UTC(2026, 6, 15, 12);
  await seedDemo(db, config, now);
  const [wheel] = await db.select().from(schema.campaigns).where(eqSlug('lucky-wheel'));
  if (!wheel) throw new Error('no wheel campaign');
  const app = createApp({ db, config, now: () => now } as Parameters<typeof createApp>[0]);
  const auth = `VK ${signVkLaunch({ vk_user_id: DEMO_ADMIN_VK_ID, vk_app_id: config.VK_APP_ID, vk_ts: Math.floor(now / 1000) }, config.VK_APP_SECRET)}`;
  const get = async (m: string) => {
    const res = await app.request(`/api/admin/stats/campaigns/${wheel.id}/${m}`, { headers: { Authorization: auth } });
    expect(res.status, m).toBe(200);
    return res.json();
  };
  const funnel = (await get('funnel')).funnels[0].stages.map((s: { count: number }) => s.count);
  expect(funnel[0]).toBeGreaterThan(100);
  for (let k = 1; k < funnel.length; k++) {
    expect(funnel[k]).toBeGreaterThan(0);
    expect(funnel[k]).toBeLessThan(funnel[k - 1]);
  }
  const sessions = await get('sessions');
  expect(sessions.sessions).toBeGreaterThan(sessions.users);
  expect((await get('drop-off-screens')).screens.length).toBeGreaterThan(1);
  const retention = await get('retention');
  expect(retention.overall.d1.users).toBeGreaterThan(0);
  expect(retention.overall.d1.rate).toBeLessThan(1);
  expect(retention.overall.d7.users).toBeGreaterThan(0);
  expect((await get('errors')).errors).toBeGreaterThan(0);
  expect((await get('activity')).totals.activeUsers).toBeGreaterThan(100);
});

const eqSlug = (slug: string) => eq(schema.campaigns.slug, slug);

it('the demo gives its OK participants no VK launch place, as a real OK launch would not (server/auth/ok-sign.ts)', async () => {
  dir = mkdtempSync(join(tmpdir(), 'seed-history-'));
  database = openWorldDatabase(dir);
  const { db } = database;
  await seedDemo(db, loadConfig({ DATABASE_PATH: join(dir, 'app.db') }), Date.UTC(2026, 6, 15, 12));
  const people = await db
    .select({ platform: schema.participants.platform, source: schema.participants.source })
    .from(schema.participants);
  const ok = people.filter((p) => p.platform === 'ok');
  expect(ok.length).toBeGreaterThan(10);
  expect(ok.filter((p) => p.source !== null)).toEqual([]);
  expect(people.filter((p) => p.platform === 'vk' && p.source === 'group_menu').length).toBeGreaterThan(10);
});
