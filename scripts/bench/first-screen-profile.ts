/**
 * @module `npx tsx scripts/bench/first-screen-profile.ts [vk|ok|telegram …] [--rounds=N]`: where the first screen's
 * time goes, app against hello-world. The bench's world, browser and throttling (first-screen.bench.ts: CPU ÷4,
 * 1.6 Mbit/s, 150 ms); each cold and warm visit is recorded as a Chromium performance trace and read by
 * first-screen-trace.ts. Prints, per side and visit kind, the medians of the first screen and of the main thread's
 * busy time by kind, and the requests of the last visit; with `TRACE_DIR` set, each trace is kept there (for
 * DevTools' Performance panel). A diagnostic: it writes nothing to docs/benchmarks.md.
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tests/browser/chromium.ts';
import { CPU_SLOWDOWN, NETWORK } from './first-screen.bench.ts';
import { readTrace, type VisitBreakdown } from './first-screen-trace.ts';
import {
  FIRST_SCREEN_VARIANTS,
  type FirstScreenVariant,
  startFirstScreenWorld,
  type Target,
} from './first-screen-world.ts';

/** The bench's marker, with a `performance.mark` so the trace carries the moment. */
const MARK_SCRIPT = `(() => {
  const seen = () => document.querySelector('[data-testid^="campaign-"]') ||
    (document.getElementById('root') && /Hello/.test(document.getElementById('root').textContent || ''));
  const check = () => { if (window.__firstScreenAt === undefined && seen()) { window.__firstScreenAt = performance.now(); performance.mark('first-screen'); } };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.compile',
  'v8',
  'blink.user_timing',
  'loading',
  'toplevel',
].join(',');

async function tracedVisits(browser: Browser, target: Target): Promise<{ cold: VisitBreakdown; warm: VisitBreakdown }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
  });
  try {
    await context.addInitScript(MARK_SCRIPT);
    if (target.initScript) await context.addInitScript(target.initScript);
    const url = target.url();
    const one = async () => {
      const page = await context.newPage();
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', NETWORK);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
        await browser.startTracing(page, { categories: CATEGORIES.split(',') });
        await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
        await page.waitForFunction(() => (window as { __firstScreenAt?: number }).__firstScreenAt !== undefined, null, {
          timeout: 60_000,
          polling: 100,
        });
        const raw = await browser.stopTracing();
        if (process.env.TRACE_DIR) writeFileSync(join(process.env.TRACE_DIR, `${Date.now()}.json`), raw);
        return readTrace((JSON.parse(raw.toString('utf8')) as { traceEvents: never[] }).traceEvents, url);
      } finally {
        await page.close();
      }
    };
    const cold = await one();
    const warm = await one();
    return { cold, warm };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

function summary(label: string, visits: VisitBreakdown[]): void {
  const kinds = [...new Set(visits.flatMap((v) => Object.keys(v.mainThread)))].sort();
  const parts = kinds.map((k) => `${k} ${median(visits.map((v) => v.mainThread[k] ?? 0))}`);
  const busy = median(visits.map((v) => Object.values(v.mainThread).reduce((a, b) => a + b, 0)));
  console.log(
    `${label.padEnd(16)} first screen ${median(visits.map((v) => v.firstScreen))} ms (${visits.map((v) => v.firstScreen).join(', ')}); ` +
      `main thread busy ${Math.round(busy)} ms: ${parts.join(', ')}; idle ${median(visits.map((v) => v.idle))}`,
  );
  const last = visits.at(-1);
  console.log(`    code caches written by the page's process: ${visits.map((v) => v.codeCachesProduced).join(', ')}`);
  for (const s of last?.scripts ?? []) {
    console.log(
      `    script ${s.url.slice(0, 60)}: compile ${Math.round(s.compileMs)} ms on the main thread, ${s.streamed ? 'streamed' : 'not streamed'}, compiled from ${s.consumedCache} B of code cache`,
    );
  }
  for (const r of last?.requests ?? []) {
    console.log(
      `    ${String(r.start).padStart(7)} → ${String(r.end).padStart(7)} ms ${String(r.bytes).padStart(7)} B ${r.fromCache ? '(cache) ' : ''}${r.url.slice(0, 90)}`,
    );
  }
}

const args = process.argv.slice(2);
const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.split('=')[1] ?? 3);
const wanted = args.filter((a) => !a.startsWith('--')) as FirstScreenVariant[];
const variants = wanted.length ? wanted : [...FIRST_SCREEN_VARIANTS];

const world = await startFirstScreenWorld();
// Other work on the machine moves every number: compare sides within one run, and say what the load was.
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(`load average at start: ${load()}`);
const browser = await launchChromium();
try {
  // One unmeasured visit each, as in the bench, so first-use costs (the server's, Chromium's) fall on no side.
  await tracedVisits(browser, world.hello);
  for (const v of variants) await tracedVisits(browser, world.apps[v]);
  const sides: Array<[string, Target]> = [
    ['hello', world.hello],
    ...variants.map((v) => [v, world.apps[v]] as [string, Target]),
  ];
  const seen: Record<string, { cold: VisitBreakdown[]; warm: VisitBreakdown[] }> = {};
  for (let round = 0; round < rounds; round++) {
    for (const [name, target] of round % 2 ? [...sides].reverse() : sides) {
      const v = await tracedVisits(browser, target);
      seen[name] ??= { cold: [], warm: [] };
      seen[name].cold.push(v.cold);
      seen[name].warm.push(v.warm);
    }
  }
  for (const kind of ['cold', 'warm'] as const) {
    for (const [name] of sides) summary(`${name} ${kind}`, seen[name]?.[kind] ?? []);
  }
  console.log(`load average at end: ${load()}`);
} finally {
  await browser.close();
  await world.close();
}
