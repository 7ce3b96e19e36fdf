/**
 * @module What a build's HTML and CSS point at, read with regular expressions (Vite's output is regular):
 * `src`/`href` attributes, CSS `url()` and `@import`, and module `import()` of full URLs inside scripts.
 */
export interface Reference {
  /** File the reference is in. */
  file: string;
  url: string;
  kind: 'script' | 'style' | 'link' | 'media' | 'css-url' | 'js-import';
}

const ATTR = /<(script|link|img|source|video|audio|iframe)\b[^>]*?\s(src|href)\s*=\s*["']([^"']+)["'][^>]*>/gi;
const CSS_URL = /url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']/gi;
const JS_IMPORT = /\bimport\(\s*["'`](https?:\/\/[^"'`]+|\/\/[^"'`]+)["'`]\s*\)/g;
/** Absolute paths to our own folders baked into scripts (a `base: '/'` build). */
const JS_ABSOLUTE = /["'`](\/(?:assets|static)\/[^"'`\s]+)["'`]/g;

export function htmlReferences(file: string, html: string): Reference[] {
  const refs: Reference[] = [];
  // Inline scripts (single-file builds) are read as scripts, not as markup.
  const markup = html.replace(/(<script\b[^>]*>)([\s\S]*?)<\/script>/gi, (_, open: string, body: string) => {
    refs.push(...jsReferences(file, body));
    return `${open}</script>`;
  });
  for (const m of markup.matchAll(ATTR)) {
    const tag = (m[1] ?? '').toLowerCase();
    const url = m[3] ?? '';
    refs.push({ file, url, kind: tag === 'script' ? 'script' : tag === 'link' ? 'link' : 'media' });
  }
  // Inline <style> blocks (single-file builds) hold CSS too.
  for (const style of markup.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi))
    refs.push(...cssReferences(file, style[1] ?? ''));
  return refs;
}

export function cssReferences(file: string, css: string): Reference[] {
  return [...css.matchAll(CSS_URL)].map((m) => ({ file, url: (m[1] ?? m[2] ?? '').trim(), kind: 'css-url' as const }));
}

export function jsReferences(file: string, js: string): Reference[] {
  return [
    ...[...js.matchAll(JS_IMPORT)].map((m) => ({ file, url: m[1] ?? '', kind: 'js-import' as const })),
    ...[...js.matchAll(JS_ABSOLUTE)].map((m) => ({ file, url: m[1] ?? '', kind: 'js-import' as const })),
  ];
}

export const isInline = (url: string) => /^(data:|blob:|#|about:|javascript:)/i.test(url) || url === '';
export const isExternal = (url: string) => /^([a-z][a-z0-9+.-]*:)?\/\//i.test(url) && !isInline(url);
export const isAbsolutePath = (url: string) => url.startsWith('/') && !url.startsWith('//');
