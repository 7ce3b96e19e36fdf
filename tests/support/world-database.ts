/**
 * The database of one test world, opened synchronously (test worlds are built without `await`): on SQLite a new file
 * in the world's folder; with `TEST_DIALECT=postgres` a new PostgreSQL database copied from the run's migrated
 * template (tests/support/postgres-run.ts). The copy is made in the background and the pool's first connection waits
 * for it, so a world is still one synchronous call and every world has a database of its own. Sessions are read-only
 * outside `inTransaction`, as `openDb` opens them.
 */
import { join } from 'node:path';
import pg from 'pg';
import { closeDatabase, type Db, openDatabase } from '../../server/db/client.ts';
import { PROCESS_DIALECT } from '../../server/db/dialect.ts';
import { postgresOn, READ_ONLY_SESSIONS } from '../../server/db/postgres.ts';
import { createDatabase, dropDatabase, testDatabaseName, testDatabaseUrl } from './postgres.ts';
import { templateName } from './postgres-run.ts';

export interface WorldDatabase {
  db: Db;
  /** `DATABASE_URL` for the world's config (PostgreSQL), or undefined (SQLite at `DATABASE_PATH`). */
  url?: string;
  close(): Promise<void>;
}

export function testsOnPostgres(): boolean {
  return process.env.TEST_DIALECT === 'postgres';
}

export function openWorldDatabase(dir: string): WorldDatabase {
  if (!testsOnPostgres()) {
    const db = openDatabase(join(dir, 'app.db'));
    return { db, close: () => closeDatabase(db) };
  }
  const run = process.env.TEST_PG_RUN;
  if (!run || PROCESS_DIALECT !== 'postgres') {
    throw new Error('TEST_DIALECT=postgres: run through vitest.config.ts, which sets DATABASE_URL and TEST_PG_RUN');
  }
  const name = testDatabaseName('w', run);
  const ready = createDatabase(name, templateName(run));
  // Without a listener a failed copy would be an unhandled rejection before the first query reports it.
  ready.catch(() => undefined);
  const url = testDatabaseUrl(name);
  const pool = new PoolAfter({ connectionString: url, max: 10, options: READ_ONLY_SESSIONS }, ready);
  pool.on('error', () => undefined);
  const db = postgresOn(pool) as unknown as Db;
  return {
    db,
    url,
    close: async () => {
      await ready.catch(() => undefined);
      await pool.end();
      await dropDatabase(name);
    },
  };
}

/** A pool whose connections wait until `ready` (the database being copied) has settled. */
class PoolAfter extends pg.Pool {
  constructor(
    config: pg.PoolConfig,
    private readonly ready: Promise<void>,
  ) {
    super(config);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool's connect has a promise and a callback overload.
  override connect(callback?: any): any {
    const connected = this.ready.then(() => super.connect());
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, client.release.bind(client)),
      (err) => callback(err),
    );
    return undefined;
  }
}
