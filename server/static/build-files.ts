/**
 * The built mini app, read once at start: each file with the brotli and gzip copies the build wrote beside it
 * (scripts/build/precompress.ts), its validators and its caching rule. Only these paths are ever served, so a
 * request path is looked up, never joined onto the file system.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { getMimeType } from 'hono/utils/mime';
import type { StoredEncoding } from './content-encoding.ts';

export interface BuildFile {
  /** URL path, e.g. `/assets/index-Cg-okOJM.js`. */
  path: string;
  contentType: string;
  /** Identity bytes and the stored compressed copies. */
  bodies: { identity: Buffer } & Partial<Record<StoredEncoding, Buffer>>;
  /** Hex digest of the identity bytes; each encoding's ETag adds its suffix. */
  digest: string;
  lastModified: string;
  /** Vite names it by its content hash (`assets/<name>-<hash>.<ext>`): it can be cached for good. */
  hashed: boolean;
}

const SUFFIX: Record<StoredEncoding, string> = { br: '.br', gzip: '.gz' };
const HASHED_ASSET = /^\/assets\/.+-[\w-]{8}\.[a-z0-9]+$/i;

export function readBuild(root: string): Map<string, BuildFile> {
  const files = new Map<string, BuildFile>();
  if (!existsSync(root)) return files;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const absolute = join(dir, name);
      const stat = statSync(absolute);
      if (stat.isDirectory()) walk(absolute);
      else if (!/\.(?:br|gz)$/.test(name)) {
        const path = `/${relative(root, absolute).split(sep).join('/')}`;
        const identity = readFileSync(absolute);
        const bodies: BuildFile['bodies'] = { identity };
        for (const encoding of ['br', 'gzip'] as const) {
          const copy = `${absolute}${SUFFIX[encoding]}`;
          if (existsSync(copy)) bodies[encoding] = readFileSync(copy);
        }
        files.set(path, {
          path,
          contentType: getMimeType(name) ?? 'application/octet-stream',
          bodies,
          digest: createHash('sha256').update(identity).digest('hex').slice(0, 32),
          lastModified: stat.mtime.toUTCString(),
          hashed: HASHED_ASSET.test(path),
        });
      }
    }
  };
  walk(root);
  return files;
}

/** Strong ETag of one representation: the same bytes compressed differently are different representations. */
export function etagOf(file: Pick<BuildFile, 'digest'>, encoding: StoredEncoding | undefined): string {
  return `"${file.digest}${encoding ? `-${encoding}` : ''}"`;
}

/** `If-None-Match` against an ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
