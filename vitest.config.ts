/**
 * Unit, integration and load tests (Node). Browser tests have their own config in tests/browser/.
 * `TEST_DIALECT=postgres` runs them on PostgreSQL (`TEST_DATABASE_URL`, default the local cluster): every process
 * gets a `DATABASE_URL`, so the domain takes the PostgreSQL tables (server/db/dialect.ts), and every test world its
 * own database copied from a template migrated once per run (tests/support/postgres-run.ts).
 */
import { defineConfig } from 'vitest/config';

const onPostgres = process.env.TEST_DIALECT === 'postgres';
const adminUrl = new URL(process.env.TEST_DATABASE_URL || 'postgres://app:app@127.0.0.1:5432/postgres');
// Named after the CI run's database when there is one, so .ci/run's clean-up finds what a crashed run left.
const runDb = adminUrl.pathname.slice(1);
if (onPostgres) process.env.TEST_PG_RUN ??= `${/^app_ci_\d+$/.test(runDb) ? runDb : 'app_test'}_r${process.pid}`;
const sharedUrl = new URL(adminUrl);
sharedUrl.pathname = `/${process.env.TEST_PG_RUN}_shared`;
const postgres = onPostgres
  ? {
      env: { TEST_DIALECT: 'postgres', TEST_PG_RUN: process.env.TEST_PG_RUN ?? '', DATABASE_URL: sharedUrl.toString() },
      globalSetup: ['tests/support/postgres-run.ts'],
      // SQLite's own machinery (the writing connection's queue, the WAL checkpointer, statements prepared once per
      // SQLite connection): nothing to run on PostgreSQL.
      exclude: [
        'tests/browser/**',
        'tests/package/**',
        'node_modules/**',
        'server/db/transactions.test.ts',
        'server/db/checkpointer.test.ts',
        'server/db/prepared.test.ts',
      ],
    }
  : {};

export default defineConfig({
  test: {
    include: ['{server,bot,scripts,miniapp,tests}/**/*.test.{ts,tsx}'],
    exclude: ['tests/browser/**', 'tests/package/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    ...postgres,
  },
});
