/**
 * @module Reproducible zip: entries sorted, folders as their own entries, every timestamp 1980-01-01 00:00,
 * permissions 0644 (files) and 0755 (folders), deflate level 9 — the same inputs give byte-identical archives.
 */
import { readFileSync } from 'node:fs';
import { type Zippable, zipSync } from 'fflate';
import { type BuildFile, listFolders } from './files.ts';

/** The earliest time a zip can store (DOS epoch); local time is irrelevant because fflate writes it as given. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);
const FILE_ATTRS = (0o100644 << 16) >>> 0;
const DIR_ATTRS = ((0o40755 << 16) | 0x10) >>> 0;

export function zipFiles(files: BuildFile[]): Uint8Array {
  const entries: Zippable = {};
  const options = { mtime: FIXED_TIME, os: 3, level: 9 as const };
  const all = [
    ...listFolders(files).map((path) => ({ path, data: new Uint8Array(0), attrs: DIR_ATTRS })),
    ...files.map((f) => ({ path: f.path, data: new Uint8Array(readFileSync(f.absolute)), attrs: FILE_ATTRS })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const e of all) entries[e.path] = [e.data, { ...options, attrs: e.attrs }];
  return zipSync(entries);
}
