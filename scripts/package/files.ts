/** @module The files of a build folder, sorted, with POSIX relative paths: what checks read and zips pack. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BuildFile {
  /** Path relative to the build folder, with `/`. */
  path: string;
  absolute: string;
  size: number;
}

export function listFiles(root: string): BuildFile[] {
  const out: BuildFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const absolute = join(dir, name);
      const stat = statSync(absolute);
      if (stat.isDirectory()) walk(absolute);
      else out.push({ path: relative(root, absolute).split(sep).join('/'), absolute, size: stat.size });
    }
  };
  walk(root);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Folders implied by the file paths (`assets/` for `assets/x.js`), sorted. */
export function listFolders(files: BuildFile[]): string[] {
  const folders = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(`${parts.slice(0, i).join('/')}/`);
  }
  return [...folders].sort();
}

export const formatBytes = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
