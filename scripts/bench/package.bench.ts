/**
 * `npm run package -- all --no-browser` wall time (baseline: one plain `vite build` of the app in the same run),
 * and each variant's initial download — gzip of index.html and the JS and CSS it references, inlined code for the
 * iOS single file — against a minimal VKUI hello-world (`hello-world/`: ConfigProvider/AppRoot/View/Panel with
 * `vkui.css`) built in the same run with the same versions. Goal ≤ 1.3. The ratio against VK's mini-app starter
 * (`hello-world-template/`: + vk-bridge + vk-mini-apps-router) is reported beside it (`ratio_vs_vk_starter`).
 * The iOS archive is the whole app in one file (lazy chunks inlined), installed through On-Demand Resources rather
 * than downloaded per launch: it is judged against the starter, as before, and carries the bare-VKUI ratio too
 * (docs/decisions/007).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { loadClientConfig } from '../package/client-config.ts';
import { packageBuildDir } from '../package/pipeline.ts';
import { VARIANTS } from '../package/variants.ts';
import { type BenchResult, result } from './types.ts';

const repoRoot = resolve(import.meta.dirname, '../..');

/** gzip bytes of index.html plus every script and stylesheet it references (what the first screen downloads). */
export function initialDownloadBytes(dir: string): number {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  let total = gzipSync(html, { level: 9 }).byteLength;
  const refs = html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\.\/[^"]+\.(?:js|css))"/g);
  for (const m of refs) total += gzipSync(readFileSync(join(dir, m[1] ?? '')), { level: 9 }).byteLength;
  return total;
}

/**
 * gzip bytes of the brand office's own first chunk (`AdminOffice-*.js` and its CSS) in a build: what a brand member
 * downloads on opening the office, on top of the participant's first screen. Refuses a build whose index.html
 * references office code (the office must never be part of a participant's initial download).
 */
export function officeFirstChunkBytes(dir: string): number {
  if (readFileSync(join(dir, 'index.html'), 'utf8').includes('AdminOffice'))
    throw new Error(`${dir}/index.html references the office chunk`);
  const files = readdirSync(join(dir, 'assets')).filter((f) => /^AdminOffice-[\w-]+\.(js|css)$/.test(f));
  if (!files.some((f) => f.endsWith('.js'))) throw new Error(`no AdminOffice chunk in ${dir}/assets`);
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dir, 'assets', f)), { level: 9 }).byteLength, 0);
}

function timed(args: string[]): number {
  const started = performance.now();
  const run = spawnSync('npm', args, { cwd: repoRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${run.stderr.slice(-2000)}`);
  return performance.now() - started;
}

export default async function benchPackage(): Promise<BenchResult[]> {
  const helloDir = mkdtempSync(join(tmpdir(), 'hello-world-'));
  await build({
    configFile: join(import.meta.dirname, 'hello-world/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: helloDir },
  });
  const hello = initialDownloadBytes(helloDir);
  const templateDir = mkdtempSync(join(tmpdir(), 'hello-template-'));
  await build({
    configFile: join(import.meta.dirname, 'hello-world-template/vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: templateDir },
  });
  const template = initialDownloadBytes(templateDir);

  const plainBuildMs = timed(['run', 'build']);
  const packageMs = timed([
    'run',
    'package',
    '--',
    'all',
    '--no-browser',
    '--out',
    mkdtempSync(join(tmpdir(), 'bench-archive-')),
  ]);
  const client = loadClientConfig(join(dirname(import.meta.dirname), 'package/clients/demo.json'));
  const vkDir = packageBuildDir(repoRoot, client, 'vk');
  return [
    result({
      name: 'office_first_chunk_vk',
      value: officeFirstChunkBytes(vkDir),
      unit: 'B gzip',
      baseline: initialDownloadBytes(vkDir),
      goal: '<= 0.5',
      note: 'the office chunk (JS + CSS) a brand member loads on opening #/admin, vs the participant initial download of the same build; never in index.html',
    }),
    result({
      name: 'package_all_time',
      value: Math.round(packageMs),
      unit: 'ms',
      baseline: Math.round(plainBuildMs),
      goal: '<= 8',
      note: 'package all (5 builds, checks, zips) vs one plain vite build; browser checks excluded',
    }),
    ...VARIANTS.map((variant) => {
      const bytes = initialDownloadBytes(packageBuildDir(repoRoot, client, variant));
      const singleFile = variant === 'vk-ios';
      return result({
        name: `initial_download_${variant}`,
        value: bytes,
        unit: 'B gzip',
        baseline: singleFile ? template : hello,
        goal: '<= 1.3',
        judged_against: singleFile ? 'vk_starter' : 'bare_vkui',
        bare_vkui_baseline: hello,
        ratio_vs_bare_vkui: Math.round((bytes / hello) * 1000) / 1000,
        template_baseline: template,
        ratio_vs_vk_starter: Math.round((bytes / template) * 1000) / 1000,
        ...(singleFile ? { note: 'single file: the whole app inlined, lazy chunks included (ODR archive)' } : {}),
      });
    }),
  ];
}
