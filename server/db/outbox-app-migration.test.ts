/**
 * Decision 093: notifications queued before `outbox.vk_app_id` existed are found by their app's sender run after the
 * upgrade. The migration (SQLite 0030, PostgreSQL 0023) writes each waiting notification's app (its campaign's app's
 * VK id, as outbox-app.ts writes a new one); a row of no campaign, of an app with no VK id, or a community message
 * keeps none. Run on a database migrated up to the migration before, holding such rows, then migrated to the end.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle as sqliteDrizzle } from 'drizzle-orm/better-sqlite3';
import { migrate as sqliteMigrate } from 'drizzle-orm/better-sqlite3/migrator';
import { drizzle as pgDrizzle } from 'drizzle-orm/node-postgres';
import { migrate as pgMigrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, afterEach, expect, it } from 'vitest';
import { createTestDatabase } from '../../tests/support/postgres.ts';
import { MIGRATIONS_FOLDER } from './client.ts';
import { PROCESS_DIALECT } from './dialect.ts';
import { PG_MIGRATIONS_FOLDER } from './postgres.ts';

const scratch = mkdtempSync(join(tmpdir(), 'outbox-app-migration-'));
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of `folder` whose journal ends before the migration whose tag starts with `prefix`; and `folder` itself. */
function foldersUpTo(folder: string, prefix: string): { before: string; all: string } {
  const before = mkdtempSync(join(scratch, 'before-'));
  cpSync(folder, before, { recursive: true });
  const path = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag.startsWith(prefix));
  expect(at, prefix).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(path, JSON.stringify(journal));
  return { before, all: folder };
}

/** Apps 61000001 and one of no VK id, a campaign of each, and the rows the upgrade must sort out. */
const SEED = [
  `insert into agencies (id, name) values (1, 'A')`,
  `insert into brands (id, agency_id, name) values (1, 1, 'B')`,
  `insert into apps (id, brand_id, name, vk_app_id) values (1, 1, 'own', 61000001), (2, 1, 'none', null)`,
  `insert into communities (id, brand_id, vk_group_id, name) values (1, 1, 500, 'C')`,
  `insert into campaigns (id, brand_id, app_id, community_id, slug, title, mechanic, starts_at, ends_at)
     values (1, 1, 1, 1, 'own', 'K', 'tasks', 0, 1), (2, 1, 2, 1, 'none', 'K', 'tasks', 0, 1)`,
];
const ROWS: Array<{ key: string; campaign: number | null; channel: string; status: string; expected: number | null }> =
  [
    { key: 'own-queued', campaign: 1, channel: 'notification', status: 'queued', expected: 61000001 },
    { key: 'own-sending', campaign: 1, channel: 'notification', status: 'sending', expected: 61000001 },
    { key: 'no-vk-id', campaign: 2, channel: 'notification', status: 'queued', expected: null },
    { key: 'no-campaign', campaign: null, channel: 'notification', status: 'queued', expected: null },
    { key: 'message', campaign: 1, channel: 'message', status: 'queued', expected: null },
  ];
const rowSql = (r: (typeof ROWS)[number], i: number) =>
  `insert into outbox (dedupe_key, kind, campaign_id, vk_group_id, vk_user_id, channel, text, content_key, random_id,
     status, next_attempt_at, created_at, updated_at)
   values ('${r.key}', 'broadcast', ${r.campaign ?? 'null'}, 500, ${i + 1}, '${r.channel}', 't', 'k', ${i + 1},
     '${r.status}', 0, 0, 0)`;

it('writes each waiting notification’s app on the rows queued before the upgrade', { timeout: 60_000 }, async () => {
  let found: Array<{ dedupe_key: string; vk_app_id: number | string | null }>;
  if (PROCESS_DIALECT === 'postgres') {
    const testDb = await createTestDatabase('outbox_app');
    const pool = new pg.Pool({ connectionString: testDb.url, max: 1 });
    cleanups.push(async () => {
      await pool.end();
      await testDb.drop();
    });
    const { before, all } = foldersUpTo(PG_MIGRATIONS_FOLDER, '0023_');
    await pgMigrate(pgDrizzle(pool), { migrationsFolder: before });
    for (const s of SEED) await pool.query(s);
    for (const [i, r] of ROWS.entries()) await pool.query(rowSql(r, i));
    await pgMigrate(pgDrizzle(pool), { migrationsFolder: all });
    found = (await pool.query('select dedupe_key, vk_app_id from outbox order by id')).rows;
  } else {
    const sqlite = new Database(join(scratch, 'app.db'));
    cleanups.push(() => {
      sqlite.close();
    });
    const { before, all } = foldersUpTo(MIGRATIONS_FOLDER, '0030_');
    sqliteMigrate(sqliteDrizzle(sqlite), { migrationsFolder: before });
    for (const s of SEED) sqlite.exec(s);
    for (const [i, r] of ROWS.entries()) sqlite.exec(rowSql(r, i));
    sqliteMigrate(sqliteDrizzle(sqlite), { migrationsFolder: all });
    found = sqlite.prepare('select dedupe_key, vk_app_id from outbox order by id').all() as typeof found;
  }
  expect(found.map((r) => [r.dedupe_key, r.vk_app_id === null ? null : Number(r.vk_app_id)])).toEqual(
    ROWS.map((r) => [r.key, r.expected]),
  );
});
