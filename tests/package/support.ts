/** Shared by the packaging tests: one demo build per variant into a temp folder, and quiet pack options. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { onTestFinished } from 'vitest';
import { buildVariant } from '../../scripts/package/build.ts';
import { loadClientConfig } from '../../scripts/package/client-config.ts';
import type { VariantName } from '../../scripts/package/variants.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const DEMO_CONFIG_FILE = join(REPO_ROOT, 'scripts/package/clients/demo.json');
export const demoClient = () => loadClientConfig(DEMO_CONFIG_FILE);

export async function buildDemo(variant: VariantName): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `promo-${variant}-`));
  await buildVariant({
    repoRoot: REPO_ROOT,
    mode: variant,
    outDir,
    config: demoClient(),
    configFile: DEMO_CONFIG_FILE,
  });
  return outDir;
}

/** A copy of a build to break on purpose, removed when the test that made it ends. */
export function copyBuild(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'promo-broken-'));
  onTestFinished(() => rmSync(copy, { recursive: true, force: true }));
  cpSync(dir, copy, { recursive: true });
  return copy;
}
