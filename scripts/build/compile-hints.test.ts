/** The compile hint is the entry's first line, only the entry's, and its source map moves down with the code. */
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHintsPlugin } from './compile-hints.ts';

type Bundle = Record<string, Record<string, unknown>>;

function runPlugin(bundle: Bundle): void {
  const hook = compileHintsPlugin().generateBundle as unknown as {
    handler: (options: unknown, bundle: Bundle) => void;
  };
  hook.handler({}, bundle);
}

describe('issue 12: V8 compile hint on the entry', () => {
  it('item 3: the entry gets the hint as its first line and its map one line lower; a lazy chunk and the map of one are left alone', () => {
    const bundle: Bundle = {
      'assets/index-a.js': { type: 'chunk', isEntry: true, fileName: 'assets/index-a.js', code: 'const a=1;\n' },
      'assets/index-a.js.map': { type: 'asset', source: JSON.stringify({ version: 3, mappings: 'AAAA;AACA' }) },
      'assets/Lazy-b.js': { type: 'chunk', isEntry: false, fileName: 'assets/Lazy-b.js', code: 'export{}' },
      'assets/Lazy-b.js.map': { type: 'asset', source: new TextEncoder().encode('{"mappings":"AAAA"}') },
    };
    runPlugin(bundle);
    expect(bundle['assets/index-a.js']?.code).toBe(`${COMPILE_HINT}const a=1;\n`);
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
    expect(JSON.parse(bundle['assets/index-a.js.map']?.source as string)).toEqual({
      version: 3,
      mappings: ';AAAA;AACA',
    });
    expect(bundle['assets/Lazy-b.js']?.code).toBe('export{}');
    expect(new TextDecoder().decode(bundle['assets/Lazy-b.js.map']?.source as Uint8Array)).toBe('{"mappings":"AAAA"}');
  });
});
