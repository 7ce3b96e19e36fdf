/**
 * @module Packaging one variant: build → checks on the files → reproducible zip (+ ODR size limit) → moderation
 * checks in Chromium → JSON report beside the zip. `inspectAndPack` also runs on a folder built elsewhere
 * (the tests hand it deliberately broken builds).
 * Only a variant whose every check passed leaves an archive (and, for `vk`, `vk-hosting-config.json`): a failed one
 * leaves its report and screenshots, removes an earlier archive of the same name and a hosting config that points
 * at its build folder, so neither a release nor `npm run deploy` can pick up a build that failed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { ModerationSession } from './browser/moderation.ts';
import { runModerationChecks } from './browser/moderation.ts';
import { buildVariant } from './build.ts';
import { type CheckResult, fail } from './checks/check.ts';
import { odrEntryCount, odrPackedSize, odrSingleFile, odrUnpackedSize } from './checks/odr-limits.ts';
import {
  fileSizeBudget,
  indexAtRoot,
  noExternalResources,
  platformIsolation,
  precompressedCopies,
  referencesExist,
  relativeReferences,
} from './checks/static-checks.ts';
import { checkVersion } from './cli-args.ts';
import type { ClientConfig } from './client-config.ts';
import { listFiles } from './files.ts';
import { checkHostingConfig, hostingConfig, removeHostingConfigFor, writeHostingConfig } from './hosting-config.ts';
import { gitCommit, type PackageReport, writeReport } from './report.ts';
import { VARIANT_FACTS, type VariantName } from './variants.ts';
import { zipFiles } from './zip.ts';

export interface PackOptions {
  repoRoot: string;
  client: ClientConfig;
  version: string;
  /** Folder for archives, reports and screenshots. */
  outDir: string;
  /** Chromium session for the moderation checks; without it they are skipped (and reported as skipped). */
  session?: ModerationSession;
  /** Moderation checks in one light 375 px session only (tests). */
  quickBrowserChecks?: boolean;
  log: (line: string) => void;
}

/**
 * Where the packager builds: its own folder, not `dist/<mode>` — `npm run build` / `npm start` rebuild `dist/vk`
 * (unbranded, same-origin API) at any time, and the checks must read the build that is packed.
 */
export function packageBuildDir(repoRoot: string, client: ClientConfig, variant: VariantName): string {
  return resolve(repoRoot, 'dist', 'package', client.id, variant);
}

export function archiveName(client: ClientConfig, variant: VariantName, version: string): string {
  return `${client.id}-${variant}-${checkVersion(version, 'version')}`;
}

export async function packageVariant(
  variant: VariantName,
  o: PackOptions & { configFile: string },
): Promise<PackageReport> {
  const dir = packageBuildDir(o.repoRoot, o.client, variant);
  o.log(`[${variant}] build (vite --mode ${variant}) → ${relative(o.repoRoot, dir)}`);
  try {
    await buildVariant({
      repoRoot: o.repoRoot,
      mode: variant,
      outDir: dir,
      config: o.client,
      configFile: o.configFile,
    });
  } catch (err) {
    const message = stripAnsi(String((err as Error).message));
    const file = message.match(/in (miniapp\/[^\s:]+)/)?.[1];
    const build = fail('build', message.split('\n').slice(0, 2).join(' '), file ? [file] : undefined);
    o.log(`[${variant}] FAIL build: ${build.message}`);
    return failedReport(variant, o, [build]);
  }
  return inspectAndPack(variant, dir, o);
}

export async function inspectAndPack(variant: VariantName, dir: string, o: PackOptions): Promise<PackageReport> {
  const started = Date.now();
  const facts = VARIANT_FACTS[variant];
  const files = listFiles(dir);
  const checks: CheckResult[] = [];
  const record = (c: CheckResult) => {
    checks.push(c);
    o.log(`[${variant}] ${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.message}`);
  };
  o.log(`[${variant}] checking ${files.length} files`);
  record(indexAtRoot(dir));
  record(relativeReferences(files));
  record(noExternalResources(files, o.client.apiBaseUrl, facts.linkHosts));
  record(referencesExist(dir, files));
  record(fileSizeBudget(files, facts.maxFileBytes));
  record(platformIsolation(variant, files));
  record(precompressedCopies(variant, files));
  if (facts.odr) {
    record(odrSingleFile(files));
    record(odrEntryCount(files));
    record(odrUnpackedSize(files));
  }
  // Written at the end, and only when every check passed (a deploy uploads whatever it points at).
  const hosting = variant === 'vk' ? hostingConfig(o.repoRoot, dir, o.client.vk.appId) : undefined;
  if (hosting) record(checkHostingConfig(o.repoRoot, hosting));

  o.log(`[${variant}] zip`);
  const zip = zipFiles(files);
  const name = archiveName(o.client, variant, o.version);
  mkdirSync(o.outDir, { recursive: true });
  const zipPath = join(o.outDir, `${name}.zip`);
  if (facts.odr) record(odrPackedSize(files, zip.byteLength));

  let screenshots: string[] = [];
  const screenshotDir = join(o.outDir, name);
  rmSync(screenshotDir, { recursive: true, force: true });
  if (o.session) {
    o.log(`[${variant}] moderation checks in Chromium (light/dark × 320/375/768/1280)`);
    const outcome = await runModerationChecks(o.session, {
      variant,
      dir,
      slot: name,
      apiBaseUrl: o.client.apiBaseUrl,
      screenshotDir,
      name: variant,
      quick: o.quickBrowserChecks ?? false,
    });
    for (const c of outcome.checks) record(c);
    screenshots = outcome.screenshots.map((s) => relative(o.outDir, s).split('\\').join('/'));
  } else {
    record({ name: 'browser-checks', ok: true, message: 'skipped (--no-browser)' });
  }

  const ok = checks.every((c) => c.ok);
  const report: PackageReport = {
    app: o.client.id,
    variant,
    version: o.version,
    commit: gitCommit(o.repoRoot),
    archive: `${name}.zip`,
    sha256: ok ? createHash('sha256').update(zip).digest('hex') : '',
    packedBytes: zip.byteLength,
    unpackedBytes: files.reduce((s, f) => s + f.size, 0),
    fileCount: files.length,
    ok,
    checks,
    screenshots,
  };
  if (ok) {
    writeFileSync(zipPath, zip);
    if (hosting) {
      writeHostingConfig(o.repoRoot, hosting);
      o.log(`[${variant}] wrote vk-hosting-config.json (static_path ${hosting.static_path}) for npm run deploy`);
    }
  } else {
    dropFailedOutputs(variant, dir, zipPath, o);
  }
  writeReport(join(o.outDir, `${name}.json`), report);
  const seconds = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  o.log(
    ok
      ? `[${variant}] done: ${report.archive} sha256 ${report.sha256.slice(0, 16)}… (${seconds})`
      : `[${variant}] FAILED: no archive written, report ${name}.json (${seconds})`,
  );
  return report;
}

function failedReport(variant: VariantName, o: PackOptions, checks: CheckResult[]): PackageReport {
  const name = archiveName(o.client, variant, o.version);
  const report: PackageReport = {
    app: o.client.id,
    variant,
    version: o.version,
    commit: gitCommit(o.repoRoot),
    archive: `${name}.zip`,
    sha256: '',
    packedBytes: 0,
    unpackedBytes: 0,
    fileCount: 0,
    ok: false,
    checks,
    screenshots: [],
  };
  mkdirSync(o.outDir, { recursive: true });
  dropFailedOutputs(variant, packageBuildDir(o.repoRoot, o.client, variant), join(o.outDir, `${name}.zip`), o);
  writeReport(join(o.outDir, `${name}.json`), report);
  return report;
}

/**
 * A failed variant leaves no archive under its name (an earlier good one is removed: it would be taken for this
 * run's) and, for `vk`, no `vk-hosting-config.json` pointing at the failed build folder.
 */
function dropFailedOutputs(variant: VariantName, dir: string, zipPath: string, o: PackOptions): void {
  rmSync(zipPath, { force: true });
  if (variant === 'vk' && removeHostingConfigFor(o.repoRoot, dir)) {
    o.log(`[${variant}] removed vk-hosting-config.json: it pointed at this failed build`);
  }
}

const ESC = String.fromCharCode(27);
const stripAnsi = (text: string) =>
  text
    .split(ESC)
    .map((part, i) => (i === 0 ? part : part.replace(/^\[[0-9;]*m/, '')))
    .join('');
