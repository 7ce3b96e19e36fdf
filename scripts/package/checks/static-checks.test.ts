import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../files.ts';
import { VARIANT_FACTS } from '../variants.ts';
import { odrEntryCount, odrPackedSize, odrSingleFile, odrUnpackedSize } from './odr-limits.ts';
import {
  fileSizeBudget,
  indexAtRoot,
  noExternalResources,
  platformIsolation,
  precompressedCopies,
  referencesExist,
  relativeReferences,
} from './static-checks.ts';

function build(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'static-check-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const API = 'https://promo-api.demo.example';
const GOOD_HTML = `<!doctype html><html><head><link rel="icon" href="data:,">
<script type="module" crossorigin src="./assets/index.js"></script><link rel="stylesheet" href="./assets/index.css"></head>
<body><div id="root"></div></body></html>`;
const good = {
  'index.html': GOOD_HTML,
  'assets/index.js': 'postMessage({type:`vk-connect`})',
  'assets/index.css': 'a{background:url(./bg.svg)}',
  'assets/bg.svg': '<svg/>',
};

describe('checks on the built files', () => {
  it('pass on a relative, self-contained build', () => {
    const root = build(good);
    const files = listFiles(root);
    for (const check of [
      indexAtRoot(root),
      relativeReferences(files),
      noExternalResources(files),
      referencesExist(root, files),
      platformIsolation('vk', files),
    ]) {
      expect(check, check.message).toMatchObject({ ok: true });
    }
  });

  it('fail on an absolute path, naming the file', () => {
    const root = build({ ...good, 'index.html': GOOD_HTML.replace('./assets/index.js', '/assets/index.js') });
    const check = relativeReferences(listFiles(root));
    expect(check).toMatchObject({ ok: false, name: 'relative-references', files: ['index.html'] });
    expect(check.message).toContain('absolute path: "/assets/index.js" in index.html');
  });

  it('fail on an absolute path in a stylesheet', () => {
    const root = build({ ...good, 'assets/index.css': 'a{background:url(/static/bg.svg)}' });
    expect(relativeReferences(listFiles(root))).toMatchObject({ ok: false, files: ['assets/index.css'] });
  });

  it('fail on an external script, naming it', () => {
    const html = GOOD_HTML.replace('</head>', '<script src="https://cdn.example.com/tracker.js"></script></head>');
    const check = noExternalResources(listFiles(build({ ...good, 'index.html': html })));
    expect(check).toMatchObject({ ok: false, name: 'no-external-resources', files: ['index.html'] });
    expect(check.message).toContain('"https://cdn.example.com/tracker.js" in index.html');
  });

  it('fail on a web font from another host', () => {
    const css = '@import "https://fonts.example.com/css?family=X";';
    expect(noExternalResources(listFiles(build({ ...good, 'assets/index.css': css })))).toMatchObject({ ok: false });
  });

  it('item 14: fail on an image URL inside a script string, like the router default 404 in the vk-ios archive', () => {
    const js = 'var s={background:`#3f5d81 url(https://vk.ru/images/error404.png) no-repeat 50% 50%`};';
    const check = noExternalResources(listFiles(build({ ...good, 'assets/index.js': js })), API);
    expect(check).toMatchObject({ ok: false, name: 'no-external-resources', files: ['assets/index.js'] });
    expect(check.message).toContain('"https://vk.ru/images/error404.png" in assets/index.js');
    // The same inside the single-file archive's inline script.
    const inline = GOOD_HTML.replace('</body>', `<script type="module">${js}</script></body>`);
    expect(noExternalResources(listFiles(build({ ...good, 'index.html': inline })), API)).toMatchObject({ ok: false });
  });

  it('item 14: pass on string constants nobody fetches, fail on unlisted hosts and resource-shaped URLs on listed ones', () => {
    const constants = [
      'createElementNS(`http://www.w3.org/2000/svg`,e)',
      'throw Error(`https://react.dev/errors/`+e)',
      `fetch(\`${API}/api/campaigns\`)`,
    ].join(';');
    expect(noExternalResources(listFiles(build({ ...good, 'assets/index.js': constants })), API)).toMatchObject({
      ok: true,
    });
    for (const js of [
      'fetch(`https://collector.example.com/hit`)', // a fetchable host that is on no list
      'a.src=`https://react.dev/logo.svg`', // a resource-shaped URL, even on a listed host
      'el.style.background=`url(//cdn.example.com/x)`', // a CSS url() inside a script string
      'link.href="https://fonts.example.com/css2?family=Inter"',
    ]) {
      const check = noExternalResources(listFiles(build({ ...good, 'assets/index.js': js })), API);
      expect(check, js).toMatchObject({ ok: false, files: ['assets/index.js'] });
    }
    // The API origin is allowed only as the API: without it, its URL is an unlisted host.
    expect(noExternalResources(listFiles(build({ ...good, 'assets/index.js': constants })))).toMatchObject({
      ok: false,
    });
  });

  it('item 1: the web variant links to vk.com ("open in VK") where no other variant may, never as a resource', () => {
    const link = 'let a=`https://vk.com/`;b.href=a';
    const files = listFiles(build({ ...good, 'assets/index.js': link }));
    expect(noExternalResources(files, API, VARIANT_FACTS.web.linkHosts)).toMatchObject({ ok: true });
    expect(noExternalResources(files, API, VARIANT_FACTS.vk.linkHosts)).toMatchObject({ ok: false });
    const image = listFiles(build({ ...good, 'assets/index.js': 'x=`https://vk.com/images/error404.png`' }));
    expect(noExternalResources(image, API, VARIANT_FACTS.web.linkHosts)).toMatchObject({ ok: false });
  });

  it('item 1: an example.com host in the office bundle fails like any other unlisted host', () => {
    const office = 'p=`https://crm.example.com/hooks/leads`';
    expect(noExternalResources(listFiles(build({ ...good, 'assets/office.js': office })), API)).toMatchObject({
      ok: false,
    });
  });

  it('fail on a missing referenced file and a missing index.html', () => {
    const root = build({ 'start.html': GOOD_HTML, 'assets/index.js': '' });
    expect(indexAtRoot(root)).toMatchObject({ ok: false, files: ['index.html'] });
    const check = referencesExist(root, listFiles(root));
    expect(check).toMatchObject({ ok: false, files: ['start.html'] });
    expect(check.message).toContain('./assets/index.css');
  });

  it('fail on an oversized asset, naming it', () => {
    const root = build({ ...good, 'assets/hero.png': 'x'.repeat(3000) });
    const check = fileSizeBudget(listFiles(root), 2048);
    expect(check).toMatchObject({ ok: false, name: 'asset-size', files: ['assets/hero.png'] });
  });

  it('fail when another platform SDK is in the bundle', () => {
    const root = build({ ...good, 'assets/tg.js': 'window.TelegramWebviewProxy.postEvent()' });
    const check = platformIsolation('vk', listFiles(root));
    expect(check).toMatchObject({ ok: false, files: ['assets/tg.js'] });
    expect(platformIsolation('telegram', listFiles(build(good)))).toMatchObject({ ok: false });
  });

  it('item 1: the web bundle is known by its VK ID session call; vk-bridge in it fails, and it in a VK bundle', () => {
    const web = { ...good, 'assets/index.js': 'fetch(b+"/api/web/session",{credentials:"same-origin"})' };
    expect(platformIsolation('web', listFiles(build(web)))).toMatchObject({ ok: true });
    expect(platformIsolation('web', listFiles(build(good)))).toMatchObject({ ok: false });
    const both = listFiles(build({ ...web, 'assets/bridge.js': 'postMessage({type:`vk-connect`})' }));
    expect(platformIsolation('web', both)).toMatchObject({ ok: false, files: ['assets/bridge.js'] });
    expect(platformIsolation('vk', both)).toMatchObject({ ok: false, files: ['assets/index.js'] });
  });

  it('item 12: fail on .br/.gz copies in the VK hosting bundle, accept them in self-hosted variants', () => {
    const files = listFiles(build({ ...good, 'assets/index.js.br': 'x', 'assets/index.js.gz': 'x' }));
    expect(precompressedCopies('vk', files)).toMatchObject({
      ok: false,
      files: ['assets/index.js.br', 'assets/index.js.gz'],
    });
    expect(precompressedCopies('vk-ios', files)).toMatchObject({ ok: false });
    expect(precompressedCopies('ok', files)).toMatchObject({ ok: true });
    expect(precompressedCopies('vk', listFiles(build(good)))).toMatchObject({ ok: true });
  });
});

describe('VK ODR limits', () => {
  const MB = 1024 * 1024;
  const file = (path: string, size: number) => ({ path, absolute: `/x/${path}`, size });

  it('fail above 40 MB unpacked, naming the largest files', () => {
    const check = odrUnpackedSize([file('index.html', MB), file('assets/video.mp4', 41 * MB)]);
    expect(check).toMatchObject({ ok: false, name: 'odr-unpacked-size' });
    expect(check.files?.[0]).toBe('assets/video.mp4');
    expect(odrUnpackedSize([file('index.html', 40 * MB)]).ok).toBe(true);
  });

  it('fail above 20 MB packed and above 1000 files and folders', () => {
    expect(odrPackedSize([file('index.html', 1)], 20 * MB + 1)).toMatchObject({ ok: false, name: 'odr-packed-size' });
    const many = Array.from({ length: 999 }, (_, i) => file(`assets/${i}.js`, 1));
    expect(odrEntryCount(many).ok).toBe(true); // 999 files + 1 folder
    expect(odrEntryCount([...many, file('index.html', 1)])).toMatchObject({ ok: false });
  });

  it('name every file besides index.html in a single-file archive', () => {
    expect(odrSingleFile([file('index.html', 1), file('assets/a.js', 1)])).toMatchObject({
      ok: false,
      files: ['assets/a.js'],
    });
  });
});
