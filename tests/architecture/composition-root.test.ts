/**
 * Issue 13: the server reaches the bot only through `deps.updates` (server/vk/community-updates.ts), and the entry
 * `npm start` runs (scripts/start.ts) is the composition root that puts it there (docs/decisions/019-composition-root.md).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { botFor } from '../../bot/bot.ts';
import { createApp } from '../../server/app.ts';
import { closeDatabase, openDatabase, schema } from '../../server/db/client.ts';
import { startServerScript } from '../support/start-server.ts';
import { createTestWorld } from '../support/test-deps.ts';

const SECRET = 'composition-secret';
const update = (eventId: string) => ({
  type: 'wall_reply_new',
  group_id: 7,
  event_id: eventId,
  secret: SECRET,
  object: { id: 1, from_id: 5, text: 'hi' },
});
const post = (body: object) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

const root = mkdtempSync(join(tmpdir(), 'composition-'));
let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('composition root', () => {
  it('item 13: without an update handler in deps the callback route answers 503 (VK retries) and journals nothing', async () => {
    const world = createTestWorld({ VK_CALLBACK_SECRET: SECRET });
    const app = createApp(world.deps);
    const res = await app.request('/vk/callback', post(update('no-handler')));
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('updates_unavailable');
    expect(await world.deps.db.select().from(schema.callbackEvents)).toEqual([]);

    // The same app shape with the bot wired in, as scripts/start.ts does: journaled and handled.
    const deps = { ...world.deps };
    const app2 = createApp(Object.assign(deps, { updates: botFor(deps) }));
    const ok = await app2.request('/vk/callback', post(update('wired')));
    expect(await ok.text()).toBe('ok');
    await botFor(deps).idle();
    const [row] = await deps.db.select().from(schema.callbackEvents).where(eq(schema.callbackEvents.eventId, 'wired'));
    expect(row?.status).toBe('handled');
  });

  it('item 13: `npm start` runs scripts/start.ts, whose process receives and handles community updates', {
    timeout: 60_000,
  }, async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    // The VK build and the web entry's (decision 041), then the entry.
    expect(pkg.scripts.start).toBe('npm run build && vite build --mode web --logLevel warn && tsx scripts/start.ts');
    const databasePath = join(root, 'app.db');
    const server = await startServerScript({ DATABASE_PATH: databasePath, VK_CALLBACK_SECRET: SECRET });
    child = server.child;
    const port = server.port;
    const res = await fetch(`http://127.0.0.1:${port}/vk/callback`, post(update('from-vk')));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
    const db = openDatabase(databasePath);
    try {
      let status: string | undefined;
      for (let i = 0; i < 100 && status !== 'handled'; i++) {
        const [row] = await db.select().from(schema.callbackEvents).where(eq(schema.callbackEvents.eventId, 'from-vk'));
        status = row?.status;
        if (status !== 'handled') await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe('handled');
    } finally {
      closeDatabase(db);
    }
  });
});
