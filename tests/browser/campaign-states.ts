/**
 * Puts the demo campaigns of a running test server into the states a participant must also see (sold out,
 * paused, not started, ended) by writing its SQLite file directly: the brand office has no such switches yet.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { StartedServer } from '../support/start-server.ts';

const DAY = 86_400_000;

function withDb(server: StartedServer, run: (db: Database.Database) => void): void {
  const db = new Database(join(server.dataDir, 'app.db'));
  try {
    db.pragma('busy_timeout = 5000');
    run(db);
  } finally {
    db.close();
  }
}

/** Every code of the campaign's reward pool `poolKey` is given out. */
export function sellOut(server: StartedServer, slug: string, poolKey: string): void {
  withDb(server, (db) =>
    db
      .prepare(
        `UPDATE promo_pool_codes SET used_at = ? WHERE used_at IS NULL AND pool_id IN (
           SELECT p.id FROM promo_code_pools p JOIN campaigns c ON c.id = p.campaign_id WHERE c.slug = ? AND p.key = ?)`,
      )
      .run(Date.now(), slug, poolKey),
  );
}

export function setPhase(server: StartedServer, slug: string, phase: 'paused' | 'not_started' | 'ended'): void {
  withDb(server, (db) => {
    if (phase === 'not_started') {
      db.prepare('UPDATE campaigns SET starts_at = ? WHERE slug = ?').run(Date.now() + 2 * DAY, slug);
    } else {
      db.prepare('UPDATE campaigns SET status = ? WHERE slug = ?').run(phase, slug);
    }
  });
}

/** The campaign's end date is a day ago (its start two days before that, if it was later). */
export function endDatePassed(server: StartedServer, slug: string): void {
  withDb(server, (db) => {
    const now = Date.now();
    db.prepare('UPDATE campaigns SET starts_at = MIN(starts_at, ?), ends_at = ? WHERE slug = ?').run(
      now - 3 * DAY,
      now - DAY,
      slug,
    );
  });
}
