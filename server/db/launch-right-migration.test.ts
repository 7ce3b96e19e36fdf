/**
 * Decision 116: `launch` became a section of its own, and nobody loses what they could do. The migration (SQLite 0031,
 * PostgreSQL 0024) gives `launch`, right after `campaigns`, to every membership and every invitation not yet used or
 * revoked that lists `campaigns`; every other row keeps its list as it was. Run on a database migrated up to the
 * migration before, holding rows of several kinds, then migrated to the end.
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

const scratch = mkdtempSync(join(tmpdir(), 'launch-right-migration-'));
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of `folder` whose journal ends before the migration whose tag starts with `prefix`. */
function folderBefore(folder: string, prefix: string): string {
  const before = mkdtempSync(join(scratch, 'before-'));
  cpSync(folder, before, { recursive: true });
  const path = join(before, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: Array<{ tag: string }> };
  const at = journal.entries.findIndex((e) => e.tag.startsWith(prefix));
  expect(at, prefix).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, at);
  writeFileSync(path, JSON.stringify(journal));
  return before;
}

const SEED = [
  `insert into agencies (id, name) values (1, 'A')`,
  `insert into brands (id, agency_id, name) values (1, 1, 'B')`,
];
type Case = { key: string; role: string; sections: string[]; expected: string[] };
const MEMBERS: Case[] = [
  { key: 'm-campaigns', role: 'brand_member', sections: ['campaigns'], expected: ['campaigns', 'launch'] },
  {
    key: 'm-all',
    role: 'brand_admin',
    sections: ['campaigns', 'prizes', 'mailings', 'stats', 'support', 'team', 'leads'],
    expected: ['campaigns', 'launch', 'prizes', 'mailings', 'stats', 'support', 'team', 'leads'],
  },
  { key: 'm-late', role: 'brand_member', sections: ['stats', 'campaigns'], expected: ['stats', 'campaigns', 'launch'] },
  { key: 'm-prizes', role: 'brand_member', sections: ['prizes', 'stats'], expected: ['prizes', 'stats'] },
  { key: 'm-none', role: 'brand_member', sections: [], expected: [] },
  { key: 'm-owner', role: 'agency_admin', sections: [], expected: [] },
];
type InviteCase = Case & { state: 'pending' | 'used' | 'revoked' };
const INVITES: InviteCase[] = [
  {
    key: 'i-pending',
    role: 'brand_member',
    sections: ['campaigns', 'stats'],
    state: 'pending',
    expected: ['campaigns', 'launch', 'stats'],
  },
  { key: 'i-other', role: 'brand_member', sections: ['mailings'], state: 'pending', expected: ['mailings'] },
  { key: 'i-used', role: 'brand_member', sections: ['campaigns'], state: 'used', expected: ['campaigns'] },
  { key: 'i-revoked', role: 'brand_member', sections: ['campaigns'], state: 'revoked', expected: ['campaigns'] },
];
const memberSql = (m: Case, i: number) =>
  `insert into memberships (platform, platform_user_id, agency_id, brand_id, role, sections)
   values ('vk', '${m.key}', 1, ${m.role === 'agency_admin' ? 'null' : 1}, '${m.role}', '${JSON.stringify(m.sections)}')`.replace(
    /'vk', '/,
    `'vk', '${i}-`,
  );
const inviteSql = (v: InviteCase) =>
  `insert into invitations (token_hash, agency_id, brand_id, role, sections, platform, expires_at, created_by_platform,
     created_by_user_id, used_at, revoked_at)
   values ('${v.key}', 1, 1, '${v.role}', '${JSON.stringify(v.sections)}', 'vk', 9999999999999, 'vk', '1',
     ${v.state === 'used' ? 1 : 'null'}, ${v.state === 'revoked' ? 1 : 'null'})`;

type Found = { members: Array<{ key: string; sections: unknown }>; invites: Array<{ key: string; sections: unknown }> };
const MEMBERS_READ = `select platform_user_id as key, sections from memberships order by id`;
const INVITES_READ = `select token_hash as key, sections from invitations order by id`;
const asList = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);

it('gives launch to exactly the members and pending invitations with campaigns', { timeout: 60_000 }, async () => {
  let found: Found;
  if (PROCESS_DIALECT === 'postgres') {
    const testDb = await createTestDatabase('launch_right');
    const pool = new pg.Pool({ connectionString: testDb.url, max: 1 });
    cleanups.push(async () => {
      await pool.end();
      await testDb.drop();
    });
    await pgMigrate(pgDrizzle(pool), { migrationsFolder: folderBefore(PG_MIGRATIONS_FOLDER, '0024_') });
    for (const s of SEED) await pool.query(s);
    for (const [i, m] of MEMBERS.entries()) await pool.query(memberSql(m, i));
    for (const v of INVITES) await pool.query(inviteSql(v));
    await pgMigrate(pgDrizzle(pool), { migrationsFolder: PG_MIGRATIONS_FOLDER });
    found = { members: (await pool.query(MEMBERS_READ)).rows, invites: (await pool.query(INVITES_READ)).rows };
  } else {
    const sqlite = new Database(join(scratch, 'app.db'));
    cleanups.push(() => {
      sqlite.close();
    });
    sqliteMigrate(sqliteDrizzle(sqlite), { migrationsFolder: folderBefore(MIGRATIONS_FOLDER, '0031_') });
    for (const s of SEED) sqlite.exec(s);
    for (const [i, m] of MEMBERS.entries()) sqlite.exec(memberSql(m, i));
    for (const v of INVITES) sqlite.exec(inviteSql(v));
    sqliteMigrate(sqliteDrizzle(sqlite), { migrationsFolder: MIGRATIONS_FOLDER });
    found = {
      members: sqlite.prepare(MEMBERS_READ).all() as Found['members'],
      invites: sqlite.prepare(INVITES_READ).all() as Found['invites'],
    };
  }
  expect(found.members.map((m) => [m.key.replace(/^\d+-/, ''), asList(m.sections)])).toEqual(
    MEMBERS.map((m) => [m.key, m.expected]),
  );
  expect(found.invites.map((v) => [v.key, asList(v.sections)])).toEqual(INVITES.map((v) => [v.key, v.expected]));
});
