/**
 * The participant's first useful screen on a slow phone, against the VKUI hello-world served well
 * (first-screen-world.ts). Chromium (Debian's, flags as in tests/browser/chromium.ts) emulating a phone: CPU ÷4,
 * 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip (DevTools' "slow 4G"). A visit runs from navigation start
 * until the first campaign title is in the page (the app, its API data included) or the hello-world's header
 * (the baseline); a MutationObserver injected before any page script takes the time, the same way on both sides.
 * Cold: a fresh browser context (empty cache). Warm: a second tab of that context, right after. App and baseline
 * alternate in each round (who goes first alternates too); the ratio is of the medians. Goals: cold ≤ 1.2, warm ≤ 1.1.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from '../../tests/browser/chromium.ts';
import { FIRST_SCREEN_VARIANTS, startFirstScreenWorld, type Target } from './first-screen-world.ts';
import { type BenchResult, result } from './types.ts';

const ROUNDS = 5;
/** The phone: exported so the profile (first-screen-profile.ts) throttles exactly as the bench does. */
export const NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
export const CPU_SLOWDOWN = 4;

/** Records when the first screen's marker first appears: a campaign cell, or the hello-world's header text. */
const TIMING_SCRIPT = `(() => {
  const seen = () => document.querySelector('[data-testid^="campaign-"]') ||
    (document.getElementById('root') && /Hello/.test(document.getElementById('root').textContent || ''));
  const check = () => { if (window.__firstScreenAt === undefined && seen()) window.__firstScreenAt = performance.now(); };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

async function timedVisit(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'commit', timeout: 60_000 });
    await page.waitForFunction(() => (window as { __firstScreenAt?: number }).__firstScreenAt !== undefined, null, {
      timeout: 60_000,
      polling: 100,
    });
    return await page.evaluate(() => (window as unknown as { __firstScreenAt: number }).__firstScreenAt);
  } finally {
    await page.close();
  }
}

/** One cold visit in a fresh context, then a warm one in a second tab of it. */
async function visit(browser: Browser, target: Target): Promise<{ cold: number; warm: number }> {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 1,
  });
  try {
    await context.addInitScript(TIMING_SCRIPT);
    if (target.initScript) await context.addInitScript(target.initScript);
    const url = target.url();
    const cold = await timedVisit(context, url);
    const warm = await timedVisit(context, url);
    return { cold, warm };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};
const ms = (x: number) => Math.round(x);

export default async function benchFirstScreen(): Promise<BenchResult[]> {
  const world = await startFirstScreenWorld();
  const browser = await launchChromium();
  const results: BenchResult[] = [];
  try {
    // One unmeasured visit each, so the servers' and Chromium's first-use costs fall on no side.
    await visit(browser, world.hello);
    for (const variant of FIRST_SCREEN_VARIANTS) await visit(browser, world.apps[variant]);
    for (const variant of FIRST_SCREEN_VARIANTS) {
      const app = { cold: [] as number[], warm: [] as number[] };
      const hello = { cold: [] as number[], warm: [] as number[] };
      for (let round = 0; round < ROUNDS; round++) {
        const order = round % 2 === 0 ? (['app', 'hello'] as const) : (['hello', 'app'] as const);
        for (const side of order) {
          const v = await visit(browser, side === 'app' ? world.apps[variant] : world.hello);
          const into = side === 'app' ? app : hello;
          into.cold.push(v.cold);
          into.warm.push(v.warm);
        }
        process.stderr.write(
          `  ${variant} round ${round + 1}: app ${ms(app.cold.at(-1) ?? 0)}/${ms(app.warm.at(-1) ?? 0)} ms, ` +
            `hello ${ms(hello.cold.at(-1) ?? 0)}/${ms(hello.warm.at(-1) ?? 0)} ms (cold/warm)\n`,
        );
      }
      for (const kind of ['cold', 'warm'] as const) {
        results.push(
          result({
            name: `first_screen_${kind}_${variant}`,
            value: ms(median(app[kind])),
            unit: 'ms',
            baseline: ms(median(hello[kind])),
            ratio: median(app[kind]) / median(hello[kind]),
            goal: kind === 'cold' ? '<= 1.2' : '<= 1.1',
            rounds: ROUNDS,
            app_ms: app[kind].map(ms),
            hello_world_ms: hello[kind].map(ms),
            note: `${kind === 'cold' ? 'empty cache' : 'second visit, warm cache'}; CPU /4, 1.6 Mbit/s, 150 ms RTT; until the first campaign title (API data included) vs the VKUI hello-world header`,
          }),
        );
      }
    }
  } finally {
    await browser.close();
    await world.close();
  }
  return results;
}
