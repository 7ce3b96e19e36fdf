/**
 * @module Vite plugin: writes `<file>.br` (quality 11) and `<file>.gz` (level 9) beside every text asset of the
 * build, once, so the server (server/static/) picks one by `Accept-Encoding` and never compresses per request.
 * A copy that would not be smaller is not written.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing: text formats; images and fonts of the build are already compressed. */
export const COMPRESSIBLE = /\.(?:html|js|mjs|css|svg|json|txt|map|xml|webmanifest)$/;

/** The encodings written, in the server's order of preference, with their file suffix. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export function compressFile(path: string): void {
  const raw = readFileSync(path);
  const br = brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.byteLength,
    },
  });
  const gz = gzipSync(raw, { level: 9 });
  if (br.byteLength < raw.byteLength) writeFileSync(`${path}.br`, br);
  if (gz.byteLength < raw.byteLength) writeFileSync(`${path}.gz`, gz);
}

/** Every compressible file under `dir` (recursively), compressed beside itself. */
export function precompressDir(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) precompressDir(path);
    else if (COMPRESSIBLE.test(name)) compressFile(path);
  }
}

export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'promo-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      precompressDir(outDir);
    },
  };
}
