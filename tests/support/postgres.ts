/**
 * A throwaway PostgreSQL database per test file. `TEST_DATABASE_URL` names a server and a database to connect to for
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

/**
 * Creates an empty database named after the test and a random suffix.
 * @example const testDb = await createTestDatabase('postgres'); afterAll(() => testDb.drop());
 */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  const url = new URL(adminUrl);
  // Named after the CI run's own database when there is one, so .ci/run can drop what a crashed test file left behind
  // without touching anyone else's; at most 63 characters, PostgreSQL's limit (a longer name would be cut silently).
  const runDb = url.pathname.slice(1);
  const prefix = /^app_ci_\d+$/.test(runDb) ? runDb : 'app_test';
  const name = `${prefix}_${label.replace(/\W/g, '_').slice(0, 20)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}"`));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, run: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}
