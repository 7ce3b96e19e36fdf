/**
 * @module The JSON report written beside each archive: what was packed, from which commit, its sha256 and sizes,
 * every check with its result, and the screenshots. The commit is read from `.git` files (no git process).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckResult } from './checks/check.ts';

export interface PackageReport {
  app: string;
  variant: string;
  version: string;
  commit: string;
  /** `<id>-<variant>-<version>.zip`, written only when `ok` (a failed variant leaves no archive). */
  archive: string;
  /** The archive's sha256; empty when `ok` is false (nothing was written). */
  sha256: string;
  packedBytes: number;
  unpackedBytes: number;
  fileCount: number;
  ok: boolean;
  checks: CheckResult[];
  screenshots: string[];
}

/** HEAD's commit from `.git/HEAD` → ref file or packed-refs; `unknown` outside a checkout. */
export function gitCommit(repoRoot: string): string {
  const git = join(repoRoot, '.git');
  try {
    const head = readFileSync(join(git, 'HEAD'), 'utf8').trim();
    if (!head.startsWith('ref: ')) return head;
    const ref = head.slice(5);
    if (existsSync(join(git, ref))) return readFileSync(join(git, ref), 'utf8').trim();
    const packed = readFileSync(join(git, 'packed-refs'), 'utf8')
      .split('\n')
      .find((line) => line.endsWith(` ${ref}`));
    return packed?.split(' ')[0] ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function writeReport(file: string, report: PackageReport): void {
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
