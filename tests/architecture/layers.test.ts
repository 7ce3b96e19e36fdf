/**
 * Issue 13: the layers point one way (docs/decisions/019-composition-root.md). Reads the imports of every non-test
 * source file and checks the three rules of /work/shared/ARCHITECTURE.md: the server never imports the bot, the
 * database layer imports no route, HTTP error or domain service, and the participant's screens reach the office only
 * through a lazy `import()` (so its chunk is never in their bundle).
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
