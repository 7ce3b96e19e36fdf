/**
 * @module What the claim benches share (SQLite: claim.bench.ts; PostgreSQL: claim-postgres.bench.ts): their helper
 * processes (target, load generator), one measured load run, and the median of rounds.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadSummary {
  rps: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  statusCodeStats: Record<string, { count: number }>;
}

/**
 * Starts a script of this folder in its own Node process; `onLine` sees its stdout so far on every chunk. `env`
 * replaces the environment; `input` opens its stdin for commands; `nodeArgs` go to Node (e.g. `--cpu-prof`).
 */
export function run(
  script: string,
  args: string[],
  onLine?: (line: string) => void,
  options: { env?: NodeJS.ProcessEnv; input?: boolean; nodeArgs?: string[] } = {},
) {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args],
    {
      stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'inherit'],
      ...(options.env ? { env: options.env } : {}),
    },
  );
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
    onLine?.(out);
  });
  const exited = new Promise<string>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}`)))),
  );
  return { child, exited };
}

/**
 * One load run from a process of its own (claim-load.ts): `connections` connections for `seconds`, each request
 * signed as the next user from `offset` in the headers file. Several `urls` share the connections round-robin.
 */
export async function load(
  url: string | string[],
  method: string,
  headersFile: string,
  seconds: number,
  connections: number,
  offset = 0,
): Promise<LoadSummary> {
  const out = await run('./claim-load.ts', [
    Array.isArray(url) ? url.join(',') : url,
    method,
    String(seconds),
    String(connections),
    headersFile,
    String(offset),
  ]).exited;
  const r = JSON.parse(out) as {
    requests: { average: number; total: number };
    latency: { p99: number };
    non2xx: number;
    errors: number;
    statusCodeStats?: Record<string, { count: number }>;
  };
  return {
    rps: r.requests.average,
    p99: r.latency.p99,
    total: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
    statusCodeStats: r.statusCodeStats ?? {},
  };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** The median requests per second and median p99 of a side's rounds. */
export const summary = (rounds: LoadSummary[]) => ({
  rps: median(rounds.map((r) => r.rps)),
  p99: median(rounds.map((r) => r.p99)),
});

/** Status counts of all rounds added up. */
export function statusCounts(rounds: LoadSummary[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of rounds) {
    for (const [status, v] of Object.entries(r.statusCodeStats)) counts[status] = (counts[status] ?? 0) + v.count;
  }
  return counts;
}
