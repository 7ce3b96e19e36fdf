/**
 * Issue 13, item 4: the server and the bot really run on PostgreSQL. `scripts/start.ts` (what `npm start` runs after
 * the build) starts with only `DATABASE_URL` pointing at an empty database: it migrates it, seeds the demo, and a
 * participant signed like the printed launch URL completes the demo tasks and claims a code from a pool (the
 * `FOR UPDATE SKIP LOCKED` path). Then `npm run bot -- --once` against the same database sends a queued message to
 * the fake VK API and marks it sent.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { npmRunBot, userEnvironment } from '../bot/bot-process.ts';
import { type FakeVkApi, startFakeVkApi } from '../fakes/vk-api.ts';
import { createTestDatabase, type TestDatabase } from '../support/postgres.ts';

const dir = mkdtempSync(join(tmpdir(), 'pg-start-'));
let server: ChildProcess | undefined;
let database: TestDatabase | undefined;
let fake: FakeVkApi | undefined;

afterAll(async () => {
  if (server?.pid && server.exitCode === null) process.kill(-server.pid, 'SIGKILL');
  await fake?.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function sql<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Starts scripts/start.ts as `npm start` does after the build, and waits for the printed participant launch URL. */
async function startServer(url: string): Promise<{ launch: string; output: () => string }> {
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: userEnvironment({
      DATABASE_URL: url,
      DATABASE_PATH: join(dir, 'data', 'app.db'),
      PORT: '0', // the system's pick as it listens: none taken in between
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  server.stdout?.on('data', (d) => {
    out += d;
  });
  server.stderr?.on('data', (d) => {
    out += d;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const launch = out.match(/Participant launch URL:\s*\n\s*(http\S+)/)?.[1];
    if (launch) return { launch, output: () => out };
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}:\n${out}`);
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('PostgreSQL: the processes', () => {
  it('item 4: scripts/start.ts serves a verified claim on PostgreSQL, and the bot sends from the same database', {
    timeout: 120_000,
  }, async () => {
    database = await createTestDatabase('start');
    const started = await startServer(database.url);
    const port = new URL(started.launch).port;
    expect(started.output()).toContain('Demo agency, brand, community and campaigns created.');
    expect(started.output()).not.toContain(join(dir, 'data', 'app.db'));

    const auth = `VK ${new URL(started.launch).search.slice(1)}`;
    const [campaign] = await sql<{ id: number }>(database.url, "SELECT id FROM campaigns WHERE slug = 'summer-tasks'");
    const call = async (path: string, body: unknown = {}) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/campaigns/${campaign?.id}${path}`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    expect((await call('/open')).status).toBe(200);
    for (const task of ['join', 'messages']) expect((await call(`/tasks/${task}/complete`)).status).toBe(200);
    expect((await call('/tasks/pack-code/complete', { code: 'PACK-0007' })).status).toBe(200);
    expect((await call('/tasks/site/start')).status).toBe(200);
    expect((await call('/tasks/site/complete', { result: 'done' })).status).toBe(200);
    const claim = await call('/rewards/discount15/claim');
    expect(claim.status).toBe(200);
    const code = (claim.json.grant as { code: string }).code;
    expect(code).toMatch(/^PROMO15-\d{4}$/);
    // A forged launch is refused before anything is written.
    const forged = await fetch(`http://127.0.0.1:${port}/api/campaigns/${campaign?.id}/rewards/stickers/claim`, {
      method: 'POST',
      headers: { Authorization: auth.replace(/sign=[^&]+/, 'sign=forged') },
    });
    expect(forged.status).toBe(401);
    const [taken] = await sql<{ participant_id: number | null; used_at: number | null }>(
      database.url,
      'SELECT participant_id, used_at FROM promo_pool_codes WHERE code = $1',
      [code],
    );
    expect(taken?.participant_id).toBeGreaterThan(0);

    // The bot process, on the same database: a queued reply goes out through the fake VK API and is marked sent.
    fake = await startFakeVkApi();
    fake.allowMessages(1, 7001);
    const now = Date.now();
    await sql(
      database.url,
      `INSERT INTO outbox (dedupe_key, kind, vk_group_id, vk_user_id, channel, text, content_key, random_id,
                           next_attempt_at, created_at, updated_at)
       VALUES ('pg-start-1', 'reply', 1, 7001, 'message', 'Привет с PostgreSQL', 'k1', 12345, $1, $1, $1)`,
      [now],
    );
    const bot = npmRunBot(
      {
        DATABASE_URL: database.url,
        DATABASE_PATH: join(dir, 'data', 'app.db'),
        NODE_ENV: 'development',
        VK_GROUP_ID: '1',
        VK_GROUP_TOKEN: 'group:1',
        VK_API_BASE_URL: fake.url,
      },
      ['--once', '--no-rules', '--quiet'],
    );
    expect(await bot.exited, bot.output()).toBe(0);
    expect(fake.delivered.map((d) => [d.peerId, d.text])).toEqual([[7001, 'Привет с PostgreSQL']]);
    const [row] = await sql<{ status: string }>(
      database.url,
      "SELECT status FROM outbox WHERE dedupe_key = 'pg-start-1'",
    );
    expect(row?.status).toBe('sent');
  });
});
