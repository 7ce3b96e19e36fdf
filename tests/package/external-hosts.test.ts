/**
 * Item 14: every variant's real build, read file by file with scripts included, loads nothing from another host —
 * the router's default 404 image (`https://vk.ru/images/error404.png`) used to sit inside the vk-ios archive's inline
 * script, where the markup-only check never looked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NON_RESOURCE_HOSTS } from '../../scripts/package/checks/external-urls.ts';
import { noExternalResources } from '../../scripts/package/checks/static-checks.ts';
import { listFiles } from '../../scripts/package/files.ts';
import { VARIANT_FACTS, VARIANTS } from '../../scripts/package/variants.ts';
import { buildDemo, copyBuild, demoClient } from './support.ts';

const builds = new Map<string, string>();

beforeAll(async () => {
  for (const variant of VARIANTS) builds.set(variant, await buildDemo(variant));
});

describe('item 14: no external resources in any built variant, scripts included', () => {
  for (const variant of VARIANTS) {
    it(`item 14: the ${variant} build passes the whole-output scan`, () => {
      const dir = builds.get(variant) as string;
      const check = noExternalResources(listFiles(dir), demoClient().apiBaseUrl, VARIANT_FACTS[variant].linkHosts);
      expect(check, check.message).toMatchObject({ ok: true });
      // Not by luck: every script of the build was read, and the router's default 404 is not among them.
      const text = listFiles(dir)
        .filter((f) => /\.(html|m?js)$/.test(f.path))
        .map((f) => readFileSync(f.absolute, 'utf8'))
        .join('\n');
      expect(text).not.toContain('vk.ru/images/error404.png');
    });
  }

  it('item 14: the same URL put back into the vk-ios inline script fails the check, naming index.html', () => {
    const dir = copyBuild(builds.get('vk-ios') as string);
    const file = join(dir, 'index.html');
    const html = readFileSync(file, 'utf8');
    const at = html.indexOf('</script>');
    writeFileSync(
      file,
      `${html.slice(0, at)};var x={background:\`url(https://vk.ru/images/error404.png)\`};${html.slice(at)}`,
    );
    const check = noExternalResources(listFiles(dir), demoClient().apiBaseUrl);
    expect(check).toMatchObject({ ok: false, files: ['index.html'] });
    expect(check.message).toContain('https://vk.ru/images/error404.png');
  });

  it('item 14: the allow-list stays short and names only hosts of string constants', () => {
    expect(Object.keys(NON_RESOURCE_HOSTS).length).toBeLessThanOrEqual(8);
    expect(Object.keys(NON_RESOURCE_HOSTS)).not.toContain('vk.ru');
    expect(Object.keys(NON_RESOURCE_HOSTS)).not.toContain('vk.com');
  });
});
