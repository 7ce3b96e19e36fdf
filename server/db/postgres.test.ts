/**
 * openPostgres on a real PostgreSQL (a throwaway database from tests/support/postgres.ts): migrations applied by several
 * processes starting at once, and rows written through the pg schema read back as the same JS values as the same rows
 * written through the SQLite schema. The SQLite side opens its own temp file with plain better-sqlite3, not client.ts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { asc, is, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzleSqlite } from 'drizzle-orm/better-sqlite3';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { PgTable } from 'drizzle-orm/pg-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../tests/support/postgres.ts';
import type { Db } from './client.ts';
import { openPostgres, PG_MIGRATIONS_FOLDER, type PostgresDatabase, syncIdentitySequences } from './postgres.ts';
import * as sqliteSchema from './schema/index.ts';
import * as pgSchema from './schema-pg/index.ts';
import { inTransaction } from './transactions.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** Migrations the folder holds: each is recorded once however many processes start together. */
const PG_MIGRATIONS = (
  JSON.parse(readFileSync(join(PG_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length;
const SQLITE_MIGRATIONS = join(HERE, 'migrations');
const T = 1_764_460_000_123;
/** Over 2^31: a VK id or time that a 32-bit column would refuse or wrap. */
const BIG_GROUP = 2_200_000_001;
const BIG_USER = 3_000_000_000;

/** One row per table, parents first, covering times, booleans, JSON (nested, Cyrillic), enums, nulls and defaults. */
const ROWS = [
  ['agencies', { id: 1, name: 'Агентство', createdAt: T }],
  ['brands', { id: 1, agencyId: 1, name: 'Brand', createdAt: T }],
  ['apps', { id: 1, brandId: 1, name: 'App', vkAppId: 51_234_567, createdAt: T }],
  ['communities', { id: 1, brandId: 1, vkGroupId: BIG_GROUP, name: 'Club', createdAt: T }],
  [
    'campaigns',
    {
      id: 1,
      brandId: 1,
      appId: 1,
      communityId: 1,
      slug: 'spring',
      title: 'Весна',
      mechanic: 'wheel',
      startsAt: T,
      endsAt: T + 30 * 86_400_000,
      theme: { accent: '#ff0000' },
      settings: { nested: { list: [1, 2.5, null, 'три'] }, flag: true },
      stages: ['opened', 'spun'],
      createdAt: T,
      updatedAt: T + 1,
    },
  ],
  [
    'participants',
    {
      id: 1,
      campaignId: 1,
      platform: 'vk',
      platformUserId: '12345',
      stageReachedAt: T,
      referralCode: 'R1',
      createdAt: T,
      lastSeenAt: T,
    },
  ],
  [
    'messageRules',
    {
      id: 1,
      campaignId: 1,
      name: 'nudge',
      stage: 'opened',
      notStage: 'spun',
      minHours: 2,
      variants: [{ key: 'a', text: 'Привет', fragment: '#/campaign/1' }],
      active: false,
      createdAt: T,
    },
  ],
  [
    'rewards',
    {
      id: 1,
      campaignId: 1,
      key: 'cup',
      title: 'Cup',
      requiresServerVerified: true,
      weight: 5,
      unlock: { wheel: true },
      createdAt: T,
    },
  ],
  [
    'consents',
    {
      id: 1,
      vkGroupId: BIG_GROUP,
      vkUserId: BIG_USER,
      channel: 'message',
      allowed: true,
      source: 'message_allow',
      updatedAt: T,
    },
  ],
  [
    'outbox',
    {
      id: 1,
      dedupeKey: 'broadcast:1:3000000000',
      kind: 'broadcast',
      vkGroupId: BIG_GROUP,
      vkUserId: BIG_USER,
      channel: 'message',
      text: 'hi',
      contentKey: 'c1',
      randomId: 2_147_483_000,
      nextAttemptAt: T,
      createdAt: T,
      updatedAt: T,
    },
  ],
  [
    'callbackEvents',
    {
      eventId: 'e1',
      vkGroupId: BIG_GROUP,
      type: 'message_new',
      receivedAt: T,
      status: 'received',
      payload: { object: { text: 'x' } },
    },
  ],
] as const;

type TableName = (typeof ROWS)[number][0];
const sqliteTables: Record<string, unknown> = { ...sqliteSchema };
const pgTables: Record<string, unknown> = { ...pgSchema };

let testDb: TestDatabase;
let postgres: PostgresDatabase;
let sqliteDir: string;
let sqlite: Database.Database;
const sqliteDb = () => drizzleSqlite(sqlite, { schema: sqliteSchema });

beforeAll(async () => {
  testDb = await createTestDatabase('postgres_test');
  sqliteDir = mkdtempSync(join(tmpdir(), 'pg-vs-sqlite-'));
  sqlite = new Database(join(sqliteDir, 'app.db'));
  sqlite.pragma('foreign_keys = ON');
  migrateSqlite(drizzleSqlite(sqlite), { migrationsFolder: SQLITE_MIGRATIONS });
});

afterAll(async () => {
  await postgres?.close();
  await testDb?.drop();
  sqlite?.close();
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
});

describe('openPostgres', () => {
  it('item 4: applies the migrations once when several pools open it together', async () => {
    const opened = await Promise.all([openPostgres(testDb.url), openPostgres(testDb.url), openPostgres(testDb.url)]);
    const [first, ...others] = opened;
    postgres = first as PostgresDatabase;
    await Promise.all(others.map((o) => o.close()));
    const applied = await postgres.pool.query('SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
    expect(applied.rows[0].n).toBe(PG_MIGRATIONS);
    const tables = await postgres.pool.query(
      `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    expect(tables.rows[0].n).toBe(Object.values(pgSchema).filter((v) => is(v, PgTable)).length);
    // And a later start finds nothing to do.
    const again = await openPostgres(testDb.url);
    await again.close();
    expect((await postgres.pool.query('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).rows[0].n).toBe(
      PG_MIGRATIONS,
    );
  });

  it('item 4: separate OS processes starting together migrate one fresh database once', {
    timeout: 60_000,
  }, async () => {
    const fresh = await createTestDatabase('postgres_processes');
    try {
      const opener = `import { openPostgres } from ${JSON.stringify(join(HERE, 'postgres.ts'))};
        const { close } = await openPostgres(process.argv[1]); await close();`;
      const exits = await Promise.all(
        [1, 2].map(
          () =>
            new Promise<{ code: number | null; stderr: string }>((resolve) => {
              const child = spawn(process.execPath, [
                '--import',
                'tsx',
                '--input-type=module',
                '-e',
                opener,
                fresh.url,
              ]);
              let stderr = '';
              child.stderr.on('data', (chunk) => {
                stderr += chunk;
              });
              child.on('exit', (code) => resolve({ code, stderr }));
            }),
        ),
      );
      expect(exits).toEqual([1, 2].map(() => ({ code: 0, stderr: '' })));
      const { pool, close } = await openPostgres(fresh.url);
      expect((await pool.query('SELECT count(*) AS n FROM drizzle.__drizzle_migrations')).rows[0].n).toBe(
        PG_MIGRATIONS,
      );
      await close();
    } finally {
      await fresh.drop();
    }
  });

  it('item 4: rows read back as the same JS values as on SQLite (times, booleans, JSON, 64-bit ids, defaults)', async () => {
    const sqliteRead: Record<string, unknown[]> = {};
    const pgRead: Record<string, unknown[]> = {};
    for (const [name, row] of ROWS) {
      await sqliteDb()
        .insert(sqliteTables[name] as SQLiteTable)
        .values(row as never);
      await postgres.db.insert(pgTables[name] as PgTable).values(row as never);
    }
    for (const [name] of ROWS) {
      sqliteRead[name] = await sqliteDb()
        .select()
        .from(sqliteTables[name] as SQLiteTable);
      pgRead[name] = await postgres.db.select().from(pgTables[name] as PgTable);
    }
    expect(pgRead).toEqual(sqliteRead);
    for (const [name, row] of ROWS) expect(pgRead[name as TableName]?.[0]).toMatchObject(row);
    expect(pgRead.campaigns?.[0]).toMatchObject({ translations: {}, status: 'draft', legalType: 'instant_win' });
    expect(pgRead.outbox?.[0]).toMatchObject({ extras: {}, status: 'queued', attempts: 0, claimedAt: null });
  });

  it('item 4: counts and the created-at default are numbers on both', async () => {
    const before = Date.now();
    await sqliteDb().insert(sqliteSchema.agencies).values({ id: 2, name: 'Second' });
    await postgres.db.insert(pgSchema.agencies).values({ id: 2, name: 'Second' });
    const after = Date.now();
    const count = sql<number>`count(*)`;
    const [sqliteCount] = await sqliteDb().select({ n: count }).from(sqliteSchema.agencies);
    const [pgCount] = await postgres.db.select({ n: count }).from(pgSchema.agencies);
    expect(pgCount).toEqual(sqliteCount);
    expect(pgCount).toEqual({ n: 2 });
    const sqliteRow = (await sqliteDb().select().from(sqliteSchema.agencies).orderBy(asc(sqliteSchema.agencies.id)))[1];
    const pgRow = (await postgres.db.select().from(pgSchema.agencies).orderBy(asc(pgSchema.agencies.id)))[1];
    for (const createdAt of [sqliteRow?.createdAt, pgRow?.createdAt]) {
      expect(typeof createdAt).toBe('number');
      expect(createdAt).toBeGreaterThanOrEqual(before - 1);
      expect(createdAt).toBeLessThanOrEqual(after + 1);
    }
  });

  it('item 4: syncIdentitySequences moves ids past rows inserted with explicit ids', async () => {
    // agencies has ids 1 and 2 written explicitly above: the sequence has not moved, so its next id collides.
    await expect(postgres.db.insert(pgSchema.agencies).values({ name: 'Collides' })).rejects.toThrow();
    await syncIdentitySequences(postgres.db);
    const [row] = await postgres.db.insert(pgSchema.agencies).values({ name: 'Third' }).returning();
    expect(row?.id).toBe(3);
  });

  it('a connection the server ends inside a transaction fails that transaction, not the process; the pool goes on', async () => {
    // Between two statements the client is checked out, and pg-pool no longer listens to it: its 'error' event, with
    // no listener, was thrown as an uncaught exception that ended every API and bot process (found from outside).
    const admin = new pg.Client({ connectionString: testDb.url });
    await admin.connect();
    try {
      const work = inTransaction(postgres.db as unknown as Db, async (tx) => {
        const run = tx as unknown as { execute(q: SQL): Promise<{ rows: Array<{ pid?: number }> }> };
        const pid = (await run.execute(sql`select pg_backend_pid() as pid`)).rows[0]?.pid;
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await run.execute(sql`select 1`);
      });
      await expect(work).rejects.toThrow();
      expect((await postgres.pool.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      await admin.end();
    }
  });
});
