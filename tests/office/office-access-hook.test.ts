/**
 * One office-wide access hook: office sections read the member's rights through `useOfficeRights` (use-office.ts);
 * only that module (and the office gate in AdminOffice.tsx, which decides whether to show the office at all) asks
 * `GET /api/admin/office`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ADMIN = join(import.meta.dirname, '../../miniapp/admin');
const ALLOWED = new Set(['use-office.ts', 'AdminOffice.tsx', 'office-api.ts']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? files(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );
}

describe('office access hook', () => {
  it('item 4: no office section fetches office access itself', () => {
    const offenders = files(ADMIN)
      .filter((f) => !ALLOWED.has(relative(ADMIN, f)))
      .filter((f) => /\bofficeAccess\(|\.office\.office\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ADMIN, f));
    expect(offenders).toEqual([]);
  });
});
