/**
 * @module `vk-hosting-config.json` for @vkontakte/vk-miniapps-deploy (read from the working folder):
 * `static_path` is the build folder, each endpoint a file inside it — the tool throws if one is missing.
 * The packager writes it only for a `vk` build that passed every check, and removes it when it points at a build
 * that has just failed (pipeline.ts), so `npm run deploy` never uploads a failed build.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type CheckResult, fail, pass } from './checks/check.ts';

export interface HostingConfig {
  static_path: string;
  app_id: number;
  endpoints: { mobile: string; mvk: string; web: string };
}

export function hostingConfig(cwd: string, staticDir: string, appId: number): HostingConfig {
  return {
    static_path: relative(cwd, staticDir).split('\\').join('/') || '.',
    app_id: appId,
    endpoints: { mobile: 'index.html', mvk: 'index.html', web: 'index.html' },
  };
}

export function checkHostingConfig(cwd: string, config: HostingConfig): CheckResult {
  const missing = Object.entries(config.endpoints).filter(
    ([, file]) => !existsSync(join(cwd, config.static_path, file)),
  );
  return missing.length === 0
    ? pass('hosting-config', `static_path ${config.static_path}: endpoints present`)
    : fail(
        'hosting-config',
        `endpoint file missing: ${missing.map(([k, f]) => `${k} → ${f}`).join(', ')}`,
        missing.map(([, f]) => f),
      );
}

export function writeHostingConfig(cwd: string, config: HostingConfig): string {
  const file = join(cwd, 'vk-hosting-config.json');
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return file;
}

/**
 * Removes `vk-hosting-config.json` if it points at `staticDir` (a build that just failed: the folder now holds it);
 * one pointing elsewhere, or unreadable, is left alone. Returns whether it was removed.
 */
export function removeHostingConfigFor(cwd: string, staticDir: string): boolean {
  const file = join(cwd, 'vk-hosting-config.json');
  let current: Partial<HostingConfig>;
  try {
    current = JSON.parse(readFileSync(file, 'utf8')) as Partial<HostingConfig>;
  } catch {
    return false;
  }
  if (current.static_path !== hostingConfig(cwd, staticDir, 0).static_path) return false;
  rmSync(file, { force: true });
  return true;
}
