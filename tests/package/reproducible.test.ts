/**
 * `npm run package -- all` end to end, twice: every archive passes every check the first time (moderation checks
 * in Chromium included), and the second run gives byte-identical archives (same sha256). The second run skips
 * the browser (`--no-browser`): the archive's bytes come from the build alone (it is written once every check has
 * passed; the browser checks cannot change it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PackageReport } from '../../scripts/package/report.ts';
import { VARIANTS } from '../../scripts/package/variants.ts';
import { REPO_ROOT } from './support.ts';

function packageAll(outDir: string, ...extra: string[]) {
  const run = spawnSync('npm', ['run', 'package', '--', 'all', '--out', outDir, ...extra], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    // Five variants, the first run with the browser checks (the web one signs in too): 10–11 min at a load of 10
    // on 2 cores (2026-11-30, p10), about 100 s a variant.
    timeout: 900_000,
  });
  return { status: run.status, stderr: run.stderr };
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('npm run package -- all', () => {
  it('passes every check and packs byte-identical archives twice', { timeout: 1_200_000 }, () => {
    const first = mkdtempSync(join(tmpdir(), 'promo-pack-1-'));
    const second = mkdtempSync(join(tmpdir(), 'promo-pack-2-'));
    const one = packageAll(first);
    expect(one.status, one.stderr).toBe(0);
    expect(one.stderr).toMatch(/\[vk-ios\] moderation checks in Chromium/);
    expect(one.stderr).toMatch(/\[web\] ok {3}web-sign-in/);
    const two = packageAll(second, '--no-browser');
    expect(two.status, two.stderr).toBe(0);

    for (const variant of VARIANTS) {
      const name = `demo-${variant}-0.1.0`;
      const report = JSON.parse(readFileSync(join(first, `${name}.json`), 'utf8')) as PackageReport;
      expect(report.ok, `${variant}: ${JSON.stringify(report.checks.filter((c) => !c.ok))}`).toBe(true);
      expect(report.sha256).toBe(sha256(join(first, `${name}.zip`)));
      expect(sha256(join(second, `${name}.zip`)), variant).toBe(report.sha256);
      expect(report.checks.map((c) => c.name)).toContain('back-navigation');
      for (const shot of report.screenshots) expect(existsSync(join(first, shot)), shot).toBe(true);
      expect(report.screenshots.length).toBeGreaterThanOrEqual(8);
      expect(Object.keys(unzipSync(readFileSync(join(first, `${name}.zip`))))).toContain('index.html');
    }
    const ios = Object.keys(unzipSync(readFileSync(join(first, 'demo-vk-ios-0.1.0.zip'))));
    expect(ios).toEqual(['index.html']);
  });
});
