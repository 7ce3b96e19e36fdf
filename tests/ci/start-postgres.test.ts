/**
 * Issue 13, item 5: the PostgreSQL part of `.ci/run` (`.ci/start-postgres.sh`, sourced) leaves a running cluster, the
 * `app` role and an empty database of its own in TEST_DATABASE_URL, and drops that database and the per-test-file
 * databases made beside it when the shell exits. It starts the machine's cluster, so it needs root (as CI has);
 * elsewhere it is skipped.
 */
import { execFileSync } from 'node:child_process';
import pg from 'pg';
import { describe, expect, it } from 'vitest';

const isRoot = process.getuid?.() === 0;

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('.ci/start-postgres.sh', () => {
  it.skipIf(!isRoot)(
    'item 5: exports a reachable TEST_DATABASE_URL and drops its databases on exit',
    {
      timeout: 60_000,
    },
    async () => {
      // Inside the sourced shell: leave a per-file database behind as a crashed test file would, print the URL, connect.
      const script = `set -euo pipefail
      source .ci/start-postgres.sh >/dev/null
      psql "$TEST_DATABASE_URL" -qc "create database \\"\${PG_RUN_DB}_left_behind\\""
      echo "$TEST_DATABASE_URL"
      psql "$TEST_DATABASE_URL" -qAtc "select current_database() || ' ' || current_user"`;
      const [url = '', connectedAs] = execFileSync('bash', ['-c', script], {
        encoding: 'utf8',
        env: { ...process.env, PGPASSWORD: 'app', TEST_DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
        .trim()
        .split('\n');
      const parsed = new URL(url);
      const runDb = parsed.pathname.slice(1);
      expect(runDb).toMatch(/^app_ci_\d+$/);
      expect(connectedAs).toBe(`${runDb} app`);
      parsed.pathname = '/postgres';
      const adminUrl = parsed.toString();
      expect(await databaseExists(adminUrl, 'postgres')).toBe(true);
      expect(await databaseExists(adminUrl, runDb)).toBe(false);
      expect(await databaseExists(adminUrl, `${runDb}_left_behind`)).toBe(false);
    },
  );
});
