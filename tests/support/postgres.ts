/**
 * Throwaway PostgreSQL databases for tests. `TEST_DATABASE_URL` names a server and a database to connect to for
 * CREATE/DROP DATABASE (`.ci/run` exports one made for the run; the default is the local cluster with the `app` role),
 * and each call creates a fresh, uniquely named database beside it and returns its URL.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://app:app@127.0.0.1:5432/postgres';

export interface TestDatabase {
  /** Connection string of the new, empty database. */
  url: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/**
 * A database name for a test: after the CI run's own database when there is one (so .ci/run can drop what a crashed
 * test file left behind without touching anyone else's), else after `prefix`; at most 63 characters, PostgreSQL's
 * limit (a longer name would be cut silently).
 */
export function testDatabaseName(label: string, prefix?: string): string {
  const runDb = new URL(adminDatabaseUrl()).pathname.slice(1);
  const base = prefix ?? (/^app_ci_\d+$/.test(runDb) ? runDb : 'app_test');
  return `${base}_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`
    .toLowerCase()
    .slice(0, 63);
}

/** The URL of database `name` on the test server. */
export function testDatabaseUrl(name: string): string {
  const url = new URL(adminDatabaseUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Creates an empty database named after the test and a random suffix (or a copy of `template`).
 * @example const testDb = await createTestDatabase('postgres'); afterAll(() => testDb.drop());
 */
export async function createTestDatabase(label = 'test', options: { template?: string } = {}): Promise<TestDatabase> {
  const name = testDatabaseName(label);
  await createDatabase(name, options.template);
  return { url: testDatabaseUrl(name), drop: () => dropDatabase(name) };
}

export async function createDatabase(name: string, template?: string): Promise<void> {
  await withAdmin((admin) => admin.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** Names of the databases starting with `prefix` (to drop what a run left). */
export async function databasesNamed(prefix: string): Promise<string[]> {
  const result = await withAdmin((admin) =>
    admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]),
  );
  return result.rows.map((r) => r.datname);
}

async function withAdmin<T>(run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}
