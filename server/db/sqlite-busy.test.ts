/**
 * Another writer holding SQLite's lock past the busy timeout (a backup tool, a second process, a long migration) is
 * the database unavailable for a moment, as a PostgreSQL restart is: 503 with Retry-After, not a 500 "internal".
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { testsOnPostgres } from '../../tests/support/world-database.ts';
import { createOfficeWorld, EDITOR, type OfficeWorld } from '../office/campaigns/office-campaign.test-world.ts';
import { writerOf } from './transactions.ts';

let w: OfficeWorld | undefined;
afterEach(async () => w?.close());

describe.skipIf(testsOnPostgres())('SQLite locked by another writer', () => {
  it('a write that waited out the busy timeout is answered 503 unavailable with Retry-After; once free, it succeeds', async () => {
    w = await createOfficeWorld();
    const writer = writerOf(w.deps.db);
    if (!writer) throw new Error('a SQLite world has a writing connection');
    // The production timeout is 5 s; a test need not wait it out to see what comes after.
    writer.$client.pragma('busy_timeout = 50');
    const other = new Database(writer.$client.name);
    try {
      other.exec('BEGIN IMMEDIATE');
      const create = () =>
        w?.json('POST', '/api/admin/campaigns', EDITOR, { brandId: w.brandId, templateKey: 'tasks-reward' });
      const res = await w.call('POST', '/api/admin/campaigns', EDITOR, {
        brandId: w.brandId,
        templateKey: 'tasks-reward',
      });
      expect(res.status, await res.clone().text()).toBe(503);
      expect(res.headers.get('Retry-After')).toBe('1');
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unavailable');
      other.exec('ROLLBACK');
      expect((await create())?.status).toBe(201);
    } finally {
      other.close();
    }
  });
});
