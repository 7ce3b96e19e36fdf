/**
 * Issue 12 (p8), items 2 and 3: the first screen's files carry the first screen and nothing else. Real `vite build`s
 * of the vk and telegram variants with source maps; the files index.html asks for (script, modulepreloads,
 * stylesheet) are read back to the modules they were built from. The later panels (campaign, rules, promo
 * mechanics, support, beta, the office) and, in the Telegram build, the Telegram bridge with its schema library must
 * not be among them — and must exist in other chunks, so the check cannot pass by looking at the wrong thing. index.html
 * names no later chunk at all (no modulepreload, preload or prefetch of it): those are fetched after the first
 * render (tests/browser/first-screen-render.test.ts checks when).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support.ts';

/** Modules of panels that are not the first screen (paths relative to the repository). */
const LATER_PANELS: Array<[string, RegExp]> = [
  ['campaign panel', /^miniapp\/screens\/CampaignPanel\.tsx$/],
  ['rules panel', /^miniapp\/screens\/RulesPanel\.tsx$/],
  ['promo mechanics', /^miniapp\/screens\/promo\//],
  ['support', /^miniapp\/screens\/support\//],
  ['beta', /^miniapp\/screens\/beta\//],
  ['office', /^miniapp\/admin\//],
  ['promo strings', /^miniapp\/i18n-promo\.ts$/],
  ['support strings', /^miniapp\/i18n-support\.ts$/],
];
const TELEGRAM_BRIDGE: Array<[string, RegExp]> = [
  ['@telegram-apps/bridge', /node_modules\/@telegram-apps\/bridge\//],
  ['@telegram-apps/transformers', /node_modules\/@telegram-apps\/transformers\//],
  ['valibot', /node_modules\/valibot\//],
];

interface Built {
  dir: string;
  /** Files index.html references (./assets/…), in order. */
  initial: string[];
  /** Each JS chunk's source modules, repository-relative. */
  sources: Map<string, string[]>;
}

async function buildWithMaps(mode: 'vk' | 'telegram'): Promise<Built> {
  const dir = mkdtempSync(join(tmpdir(), `first-screen-entry-${mode}-`));
  process.env.PROMO_PRECOMPRESS = '0';
  await build({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    mode,
    logLevel: 'warn',
    build: { outDir: dir, sourcemap: true },
  });
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1] as string);
  const sources = new Map<string, string[]>();
  for (const file of readdirSync(join(dir, 'assets')).filter((f) => f.endsWith('.js'))) {
    // The bundler's runtime chunk (0.7 KB) has no source map: it has no module of ours.
    if (!existsSync(join(dir, 'assets', `${file}.map`))) continue;
    const map = JSON.parse(readFileSync(join(dir, 'assets', `${file}.map`), 'utf8')) as { sources: string[] };
    // Map sources are relative to the chunk's folder (<outDir>/assets): keep the part from the repository down.
    sources.set(
      `assets/${file}`,
      map.sources.map((s) =>
        s
          .replace(/^(\.\.\/)+/, '/')
          .replace(`${REPO_ROOT}/`, '')
          .replace(/^.*?(?=miniapp\/|node_modules\/)/, ''),
      ),
    );
  }
  return { dir, initial, sources };
}

const initialModules = (b: Built) => b.initial.flatMap((f) => b.sources.get(f) ?? []);
const laterModules = (b: Built) =>
  [...b.sources].filter(([file]) => !b.initial.includes(file)).flatMap(([, modules]) => modules);

let vk: Built;
let telegram: Built;
beforeAll(async () => {
  const saved = process.env.PROMO_PRECOMPRESS;
  try {
    vk = await buildWithMaps('vk');
    telegram = await buildWithMaps('telegram');
  } finally {
    if (saved === undefined) delete process.env.PROMO_PRECOMPRESS;
    else process.env.PROMO_PRECOMPRESS = saved;
  }
}, 400_000);
afterAll(() => {
  for (const b of [vk, telegram]) if (b) rmSync(b.dir, { recursive: true, force: true });
});

describe('item 3: the first screen downloads only the first screen', () => {
  it('item 3: index.html asks for the entry, the bundler runtime and one stylesheet; the home panel is in the entry', () => {
    for (const b of [vk, telegram]) {
      const html = readFileSync(join(b.dir, 'index.html'), 'utf8');
      expect(html.match(/<script type="module"[^>]*src=/g) ?? []).toHaveLength(1);
      expect(b.initial.filter((f) => f.endsWith('.css'))).toHaveLength(1);
      expect(html).not.toMatch(/rel="(?:preload|prefetch)"/);
      // Sanity: the check below reads real module paths.
      expect(initialModules(b)).toContain('miniapp/screens/HomePanel.tsx');
      expect(initialModules(b)).toContain('miniapp/main.tsx');
    }
  });

  it('item 3: no later panel is in a file index.html references, and each is in a lazy chunk', () => {
    for (const b of [vk, telegram]) {
      const initial = initialModules(b);
      const later = laterModules(b);
      for (const [name, pattern] of LATER_PANELS) {
        expect(
          initial.filter((m) => pattern.test(m)),
          `${name} in the first screen's files`,
        ).toEqual([]);
        expect(
          later.some((m) => pattern.test(m)),
          `${name} in a lazy chunk`,
        ).toBe(true);
      }
    }
  });

  it("item 3: the entry starts with V8's compile hint (all its functions compiled while it streams in); lazy chunks do not", () => {
    for (const b of [vk, telegram]) {
      const entry = b.initial.find((f) => f.endsWith('.js') && b.sources.get(f)?.includes('miniapp/main.tsx'));
      expect(entry, 'the entry among the files index.html asks for').toBeDefined();
      expect(readFileSync(join(b.dir, entry as string), 'utf8').startsWith('//# allFunctionsCalledOnLoad\n')).toBe(
        true,
      );
      const lazy = [...b.sources.keys()].filter((f) => !b.initial.includes(f));
      expect(lazy.length).toBeGreaterThan(0);
      for (const f of lazy) expect(readFileSync(join(b.dir, f), 'utf8')).not.toContain('allFunctionsCalledOnLoad');
    }
  });

  it('item 2: the Telegram build reads its launch without the bridge: bridge, transformers and valibot are a later chunk', () => {
    const initial = initialModules(telegram);
    const later = laterModules(telegram);
    for (const [name, pattern] of TELEGRAM_BRIDGE) {
      expect(
        initial.filter((m) => pattern.test(m)),
        `${name} in the first screen's files`,
      ).toEqual([]);
      expect(
        later.some((m) => pattern.test(m)),
        `${name} in a lazy chunk`,
      ).toBe(true);
    }
    expect(initial).toContain('miniapp/platform/telegram.ts');
    expect(initial).not.toContain('miniapp/platform/telegram-bridge.ts');
  });
});
