/**
 * Issue 16 (p7), item 4: the participant's production build carries no chart library and no statistics code. The
 * files a participant downloads at start — index.html, what it references, and every chunk those import statically —
 * hold neither uPlot nor the stats screens; the office's first chunk (what a member loads on opening #/admin) holds no
 * uPlot either; the iOS archive (one file with every lazy chunk inlined) holds neither. The stats chunk itself must
 * exist and contain uPlot, so the checks cannot pass by looking at the wrong thing.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, copyBuild } from './support.ts';

/** Strings only uPlot's code has (its legend and cursor class names). */
const UPLOT_MARKERS = ['u-legend', 'u-cursor-pt'];
/** Strings only the statistics office has: its API client's path and its heatmap. */
const STATS_MARKERS = ['/api/admin/stats/', 'stats-retention-heatmap'];
/** Strings only the mailings section has: its API client's path and its launch-source names. */
// The section's API client and its own words (launch sources' words are shared with the statistics: not a marker).
const MAILINGS_MARKERS = ['/api/admin/mailing/campaigns/', 'At most hours (empty: no limit)'];

/** `dir`-relative chunk files `file` imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(dir: string, file: string): string[] {
  const text = readFileSync(join(dir, file), 'utf8');
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["']\.\/([\w.-]+\.js)["']/g)) found.add(`assets/${m[1]}`);
  return [...found];
}

/** index.html plus every script and stylesheet it references, and their static imports, transitively. */
function participantInitialFiles(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] as string);
  const seen = new Set<string>(['index.html']);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...staticImports(dir, file));
  }
  return [...seen];
}

/** The office's first chunk and what it imports statically (not what it loads on demand). */
function officeFirstFiles(dir: string): string[] {
  const entry = readdirSync(join(dir, 'assets')).find((f) => /^AdminOffice-[\w-]+\.js$/.test(f));
  if (!entry) throw new Error(`no AdminOffice chunk in ${dir}`);
  const seen = new Set<string>();
  const queue = [`assets/${entry}`];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...staticImports(dir, file));
  }
  return [...seen];
}

/** Which of `markers` each file contains: `file: marker` for every hit. */
function hits(dir: string, files: string[], markers: string[]): string[] {
  return files.flatMap((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    return markers.filter((m) => text.includes(m)).map((m) => `${file}: ${m}`);
  });
}

let vk: string;
let ios: string;

beforeAll(async () => {
  vk = await buildDemo('vk');
  ios = await buildDemo('vk-ios');
});

describe('item 4: no chart library or statistics code in the participant build', () => {
  it("item 4: the vk build's initial download (with its static imports) has no uPlot and no stats code", () => {
    const initial = participantInitialFiles(vk);
    expect(initial.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1);
    expect(hits(vk, initial, [...UPLOT_MARKERS, ...STATS_MARKERS])).toEqual([]);
  });

  it("item 4: uPlot is in a lazy chunk with the stats screens, not in the office's first chunk", () => {
    const js = readdirSync(join(vk, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `assets/${f}`);
    const withUplot = js.filter((f) => hits(vk, [f], UPLOT_MARKERS).length === UPLOT_MARKERS.length);
    // Not vacuous: the chart library is in the build, in the chunk that draws the stats.
    expect(withUplot.length).toBe(1);
    expect(hits(vk, withUplot, STATS_MARKERS).length).toBeGreaterThan(0);
    expect(hits(vk, officeFirstFiles(vk), UPLOT_MARKERS)).toEqual([]);
  });

  it("the mailings section is a lazy chunk of its own, not in the office's first chunk", () => {
    const js = readdirSync(join(vk, 'assets'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => `assets/${f}`);
    // Not vacuous: the section is in the build.
    expect(js.filter((f) => hits(vk, [f], MAILINGS_MARKERS).length === MAILINGS_MARKERS.length)).toHaveLength(1);
    expect(hits(vk, officeFirstFiles(vk), MAILINGS_MARKERS)).toEqual([]);
    // Launch sources in words (miniapp/admin/launch-source.ts, the statistics' and the mailings' one home) load with
    // those sections, not with the office's first chunk.
    expect(hits(vk, officeFirstFiles(vk), ['catalog_friends_recommendations'])).toEqual([]);
  });

  it('item 4: the iOS archive (every lazy chunk inlined) has no uPlot and no stats code', () => {
    expect(hits(ios, ['index.html'], [...UPLOT_MARKERS, ...STATS_MARKERS])).toEqual([]);
  });

  it('decision 024: the iOS archive holds no office section (no /api/admin client), while the vk build does', () => {
    // The office's API paths are the marker: only office code calls /api/admin. The invitation panel, which stays in
    // the archive, calls /api/office/invitations.
    expect(hits(ios, ['index.html'], ['/api/admin/'])).toEqual([]);
    const js = readdirSync(join(vk, 'assets')).filter((f) => f.endsWith('.js'));
    expect(
      hits(
        vk,
        js.map((f) => `assets/${f}`),
        ['/api/admin/'],
      ).length,
    ).toBeGreaterThan(0);
  });

  it('item 4: the check sees a stats chunk pulled into the initial download (a static import added to the entry)', () => {
    const broken = copyBuild(vk);
    const stats = readdirSync(join(broken, 'assets')).find((f) => /^StatsPanel-[\w-]+\.js$/.test(f)) as string;
    const html = readFileSync(join(broken, 'index.html'), 'utf8');
    const entry = html.match(/<script type="module"[^>]*src="\.\/(assets\/[^"]+\.js)"/)?.[1] as string;
    const file = join(broken, entry);
    writeFileSync(file, `import "./${stats}";\n${readFileSync(file, 'utf8')}`);
    expect(hits(broken, participantInitialFiles(broken), UPLOT_MARKERS).length).toBeGreaterThan(0);
  });
});
