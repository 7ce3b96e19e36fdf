/**
 * Only a variant whose every check passed leaves an archive and (vk) `vk-hosting-config.json`: a failed one writes
 * its report, removes an earlier archive of the same name and a hosting config pointing at its build folder, and
 * leaves a hosting config for another build alone. Synthetic builds and a temp "repository" (no Vite, no browser).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hostingConfig } from '../../scripts/package/hosting-config.ts';
import { inspectAndPack, type PackOptions, packageVariant } from '../../scripts/package/pipeline.ts';
import type { PackageReport } from '../../scripts/package/report.ts';
import { demoClient } from './support.ts';

const HTML = `<!doctype html><html><head><link rel="icon" href="data:,">
<script type="module" crossorigin src="./assets/index.js"></script></head><body><div id="root"></div></body></html>`;

/** A temp repository root with a small vk build that passes every file check; `big` adds a 3 MB file (asset-size). */
function world(big = false) {
  const repoRoot = mkdtempSync(join(tmpdir(), 'promo-failed-variant-'));
  const dir = join(repoRoot, 'dist/package/demo/vk');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), HTML);
  writeFileSync(join(dir, 'assets/index.js'), 'parent.postMessage({type:"vk-connect"},"*")');
  if (big) writeFileSync(join(dir, 'assets/poster.txt'), 'x'.repeat(3 * 1024 * 1024));
  const outDir = join(repoRoot, 'out');
  const options: PackOptions = { repoRoot, client: demoClient(), version: '1.0.0', outDir, log: () => {} };
  const hostingFile = join(repoRoot, 'vk-hosting-config.json');
  const report = () => JSON.parse(readFileSync(join(outDir, 'demo-vk-1.0.0.json'), 'utf8')) as PackageReport;
  return { repoRoot, dir, outDir, options, hostingFile, zip: join(outDir, 'demo-vk-1.0.0.zip'), report };
}

describe('what a vk variant leaves behind', () => {
  it('all checks passed: the archive and vk-hosting-config.json pointing at the build', async () => {
    const w = world();
    const result = await inspectAndPack('vk', w.dir, w.options);
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(existsSync(w.zip)).toBe(true);
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(w.hostingFile, 'utf8'))).toMatchObject({
      static_path: 'dist/package/demo/vk',
      app_id: 51000001,
    });
  });

  it('a failed check: no archive under the good name, no hosting config, the report says why', async () => {
    const w = world(true);
    mkdirSync(w.outDir, { recursive: true });
    writeFileSync(w.zip, 'an earlier good archive');
    const result = await inspectAndPack('vk', w.dir, w.options);
    expect(result.ok).toBe(false);
    expect(result.checks.find((c) => !c.ok)).toMatchObject({ name: 'asset-size', files: ['assets/poster.txt'] });
    expect(existsSync(w.zip)).toBe(false);
    expect(existsSync(w.hostingFile)).toBe(false);
    expect(w.report()).toMatchObject({ ok: false, sha256: '' });
  });

  it('a failed check removes a hosting config left pointing at this (now failed) build folder', async () => {
    const w = world(true);
    const earlier = hostingConfig(w.repoRoot, w.dir, 51000001);
    writeFileSync(w.hostingFile, JSON.stringify(earlier));
    const lines: string[] = [];
    await inspectAndPack('vk', w.dir, { ...w.options, log: (l) => lines.push(l) });
    expect(existsSync(w.hostingFile)).toBe(false);
    expect(lines).toContain('[vk] removed vk-hosting-config.json: it pointed at this failed build');
  });

  it('a failed check leaves a hosting config for another build alone', async () => {
    const w = world(true);
    const other = JSON.stringify(hostingConfig(w.repoRoot, join(w.repoRoot, 'dist/package/other/vk'), 51000002));
    writeFileSync(w.hostingFile, other);
    await inspectAndPack('vk', w.dir, w.options);
    expect(readFileSync(w.hostingFile, 'utf8')).toBe(other);
  });

  it('a failed build does the same: earlier archive and the hosting config pointing at its folder removed', async () => {
    const w = world();
    mkdirSync(w.outDir, { recursive: true });
    writeFileSync(w.zip, 'an earlier good archive');
    writeFileSync(w.hostingFile, JSON.stringify(hostingConfig(w.repoRoot, w.dir, 51000001)));
    // The logo is read before Vite starts: a file gone since the configuration was loaded fails the build at once.
    const client = { ...demoClient(), logo: './gone.png' };
    const result = await packageVariant('vk', { ...w.options, client, configFile: join(w.repoRoot, 'client.json') });
    expect(result).toMatchObject({ ok: false, sha256: '' });
    expect(result.checks[0]).toMatchObject({ name: 'build', ok: false });
    expect(existsSync(w.zip)).toBe(false);
    expect(existsSync(w.hostingFile)).toBe(false);
  });
});
