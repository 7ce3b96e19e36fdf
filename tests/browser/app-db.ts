/**
 * The running test server's SQLite file, opened for a test's own setup and checks (rows a screen should show, rows a
 * click should write). One home, so every browser test waits out the server's writes the same way.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StartedServer } from '../support/start-server.ts';

/**
 * Runs `fn` on the server's SQLite file (waiting up to 5 s for the server's own writes), closing it after.
 * @example const n = withAppDb(server, (db) => db.prepare('SELECT count(*) AS n FROM leads').get());
 */
export function withAppDb<R>(server: StartedServer, fn: (db: Database.Database) => R): R {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    return fn(db);
  } finally {
    db.close();
  }
}
