/**
 * @module Vite plugin for the iOS single file: turns each `import('./x')` in the app's own code into a static import,
 * so the lazy screens become ordinary modules of the one file. In the single file every lazy screen is inlined
 * anyway (decision 006), so laziness saved no download; what it cost was the bundler's lazy-initialisation
 * wrapper around each module reachable from a dynamic import (≈ 490 of them, each with its bindings declared
 * apart), 15.8 KB of the archive's gzip (docs/decisions/036). `import('./x')` becomes `Promise.resolve(ns)`, so
 * callers (`lazyPanel`, `React.lazy`) keep their code. Packages are left alone: only files outside node_modules.
 */
import MagicString from 'magic-string';
import { type Plugin, parseAst } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/** Every `import('literal')` expression in `program`, innermost last. */
function dynamicImports(node: unknown, found: Node[] = []): Node[] {
  if (Array.isArray(node)) {
    for (const child of node) dynamicImports(child, found);
    return found;
  }
  if (!node || typeof node !== 'object') return found;
  const n = node as Node;
  if (n.type === 'ImportExpression') {
    const source = n.source as Node & { value?: unknown };
    if (source.type === 'Literal' && typeof source.value === 'string' && !n.options) found.push(n);
  }
  for (const key of Object.keys(n)) if (key !== 'type') dynamicImports(n[key], found);
  return found;
}

/** The rewrite itself, for one module's JavaScript: `undefined` when it has no literal dynamic import. */
export function eagerImports(code: string): { code: string; map: ReturnType<MagicString['generateMap']> } | undefined {
  const found = dynamicImports(parseAst(code));
  if (found.length === 0) return undefined;
  const out = new MagicString(code);
  const names = new Map<string, string>();
  for (const expression of found) {
    const specifier = (expression.source as Node & { value: string }).value;
    let name = names.get(specifier);
    if (!name) {
      name = `__eagerImport${names.size}`;
      names.set(specifier, name);
    }
    out.overwrite(expression.start, expression.end, `Promise.resolve(${name})`);
  }
  out.prepend(
    [...names].map(([specifier, name]) => `import * as ${name} from ${JSON.stringify(specifier)};\n`).join(''),
  );
  return { code: out.toString(), map: out.generateMap({ hires: true }) };
}

export function eagerImportsPlugin(): Plugin {
  return {
    name: 'promo-eager-imports',
    apply: 'build',
    // After TypeScript and JSX are compiled away: the parser reads plain JavaScript.
    enforce: 'post',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (file.includes('/node_modules/') || !/\.[cm]?[jt]sx?$/.test(file)) return null;
      return eagerImports(code) ?? null;
    },
  };
}
