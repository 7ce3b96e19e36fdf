/**
 * Issue 13, items 1 and 2 of the runtime switch: a process started with `DATABASE_URL` (a child, so the dialect is
 * chosen from its environment as in production) takes the PostgreSQL tables, refuses SQLite, writes only in
 * transactions (savepoints nested), claims distinct codes concurrently, and walks events and plans with PostgreSQL's
 * SQL. The probe is tests/support/postgres-probe.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userEnvironment } from '../../tests/bot/bot-process.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/support/postgres.ts';
import { loadConfig } from '../config.ts';
import { PROCESS_DIALECT } from './dialect.ts';
import { openDb } from './open-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'pg-runtime-'));
let database: TestDatabase;
interface Findings {
  tablesArePostgres: boolean;
  sqliteRefused: string;
  nested: { inner: string; reentry: string; renamed: number };
  agencyNames: string[];
  writeOutsideTransaction: string;
  codes: { taken: number; distinct: number };
  okSessions: number[];
  segment: { total: number; participants: number; withConsent: number };
  scan: { chunks: number[]; ordered: boolean; last: number };
  plan: string[];
}
let findings: Findings;

beforeAll(async () => {
  database = await createTestDatabase('runtime');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'tests/support/postgres-probe.ts', dir],
    { env: userEnvironment({ DATABASE_URL: database.url }), timeout: 90_000 },
  );
  findings = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Findings;
}, 120_000);

afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('PostgreSQL at run time', () => {
  it('item 1: DATABASE_URL must be a postgres:// or postgresql:// URL; empty means SQLite', () => {
    expect(
      loadConfig({ DATABASE_PATH: join(dir, 'c.db'), DATABASE_URL: 'postgresql://a:b@h:5432/d' }).DATABASE_URL,
    ).toBe('postgresql://a:b@h:5432/d');
    expect(loadConfig({ DATABASE_PATH: join(dir, 'c.db'), DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
    expect(() => loadConfig({ DATABASE_PATH: join(dir, 'c.db'), DATABASE_URL: 'mysql://h/d' })).toThrow(/DATABASE_URL/);
  });

  it('item 1: a process refuses a database of the other kind than it chose its tables for', async () => {
    const other =
      PROCESS_DIALECT === 'sqlite'
        ? { DATABASE_URL: database.url, DATABASE_PATH: join(dir, 'x.db') }
        : { DATABASE_PATH: join(dir, 'x.db') };
    await expect(openDb(other)).rejects.toThrow(/this process was started for/);
    expect(findings.tablesArePostgres).toBe(true);
    expect(findings.sqliteRefused).toMatch(/started for PostgreSQL/);
  });

  it('item 1: inTransaction on PostgreSQL commits, nests as a savepoint, refuses re-entry; outside it nothing is written', () => {
    expect(findings.nested.inner).toMatch(/savepoint fails/);
    expect(findings.nested.reentry).toMatch(/already inside a transaction/);
    expect(findings.nested.renamed).toBe(1);
    expect(findings.agencyNames).toEqual(['Demo Agency', 'kept!']);
    expect(findings.writeOutsideTransaction).toMatch(/read-only transaction/);
  });

  it('item 2: concurrent claims each take a different free code (FOR UPDATE SKIP LOCKED)', () => {
    expect(findings.codes).toEqual({ taken: 40, distinct: 40 });
  });

  it('item 3: domain SQL that only SQLite accepted: the OK session upsert, the consent join of a segment', () => {
    // Both first launches of one OK session get the time of the one that was stored first.
    expect(new Set(findings.okSessions).size).toBe(1);
    expect(findings.segment.total).toBe(findings.segment.participants);
    expect(findings.segment.total).toBeGreaterThanOrEqual(40);
    expect(findings.segment.withConsent).toBe(1);
  });

  it("item 2: the funnel's event walk and the query plan use PostgreSQL's SQL", () => {
    // 25,000 events a third of a millisecond apart; [1000, 9000) holds 24,000 of them.
    expect(findings.scan).toEqual({ chunks: [10_000, 10_000, 4_000], ordered: true, last: 8_999 });
    expect(findings.plan.join('\n')).toMatch(/cost=/);
  });
});
