/**
 * Issue 13: the layers point one way (docs/decisions/019-composition-root.md). Reads the imports of every non-test
 * source file and checks the rules of /work/shared/ARCHITECTURE.md: the server never imports the bot, the
 * database layer imports no route, HTTP error or domain service, the bot reaches data only through the server's domain
 * (no query builder, no tables, nothing of server/db but the `Db` type and the process entry's open/close), and the
 * participant's screens reach the office only through a lazy `import()` (so its chunk is never in their bundle).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every non-test .ts/.tsx/.mjs file under `dir`, as a path relative to the repository root. */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...sources(path));
    } else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(path);
  }
  return out;
}

interface Import {
  /** Repository-relative path of the imported file (relative specifiers only), or the bare specifier. */
  target: string;
  /** `import('…')`, loaded on demand rather than with the importing module. */
  lazy: boolean;
}

/** Static (`from '…'`, `import '…'`) and dynamic (`import('…')`) imports of one file. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  const resolveSpec = (spec: string) =>
    spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
  for (const m of text.matchAll(/(?:\bfrom\s*|^\s*import\s*)['"]([^'"]+)['"]/gm)) {
    found.push({ target: resolveSpec(m[1] ?? ''), lazy: false });
  }
  for (const m of text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g))
    found.push({ target: resolveSpec(m[1] ?? ''), lazy: true });
  return found;
}

/**
 * Targets that `file` imports only as types (`import type { … } from '…'`, `export type … from '…'`): erased at
 * compile time, so they carry no code and no data access.
 */
function typeOnlyTargets(file: string): Set<string> {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const statements = [...text.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm)];
  const resolveSpec = (spec: string) =>
    spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
  const typed = new Set(statements.filter((m) => m[1]).map((m) => resolveSpec(m[2] ?? '')));
  // A target also imported for its values is not type-only.
  for (const m of statements) if (!m[1]) typed.delete(resolveSpec(m[2] ?? ''));
  return typed;
}

/** How the bot may touch server/db: the `Db` handle's type anywhere, opening and closing it in its process entry. */
function botDataAccess(i: Import, file: string): boolean {
  if (i.target === 'drizzle-orm' || i.target.startsWith('drizzle-orm/')) return true;
  if (['better-sqlite3', 'pg'].includes(i.target)) return true;
  if (!under(i.target, 'server/db')) return false;
  if (file === 'bot/main.ts' && i.target === 'server/db/open-db.ts') return false;
  return !(i.target === 'server/db/client.ts' && typeOnlyTargets(file).has(i.target));
}

/** `file imports target` for every import of `files` that `bad` picks out. */
function violations(files: string[], bad: (i: Import, file: string) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter((i) => bad(i, file))
      .map((i) => `${file} imports ${i.target}`),
  );
}

const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** Server folders above the database: routes, HTTP plumbing, domain services, the writer and the VK seams. */
const ABOVE_DB = [
  'http',
  'writer',
  'vk',
  'promo',
  'mailing',
  'funnel',
  'support',
  'campaigns',
  'me',
  'office',
  'client-errors',
  'system',
  'static',
  'seed',
  'auth',
].map((f) => `server/${f}`);

describe('layers point one way', () => {
  it('item 13: nothing under server/ imports bot/', () => {
    const server = sources('server');
    expect(server.length).toBeGreaterThan(50);
    expect(violations(server, (i) => under(i.target, 'bot'))).toEqual([]);
  });

  it('item 13: server/db/ imports no route, HTTP error or domain service', () => {
    const db = sources('server/db');
    expect(db.length).toBeGreaterThan(5);
    const bad = (i: Import) =>
      /\.routes(\.ts)?$/.test(i.target) ||
      ABOVE_DB.some((f) => under(i.target, f)) ||
      i.target === 'server/deps.ts' ||
      under(i.target, 'bot');
    expect(violations(db, bad)).toEqual([]);
  });

  it('item 1: the bot reaches data only through server domain functions (no drizzle-orm, no tables, no transactions)', () => {
    const bot = sources('bot');
    expect(bot.length).toBeGreaterThan(15);
    expect(violations(bot, botDataAccess)).toEqual([]);
  });

  it('item 1: the bot rule tells a type-only import from one that brings code', () => {
    // A guard for the rule itself: a value import of server/db, drizzle-orm or a schema file is caught, a type-only
    // import of the handle is not (bot/sender/token-turn.ts imports `type Db`).
    expect(typeOnlyTargets('bot/sender/token-turn.ts')).toContain('server/db/client.ts');
    expect(botDataAccess({ target: 'server/db/client.ts', lazy: false }, 'bot/sender/token-turn.ts')).toBe(false);
    expect(botDataAccess({ target: 'server/db/client.ts', lazy: false }, 'server/mailing/outbox.ts')).toBe(true);
    expect(botDataAccess({ target: 'server/db/transactions.ts', lazy: false }, 'bot/sender/token-turn.ts')).toBe(true);
    expect(botDataAccess({ target: 'server/db/schema/messaging.ts', lazy: false }, 'bot/x.ts')).toBe(true);
    expect(botDataAccess({ target: 'drizzle-orm', lazy: false }, 'bot/x.ts')).toBe(true);
    expect(botDataAccess({ target: 'server/db/open-db.ts', lazy: false }, 'bot/main.ts')).toBe(false);
  });

  it("item 13: the participant's screens import the office only through a lazy import()", () => {
    const participant = sources('miniapp').filter((f) => !under(f, 'miniapp/admin'));
    expect(participant.length).toBeGreaterThan(20);
    expect(violations(participant, (i) => under(i.target, 'miniapp/admin') && !i.lazy)).toEqual([]);
  });

  it('item 13: the import reader sees the forms the rules depend on', () => {
    // A guard for the reader itself: if it stopped seeing imports, the rules above would pass vacuously.
    const app = importsOf('server/app.ts').map((i) => i.target);
    expect(app).toContain('server/http/errors.ts');
    expect(app).toContain('hono/cors');
    const lazyAdmin = sources('miniapp').flatMap((f) =>
      importsOf(f).filter((i) => i.lazy && under(i.target, 'miniapp/admin')),
    );
    expect(lazyAdmin.length).toBeGreaterThan(0);
  });
});
