/**
 * One header Back: Telegram draws its own BackButton above the app, so a VKUI `PanelHeaderBack` beside it is a second
 * back (found from outside at 375 px). `miniapp/PanelHeaderWithBack.tsx` is the one place that decides per platform
 * whether the header draws it; a screen importing VKUI's `PanelHeaderBack` itself would bring the double back again
 * on Telegram. This reads every non-test file of the mini app and fails on any other import of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const THE_ONE = 'miniapp/PanelHeaderWithBack.tsx';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
      out.push(relative(ROOT, join(ROOT, path)));
  }
  return out;
}

/** The names a file imports from VKUI (`import { A, B as C } from '@vkontakte/vkui'`), as exported by VKUI. */
function vkuiImports(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]@vkontakte\/vkui['"]/g)) {
    for (const part of (m[1] ?? '').split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)[0]
        ?.trim();
      if (name) names.push(name);
    }
  }
  return names;
}

describe('the header Back has one home', () => {
  it('reads multi-line imports and aliases', () => {
    expect(vkuiImports("import {\n  Panel,\n  PanelHeaderBack as Back,\n} from '@vkontakte/vkui';")).toEqual([
      'Panel',
      'PanelHeaderBack',
    ]);
  });

  it('only PanelHeaderWithBack imports VKUI’s PanelHeaderBack', () => {
    const files = sources('miniapp');
    expect(files).toContain(THE_ONE);
    const importers = files.filter((f) => vkuiImports(readFileSync(join(ROOT, f), 'utf8')).includes('PanelHeaderBack'));
    expect(importers).toEqual([THE_ONE]);
  });
});
