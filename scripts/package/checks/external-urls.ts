/**
 * @module Every absolute URL anywhere in a build's text files — inside scripts too — judged as "loaded from another
 * host" or "a string that is never fetched". Markup and CSS positions (`src`, `href`, `url()`, `@import`) are read
 * by `references.ts`; this scan catches what those miss, e.g. a router's inline style
 * `background: url(https://vk.ru/images/error404.png)` built inside a script.
 *
 * The rule (docs/packaging.md, "External URLs"): an absolute URL fails when
 * 1. it is resource-shaped: its path ends in an image, font, style, script, media or wasm extension, or it stands
 *    in a loading position inside a string (`url(…)`, `import(…)`, `src=`/`href=`), whatever its host; or
 * 2. its host is neither the client's API origin nor on `NON_RESOURCE_HOSTS`, the short, explicit list of hosts
 *    whose URLs libraries carry as names and message links and never request.
 * So a new host always needs a reviewed line below, and no host on the list may serve a picture or a script.
 */
import { readFileSync } from 'node:fs';
import type { BuildFile } from '../files.ts';

/** Hosts whose URLs are constants nobody fetches, and why each one is in our bundles. Keep it short. */
export const NON_RESOURCE_HOSTS: Readonly<Record<string, string>> = {
  'www.w3.org': 'XML namespace names (SVG, XLink, MathML, XML) React passes to createElementNS; never requested',
  'react.dev': "link printed in React's minified production error messages",
  'dequeuniversity.com': 'accessibility-rule link in VKUI development warnings',
  'web.telegram.org': "@telegram-apps/bridge's postMessage target origin inside Telegram Web (Telegram build only)",
  'docs.telegram-mini-apps.com': '@telegram-apps/bridge error message link (Telegram build only)',
  'github.com': '@telegram-apps/bridge error message link to its issue tracker (Telegram build only)',
};

/** Extensions of things a browser loads as a resource of the page. */
const RESOURCE_EXTENSION =
  /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp|css|m?js|json|wasm|woff2?|ttf|otf|eot|mp3|mp4|webm|ogg|wav|m4a|mov)$/i;
/** Text files a build may carry URLs in; binaries (and precompressed copies) are not read. */
const TEXT_FILE = /\.(html?|m?js|css|json|svg|webmanifest|txt|xml|map)$/i;
/** An absolute or protocol-relative URL, with what stands just before it (to see `url(`, `import(`, `src=`). */
const URL_IN_TEXT =
  /(url\(\s*["'`]?|import\(\s*["'`]|(?:src|href)\s*=\s*["'`]?)?((?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}(?::\d+)?[^\s"'`()<>\\]*)/gi;

export interface ExternalUrl {
  file: string;
  url: string;
  why: 'resource' | 'unlisted host';
}

function host(url: string): string {
  try {
    return new URL(url.startsWith('//') ? `https:${url}` : url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

function isResourceShaped(url: string, loadingPosition: boolean): boolean {
  if (loadingPosition) return true;
  const path = url.replace(/^(https?:)?\/\/[^/]+/i, '').split(/[?#]/)[0] ?? '';
  return RESOURCE_EXTENSION.test(path);
}

/**
 * Every URL in one text that breaks the rule above. `apiOrigin` is the client's API (data, not page resources);
 * `linkHosts` are the hosts one variant only navigates to (`VariantFacts.linkHosts`), allowed like the list above.
 */
export function externalUrlsIn(
  file: string,
  text: string,
  apiOrigin?: string,
  linkHosts: Readonly<Record<string, string>> = {},
): ExternalUrl[] {
  const apiHost = apiOrigin ? host(apiOrigin) : undefined;
  const found: ExternalUrl[] = [];
  for (const m of text.matchAll(URL_IN_TEXT)) {
    const url = m[2] ?? '';
    // A path like `a//b.cd` inside minified code is not a URL: protocol-relative ones must start the string or follow `(`/`=`/quote.
    if (url.startsWith('//') && !m[1] && !/["'`(=\s]/.test(text[(m.index ?? 0) - 1] ?? '')) continue;
    const h = host(url);
    if (isResourceShaped(url, Boolean(m[1]))) found.push({ file, url, why: 'resource' });
    else if (h !== apiHost && !(h in NON_RESOURCE_HOSTS) && !(h in linkHosts))
      found.push({ file, url, why: 'unlisted host' });
  }
  return found;
}

/** Every breaking URL in every text file of the build. */
export function externalUrls(
  files: BuildFile[],
  apiOrigin?: string,
  linkHosts: Readonly<Record<string, string>> = {},
): ExternalUrl[] {
  return files
    .filter((f) => TEXT_FILE.test(f.path))
    .flatMap((f) => externalUrlsIn(f.path, readFileSync(f.absolute, 'utf8'), apiOrigin, linkHosts));
}
