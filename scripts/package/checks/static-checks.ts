/**
 * @module Checks that read the built files: `index.html` at the root, every reference relative, nothing loaded
 * from another host, every local reference present, no file over the size budget, and each bundle carrying
 * only its own platform's code.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type BuildFile, formatBytes } from '../files.ts';
import { VARIANT_FACTS, type VariantName } from '../variants.ts';
import { type CheckResult, fail, pass } from './check.ts';
import { externalUrls } from './external-urls.ts';
import {
  cssReferences,
  htmlReferences,
  isAbsolutePath,
  isExternal,
  isInline,
  jsReferences,
  type Reference,
} from './references.ts';

function collectReferences(files: BuildFile[]): Reference[] {
  const refs: Reference[] = [];
  for (const f of files) {
    if (/\.html?$/.test(f.path)) refs.push(...htmlReferences(f.path, readFileSync(f.absolute, 'utf8')));
    else if (f.path.endsWith('.css')) refs.push(...cssReferences(f.path, readFileSync(f.absolute, 'utf8')));
    else if (/\.m?js$/.test(f.path)) refs.push(...jsReferences(f.path, readFileSync(f.absolute, 'utf8')));
  }
  return refs;
}

const show = (refs: Array<{ file: string; url: string }>) =>
  refs
    .slice(0, 5)
    .map((r) => `"${r.url}" in ${r.file}`)
    .join('; ');

export function indexAtRoot(root: string): CheckResult {
  return existsSync(join(root, 'index.html'))
    ? pass('index-at-root', 'index.html is at the root')
    : fail('index-at-root', 'index.html is not at the root of the build', ['index.html']);
}

export function relativeReferences(files: BuildFile[]): CheckResult {
  const bad = collectReferences(files).filter((r) => isAbsolutePath(r.url));
  return bad.length === 0
    ? pass('relative-references', 'every reference is relative')
    : fail('relative-references', `absolute path: ${show(bad)}`, [...new Set(bad.map((r) => r.file))]);
}

/**
 * Nothing loaded from another host: references in markup and CSS, and every absolute URL in every text file,
 * scripts included (see `external-urls.ts` for how a loaded resource is told from a string constant).
 */
export function noExternalResources(
  files: BuildFile[],
  apiOrigin?: string,
  linkHosts: Readonly<Record<string, string>> = {},
): CheckResult {
  const bad: Array<{ file: string; url: string }> = collectReferences(files).filter((r) => isExternal(r.url));
  const seen = new Set(bad.map((r) => `${r.file} ${r.url}`));
  for (const u of externalUrls(files, apiOrigin, linkHosts)) if (!seen.has(`${u.file} ${u.url}`)) bad.push(u);
  return bad.length === 0
    ? pass('no-external-resources', 'nothing is loaded from another host')
    : fail('no-external-resources', `external resource: ${show(bad)}`, [...new Set(bad.map((r) => r.file))]);
}

export function referencesExist(root: string, files: BuildFile[]): CheckResult {
  const missing = collectReferences(files).filter((r) => {
    if (isInline(r.url) || isExternal(r.url) || isAbsolutePath(r.url) || r.kind === 'js-import') return false;
    const raw = r.url.split(/[?#]/)[0] ?? '';
    let path = raw;
    try {
      path = decodeURIComponent(raw);
    } catch {}
    return !existsSync(join(root, dirname(r.file), path));
  });
  return missing.length === 0
    ? pass('references-exist', 'every local reference is in the build')
    : fail('references-exist', `missing file: ${show(missing)}`, [...new Set(missing.map((r) => r.file))]);
}

export function fileSizeBudget(files: BuildFile[], maxBytes: number): CheckResult {
  const big = files.filter((f) => f.size > maxBytes);
  return big.length === 0
    ? pass('asset-size', `no file over ${formatBytes(maxBytes)}`)
    : fail(
        'asset-size',
        `over the ${formatBytes(maxBytes)} budget: ${big.map((f) => `${f.path} ${formatBytes(f.size)}`).join(', ')}`,
        big.map((f) => f.path),
      );
}

/**
 * Code that marks a platform in a bundle: vk-bridge's web transport, Telegram's SDK, OK's FAPI loader, and for the
 * web entry (no SDK of its own) the VK ID session endpoint only its adapter asks (miniapp/platform/web.ts).
 */
const MARKERS: Record<'vk' | 'telegram' | 'ok' | 'web', RegExp> = {
  vk: /["'`]vk-connect["'`]/,
  telegram: /TelegramWebviewProxy/,
  ok: /fapi5\.js/,
  web: /\/api\/web\/session/,
};
const OWN: Record<VariantName, keyof typeof MARKERS> = {
  vk: 'vk',
  'vk-ios': 'vk',
  ok: 'ok',
  telegram: 'telegram',
  web: 'web',
};

export function platformIsolation(variant: VariantName, files: BuildFile[]): CheckResult {
  const own = OWN[variant];
  const foreign: string[] = [];
  let ownFound = false;
  for (const f of files.filter((x) => /\.(m?js|html)$/.test(x.path))) {
    const text = readFileSync(f.absolute, 'utf8');
    if (MARKERS[own].test(text)) ownFound = true;
    for (const [platform, marker] of Object.entries(MARKERS)) {
      if (platform !== own && marker.test(text)) foreign.push(`${f.path} (${platform})`);
    }
  }
  if (foreign.length > 0) {
    return fail(
      'platform-isolation',
      `another platform's code in the ${variant} bundle: ${foreign.join(', ')}`,
      foreign.map((x) => x.split(' ')[0] ?? x),
    );
  }
  if (!ownFound) return fail('platform-isolation', `the ${variant} bundle lacks its own platform code (${own})`);
  return pass('platform-isolation', `only ${own} platform code`);
}

/** `.br`/`.gz` copies only in the variants whose host serves them (VK hosting counts files and compresses itself). */
export function precompressedCopies(variant: VariantName, files: BuildFile[]): CheckResult {
  const copies = files.filter((f) => /\.(?:br|gz)$/.test(f.path)).map((f) => f.path);
  if (VARIANT_FACTS[variant].precompressed || copies.length === 0) {
    return pass('precompressed-copies', `${copies.length} precompressed copies`);
  }
  return fail('precompressed-copies', `${variant} must not ship precompressed copies`, copies.slice(0, 5));
}
