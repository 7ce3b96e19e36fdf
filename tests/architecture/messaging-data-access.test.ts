/**
 * Issue 13: the messaging side (mailing, support, system and VK routes, and the whole bot) is one domain code path for
 * SQLite and PostgreSQL. Its source makes no call that exists on one driver only: no synchronous drizzle terminals
 * (`.get()`, `.all()`, `.run()`, `.sync()`; a Map's `.values()` looks the same, so that one is left to review), no prepared statements or raw client (`.prepare(`,
 * `$client`), no `lastInsertRowid`, no drizzle `db.transaction` (writes go through `inTransaction`), and no
 * SQLite-only SQL (`INSERT OR …`, `unixepoch`, `strftime`, `json_extract`, `json_each`, `datetime(`, two-argument
 * `max(`/`min(` inside SQL text).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const AREAS = ['server/mailing', 'server/support', 'server/system', 'server/vk', 'bot', 'scripts/start.ts'];

const FORBIDDEN: Array<[string, RegExp]> = [
  ['synchronous drizzle call', /\.(get|all|run|sync)\(\s*\)/],
  ['prepared statement', /\.prepare\(/],
  ['raw driver client', /\$client/],
  ['lastInsertRowid', /lastInsertRowid/],
  ['drizzle transaction (use inTransaction)', /\.transaction\(/],
  ['SQLite-only SQL', /INSERT\s+OR\s|unixepoch|strftime|json_extract|json_each|datetime\(/i],
  ['SQLite scalar max()/min() in SQL text', /sql`[^`]*\b(max|min)\([^`)]*,[^`]*`/],
];

function sources(path: string): string[] {
  const full = join(ROOT, path);
  if (path.endsWith('.ts')) return [path];
  return readdirSync(full, { withFileTypes: true }).flatMap((e) => {
    const child = join(path, e.name);
    if (e.isDirectory()) return sources(child);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [child] : [];
  });
}

describe('messaging data access', () => {
  it('item 13: mailing, support, system, vk and the bot use only calls both database drivers have', () => {
    const files = AREAS.flatMap(sources);
    expect(files.length).toBeGreaterThan(40);
    const found: string[] = [];
    for (const file of files) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\*|\/\/)/.test(line)) return;
        for (const [what, re] of FORBIDDEN) if (re.test(line)) found.push(`${file}:${i + 1} ${what}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });
});
