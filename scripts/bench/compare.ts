/**
 * Measures a target against its baseline in interleaved rounds (baseline, target, baseline, target, …)
 * and keeps the median of each, so a burst of noise on a shared 2-core machine hits both sides alike.
 */
import { type LoadResult, runLoad } from './http-load.ts';

export interface Side {
  url: string;
  options?: Parameters<typeof runLoad>[1];
}

export interface Comparison {
  target: LoadResult;
  baseline: LoadResult;
  rounds: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function medianOf(results: LoadResult[]): LoadResult {
  return {
    requestsPerSecond: median(results.map((r) => r.requestsPerSecond)),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: median(results.map((r) => r.p99Ms)),
    non2xx: results.reduce((n, r) => n + r.non2xx, 0),
    errors: results.reduce((n, r) => n + r.errors, 0),
    total: results.reduce((n, r) => n + r.total, 0),
  };
}

export async function compareInRounds(target: Side, baseline: Side, rounds = 3, seconds = 3): Promise<Comparison> {
  await runLoad(baseline.url, { ...baseline.options, seconds: 1 });
  await runLoad(target.url, { ...target.options, seconds: 1 });
  const t: LoadResult[] = [];
  const b: LoadResult[] = [];
  for (let i = 0; i < rounds; i++) {
    b.push(await runLoad(baseline.url, { ...baseline.options, seconds }));
    t.push(await runLoad(target.url, { ...target.options, seconds }));
  }
  return { target: medianOf(t), baseline: medianOf(b), rounds };
}
