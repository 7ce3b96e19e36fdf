/** The iOS single file's dynamic imports become static ones; anything that is not a literal `import('…')` stays. */
import { describe, expect, it } from 'vitest';
import { eagerImports } from './eager-imports.ts';

describe('issue 17: the iOS single file imports its screens eagerly', () => {
  it('a literal dynamic import becomes a namespace import resolved at once; one import per specifier', () => {
    const out = eagerImports(
      [
        "const A = lazy(() => import('./admin/A.tsx'));",
        "const B = async () => (await import('./screens/B.tsx')).B;",
        "const again = () => import('./admin/A.tsx');",
      ].join('\n'),
    );
    expect(out?.code).toBe(
      [
        'import * as __eagerImport0 from "./admin/A.tsx";',
        'import * as __eagerImport1 from "./screens/B.tsx";',
        'const A = lazy(() => Promise.resolve(__eagerImport0));',
        'const B = async () => (await Promise.resolve(__eagerImport1)).B;',
        'const again = () => Promise.resolve(__eagerImport0);',
      ].join('\n'),
    );
    expect(out?.map.mappings.length).toBeGreaterThan(0);
  });

  it('a computed specifier, an import with options and the words in a string or comment are left alone', () => {
    const code = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the input is source code holding a template literal
      'const load = (name) => import(`./locales/${name}.js`);',
      "const data = import('./data.json', { with: { type: 'json' } });",
      "const text = \"import('./not-code.tsx')\"; // import('./nor-this.tsx')",
    ].join('\n');
    expect(eagerImports(code)).toBeUndefined();
  });
});
