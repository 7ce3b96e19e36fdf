/**
 * Issue 13, item 2: the committed migrations of both dialects are what drizzle-kit generates from today's schemas.
 * drizzle-kit runs against a copy of each migrations folder; a schema change without `npm run db:generate` would make
 * it write a new migration there, and this test fails naming the dialect.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const scratch = mkdtempSync(join(tmpdir(), 'migrations-current-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const DIALECTS = [
  { dialect: 'sqlite', schema: './server/db/schema/index.ts', migrations: 'server/db/migrations' },
  { dialect: 'postgresql', schema: './server/db/schema-pg/index.ts', migrations: 'server/db/migrations-pg' },
] as const;

/**
 * Runs `drizzle-kit generate` into a copy of the committed folder; returns what it said and the SQL files the copy then
 * holds. drizzle-kit puts `./` before `--out`, so the copy is named relative to the working directory.
 */
function generateInto(copy: string, dialect: string, schema: string): { said: string; files: string[] } {
  const out = relative(process.cwd(), copy);
  const said = execFileSync(
    'npx',
    ['drizzle-kit', 'generate', '--dialect', dialect, '--schema', schema, '--out', out],
    {
      encoding: 'utf8',
      stdio: 'pipe',
    },
  );
  return { said, files: readdirSync(copy).filter((f) => f.endsWith('.sql')) };
}

describe('committed migrations', () => {
  for (const { dialect, schema, migrations } of DIALECTS) {
    it(`item 2: ${dialect} migrations are up to date with its schema`, { timeout: 60_000 }, () => {
      const committed = readdirSync(migrations).filter((f) => f.endsWith('.sql'));
      expect(committed.length).toBeGreaterThan(0);
      const copy = join(scratch, dialect);
      cpSync(migrations, copy, { recursive: true });
      const { said, files } = generateInto(copy, dialect, schema);
      expect(files).toEqual(committed);
      expect(said).toContain('No schema changes');
    });
  }
});
