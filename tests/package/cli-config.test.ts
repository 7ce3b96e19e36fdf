/**
 * Configuration and argument errors are exit 2 before anything is built, each bad field named: a missing logo file,
 * unknown keys (typos), a version that cannot be part of a file name. Fast: no Vite build, no browser (the one CLI
 * run stops at the configuration).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkVersion, parseCliArgs, UsageError } from '../../scripts/package/cli-args.ts';
import { ClientConfigError, configNotes, loadClientConfig } from '../../scripts/package/client-config.ts';
import { DEMO_CONFIG_FILE, REPO_ROOT } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'promo-client-config-'));
const demo = () => JSON.parse(readFileSync(DEMO_CONFIG_FILE, 'utf8')) as Record<string, unknown>;

/** Writes a configuration into the temp folder and returns its path. */
function configFile(name: string, config: unknown): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(config));
  return file;
}

function configError(file: string): string {
  try {
    loadClientConfig(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ClientConfigError);
    return (err as Error).message;
  }
  throw new Error(`${file} was accepted`);
}

describe('client configuration', () => {
  it('the demo configuration is valid', () => {
    expect(loadClientConfig(DEMO_CONFIG_FILE).id).toBe('demo');
  });

  it('the API is https (a plain-http one is blocked as mixed content in the platforms), http only on localhost', () => {
    expect(configError(configFile('http-api.json', { ...demo(), apiBaseUrl: 'http://promo-api.example' }))).toContain(
      'apiBaseUrl: https (http only for localhost)',
    );
    expect(loadClientConfig(configFile('local-api.json', { ...demo(), apiBaseUrl: 'http://localhost:8080' })).id).toBe(
      'demo',
    );
  });

  it('a logo file that does not exist is a configuration error naming the field and the path', () => {
    const file = configFile('missing-logo.json', { ...demo(), logo: './does-not-exist.png' });
    expect(configError(file)).toContain(`logo: file not found (${join(dir, 'does-not-exist.png')})`);
  });

  it('a logo of a type the build cannot inline is a configuration error', () => {
    writeFileSync(join(dir, 'logo.gif'), 'GIF89a');
    const file = configFile('gif-logo.json', { ...demo(), logo: './logo.gif' });
    expect(configError(file)).toMatch(/logo: use \.svg, \.png, \.jpg, \.jpeg or \.webp/);
  });

  it('an existing logo file (relative to the configuration) and an image data: URL are accepted', () => {
    writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(loadClientConfig(configFile('svg-logo.json', { ...demo(), logo: './logo.svg' })).logo).toBe('./logo.svg');
    const data = configFile('data-logo.json', { ...demo(), logo: 'data:image/svg+xml,%3Csvg%2F%3E' });
    expect(loadClientConfig(data).logo).toMatch(/^data:image/);
  });

  it('unknown keys are errors, each named with its path (and the key it probably meant)', () => {
    const config = demo();
    const file = configFile('typo.json', {
      ...config,
      vk: { appId: 51000097, groupID: 123 },
      OK: { appKey: 'CBAXYZ' },
      colors: { accent: '#00AA00', accent_dark: '#112233' },
    });
    const message = configError(file);
    expect(message).toContain('vk.groupID: unknown key (did you mean "groupId"?)');
    expect(message).toContain('OK: unknown key (did you mean "ok"?)');
    expect(message).toContain('colors.accent_dark: unknown key (did you mean "accentDark"?)');
    const nested = configFile('typo-nested.json', {
      ...config,
      ok: { appKey: 'K', group: '1' },
      telegram: { botUsername: 'demo_promo_bot', appName: 'promo', token: 'x' },
    });
    expect(configError(nested)).toMatch(/ok\.group: unknown key\n\s+telegram\.token: unknown key$/);
  });

  it('ok and telegram sections are optional (neither the bundle nor the server needs them); a missing OK group is said', () => {
    const { ok: _ok, telegram: _telegram, ...bare } = demo();
    const config = loadClientConfig(configFile('no-ok.json', bare));
    expect(config.ok).toBeUndefined();
    expect(configNotes(config, ['ok', 'telegram'])).toEqual([
      '[ok] note: no ok.groupId in the configuration: "join community" answers unsupported on OK',
    ]);
    expect(configNotes(config, ['vk', 'telegram'])).toEqual([]);
    expect(configNotes(loadClientConfig(DEMO_CONFIG_FILE), ['ok'])).toEqual([]);
  });
});

describe('package arguments', () => {
  const parse = (...argv: string[]) => parseCliArgs(argv, REPO_ROOT);
  const usage = (...argv: string[]) => {
    try {
      parse(...argv);
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      return (err as Error).message;
    }
    throw new Error(`${argv.join(' ')} was accepted`);
  };

  it('defaults: the demo client, package.json version, archive/, browser checks on', () => {
    expect(parse('vk')).toEqual({
      variants: ['vk'],
      configFile: DEMO_CONFIG_FILE,
      version: JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version,
      outDir: join(REPO_ROOT, 'archive'),
      browser: true,
    });
    expect(parse('all', '--no-browser', '--version', '1.4.0-rc.1+b7').version).toBe('1.4.0-rc.1+b7');
  });

  it('a version that is empty, has a slash or climbs folders is refused before building', () => {
    expect(usage('vk', '--version', '1.0/beta')).toMatch(/--version "1\.0\/beta" is not a valid version/);
    expect(usage('vk', '--version', '')).toMatch(/--version "" is not a valid version/);
    expect(usage('vk', '--version', '../../x')).toMatch(/is not a valid version/);
    expect(usage('vk', '--version', '.hidden')).toMatch(/is not a valid version/);
    expect(usage('vk', '--version', 'a'.repeat(33))).toMatch(/is not a valid version/);
    expect(() => checkVersion('1.0 beta', 'v')).toThrow(UsageError);
  });

  it('unknown variants and options are usage errors', () => {
    expect(usage('android')).toMatch(/Unknown variant "android"/);
    expect(usage('vk', '--zip')).toMatch(/--zip/);
  });
});

describe('npm run package with a bad configuration', () => {
  it('exits 2 naming the field, before any build and without touching the output folder', () => {
    const out = join(dir, 'out');
    const file = configFile('cli-missing-logo.json', { ...demo(), id: 'nologo', logo: './nope.png' });
    const run = spawnSync(
      'npx',
      ['tsx', 'scripts/package/cli.ts', 'all', '--no-browser', '--app', file, '--out', out],
      {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(`logo: file not found (${join(dir, 'nope.png')})`);
    expect(run.stderr).not.toContain('build (vite');
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('docs/packaging.md', () => {
  it('every --app example names a client file that exists', () => {
    const docs = readFileSync(join(REPO_ROOT, 'docs/packaging.md'), 'utf8');
    const files = [...docs.matchAll(/--app (?!<)(\S+)/g)].map((m) => m[1] ?? '');
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(existsSync(resolve(REPO_ROOT, file)), file).toBe(true);
  });
});
