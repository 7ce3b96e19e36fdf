import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { listFiles } from './files.ts';
import { zipFiles } from './zip.ts';

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), 'zip-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<html></html>');
  writeFileSync(join(root, 'assets/b.js'), 'b');
  writeFileSync(join(root, 'assets/a.js'), 'a');
  return root;
}

describe('reproducible zip', () => {
  it('gives the same bytes for the same files whatever their timestamps', () => {
    const one = folder();
    const two = folder();
    utimesSync(join(two, 'index.html'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    expect(Buffer.from(zipFiles(listFiles(one))).equals(Buffer.from(zipFiles(listFiles(two))))).toBe(true);
  });

  it('stores sorted entries with folders, index.html at the root', () => {
    const entries = Object.keys(unzipSync(zipFiles(listFiles(folder()))));
    expect(entries).toEqual(['assets/', 'assets/a.js', 'assets/b.js', 'index.html']);
  });
});
