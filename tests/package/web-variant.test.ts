/**
 * Issue 17, the web entry as a packaged variant: its demo build ships `.br`/`.gz` copies (its server, the API at
 * `/web/`, picks them), passes every check with the moderation checks signed in through VK ID (the local fake), and a
 * broken web build is refused like the others.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OwnedSession, startModerationSession } from '../../scripts/package/browser/session.ts';
import { listFiles } from '../../scripts/package/files.ts';
import { inspectAndPack, type PackOptions } from '../../scripts/package/pipeline.ts';
import type { PackageReport } from '../../scripts/package/report.ts';
import { buildDemo, copyBuild, demoClient, REPO_ROOT } from './support.ts';

let webDir: string;
let session: OwnedSession;
const outDir = mkdtempSync(join(tmpdir(), 'promo-web-archive-'));

beforeAll(async () => {
  webDir = await buildDemo('web');
  session = await startModerationSession(demoClient());
});
afterAll(async () => {
  await session?.close();
});

const options = (version: string, withBrowser = true): PackOptions => ({
  repoRoot: REPO_ROOT,
  client: demoClient(),
  version,
  outDir,
  ...(withBrowser ? { session } : {}),
  quickBrowserChecks: true,
  log: () => {},
});
const check = (report: PackageReport, name: string) => report.checks.find((c) => c.name === name);

function editIndex(dir: string, edit: (html: string) => string): void {
  const file = join(dir, 'index.html');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
}

describe('item 2: the web variant', () => {
  it('item 2: the demo web build has its precompressed copies and passes every check, signed in through VK ID', async () => {
    const files = listFiles(webDir).map((f) => f.path);
    const script = readFileSync(join(webDir, 'index.html'), 'utf8').match(/src="\.\/(assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    for (const copy of [`${script}.br`, `${script}.gz`]) expect(files).toContain(copy);
    // Signed in by a cookie, not a launch in the URL: no early first-screen requests to fail signed out.
    expect(readFileSync(join(webDir, 'index.html'), 'utf8')).not.toContain('__promoFirstScreen');

    const report = await inspectAndPack('web', webDir, options('good'));
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(check(report, 'web-sign-in')).toMatchObject({ ok: true });
    expect(check(report, 'platform-isolation')?.message).toBe('only web platform code');
    expect(check(report, 'precompressed-copies')?.message).toMatch(/^[1-9]\d* precompressed copies$/);
    expect(existsSync(join(outDir, 'demo-web-good.zip'))).toBe(true);
    expect(report.screenshots).toContain('demo-web-good/web-signed-out.png');
  });

  it('item 2: an external script in the web build fails no-external-resources and the first-screen network check', async () => {
    const dir = copyBuild(webDir);
    editIndex(dir, (html) =>
      html.replace('</head>', '<script src="https://cdn.example.com/tracker.js"></script></head>'),
    );
    const report = await inspectAndPack('web', dir, options('external'));
    expect(report.ok).toBe(false);
    expect(check(report, 'no-external-resources')).toMatchObject({ ok: false, files: ['index.html'] });
    expect(check(report, 'no-external-resources')?.message).toContain('https://cdn.example.com/tracker.js');
    expect(check(report, 'first-screen-network')).toMatchObject({ ok: false });
    expect(check(report, 'first-screen-network')?.message).toContain('https://cdn.example.com/tracker.js');
  });

  it('item 2: a web build that never lets the signed-in visitor in fails web-sign-in', async () => {
    const dir = copyBuild(webDir);
    // The session check answered "signed out" whatever the cookie says: the VK ID login leads back to the button.
    const signedOut = `<script>const f=window.fetch;window.fetch=(u,o)=>String(u).endsWith('/api/web/session')?Promise.resolve(new Response('{"signedIn":false,"vkAppUrl":"x"}',{headers:{'content-type':'application/json'}})):f(u,o);</script>`;
    editIndex(dir, (html) => html.replace('</title>', `</title>${signedOut}`));
    const report = await inspectAndPack('web', dir, options('never-in'));
    expect(check(report, 'web-sign-in')).toMatchObject({ ok: false });
    expect(check(report, 'web-sign-in')?.message).toContain('still asked to sign in');
    expect(report.ok).toBe(false);
  });

  it('item 2: vk-bridge in the web build fails platform-isolation, naming the file', async () => {
    const dir = copyBuild(webDir);
    writeFileSync(
      join(dir, 'assets', 'bridge.js'),
      'parent.postMessage({type:"vk-connect",handler:"VKWebAppInit"},"*")',
    );
    const report = await inspectAndPack('web', dir, options('bridge', false));
    expect(check(report, 'platform-isolation')).toMatchObject({ ok: false, files: ['assets/bridge.js'] });
  });
});
