/**
 * Each packaging check against a deliberately broken build: an absolute path, an external script, an oversized
 * asset, a second VKWebAppInit, a console error — each fails with the right check and names what broke it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnedSession, startModerationSession } from '../../scripts/package/browser/session.ts';
import { inspectAndPack, type PackOptions } from '../../scripts/package/pipeline.ts';
import type { PackageReport } from '../../scripts/package/report.ts';
import { buildDemo, copyBuild, demoClient } from './support.ts';

let vkDir: string;
let iosDir: string;
let session: OwnedSession;
const outDir = mkdtempSync(join(tmpdir(), 'promo-archive-'));
/** The "repository" the vk runs write `vk-hosting-config.json` into: not the real one, which `npm run deploy` reads. */
const repoRoot = mkdtempSync(join(tmpdir(), 'promo-repo-'));

beforeAll(async () => {
  vkDir = await buildDemo('vk');
  iosDir = await buildDemo('vk-ios');
  session = await startModerationSession(demoClient());
});
afterAll(async () => {
  await session?.close();
});

function options(version: string, withBrowser = true): PackOptions {
  return {
    repoRoot,
    client: demoClient(),
    version,
    outDir,
    ...(withBrowser ? { session } : {}),
    quickBrowserChecks: true,
    log: () => {},
  };
}

const failed = (report: PackageReport) => report.checks.filter((c) => !c.ok);
const check = (report: PackageReport, name: string) => report.checks.find((c) => c.name === name);

/** Inserts markup before the document's own `</body>` (inlined scripts may contain the string too). */
const beforeBodyEnd = (html: string, markup: string) => {
  const at = html.lastIndexOf('</body>');
  return `${html.slice(0, at)}${markup}${html.slice(at)}`;
};

function editIndex(dir: string, edit: (html: string) => string): void {
  const file = join(dir, 'index.html');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

describe('package checks on broken builds', () => {
  it('the demo build itself passes (quick browser run)', async () => {
    const report = await inspectAndPack('vk', vkDir, options('good'));
    expect(failed(report)).toEqual([]);
    expect(existsSync(join(outDir, 'demo-vk-good.zip'))).toBe(true);
    expect(report.screenshots.length).toBeGreaterThan(0);
  });

  it('an absolute path fails relative-references, naming index.html', async () => {
    const dir = copyBuild(vkDir);
    editIndex(dir, (html) => html.replaceAll('"./assets/', '"/assets/'));
    const report = await inspectAndPack('vk', dir, options('abs', false));
    expect(check(report, 'relative-references')).toMatchObject({ ok: false, files: ['index.html'] });
    expect(check(report, 'relative-references')?.message).toMatch(
      /absolute path: "\/assets\/index-[\w-]+\.js" in index\.html/,
    );
    expect(report.ok).toBe(false);
  });

  it('an external script fails no-external-resources and the first-screen network check', async () => {
    const dir = copyBuild(vkDir);
    editIndex(dir, (html) =>
      html.replace('</head>', '<script src="https://cdn.example.com/tracker.js"></script></head>'),
    );
    const report = await inspectAndPack('vk', dir, options('external'));
    expect(check(report, 'no-external-resources')).toMatchObject({ ok: false, files: ['index.html'] });
    expect(check(report, 'no-external-resources')?.message).toContain('https://cdn.example.com/tracker.js');
    expect(check(report, 'first-screen-network')).toMatchObject({ ok: false });
    expect(check(report, 'first-screen-network')?.message).toContain('https://cdn.example.com/tracker.js');
  });

  it('an oversized asset breaks the ODR limits, naming the file', async () => {
    const dir = copyBuild(iosDir);
    writeFileSync(join(dir, 'promo-video.mp4'), randomBytes(41 * 1024 * 1024));
    const report = await inspectAndPack('vk-ios', dir, options('big', false));
    for (const name of ['odr-unpacked-size', 'odr-packed-size', 'odr-single-file']) {
      expect(check(report, name), name).toMatchObject({ ok: false });
      expect(check(report, name)?.files?.[0], name).toBe('promo-video.mp4');
    }
    expect(check(report, 'odr-unpacked-size')?.message).toMatch(/> 40 MB; largest: promo-video\.mp4 41\.0 MB/);
  });

  it('a second VKWebAppInit fails vk-init-once', async () => {
    const dir = copyBuild(vkDir);
    const again = `<script>setTimeout(()=>parent.postMessage({handler:'VKWebAppInit',params:{request_id:'again'},type:'vk-connect'},'*'),300)</script>`;
    editIndex(dir, (html) => beforeBodyEnd(html, again));
    const report = await inspectAndPack('vk', dir, options('init-twice'));
    expect(check(report, 'vk-init-once')).toMatchObject({ ok: false });
    expect(check(report, 'vk-init-once')?.message).toContain('VKWebAppInit sent 2 times');
  });

  it('a console error fails no-console-errors with the message', async () => {
    const dir = copyBuild(iosDir);
    editIndex(dir, (html) => beforeBodyEnd(html, `<script>console.error('deliberately broken build')</script>`));
    const report = await inspectAndPack('vk-ios', dir, options('console'));
    expect(check(report, 'no-console-errors')).toMatchObject({ ok: false });
    expect(check(report, 'no-console-errors')?.message).toContain('deliberately broken build');
    expect(failed(report).map((c) => c.name)).toEqual(['no-console-errors']);
  });
});
