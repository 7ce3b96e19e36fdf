/**
 * Claim throughput: `POST /api/campaigns/{id}/rewards/{key}/claim` (VK signature verified, participant looked up,
 * a code issued atomically with its event and stage, committed on the server's writer thread before the answer)
 * against a bare Hono route served the same way in the same run. Load comes from a second process on 127.0.0.1,
 * each request a different user. The run then opens the database and reports duplicate codes (must be 0).
 * Goal: ratio >= 0.25.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, countDistinct } from 'drizzle-orm';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { openDatabase, schema } from '../../server/db/client.ts';
import { startTarget } from './target.ts';
import { type BenchResult, result } from './types.ts';

const SECONDS = 3;
/** Both servers run this long before the first measured round: JIT and page caches, not the first seconds, are measured. */
const WARMUP_SECONDS = 3;
const ROUNDS = 5;
const CONNECTIONS = 32;
/**
 * Enough distinct users and codes that no measured request repeats a user or finds the pool empty (a repeat or a
 * sold-out answer is cheaper than a first claim and would flatter the result). The last WARMUP_USERS are the
 * warm-up's; the rounds use the users before them, and the run fails if they would run out.
 */
const USERS = 300_000;
const WARMUP_USERS = 60_000;
const CODES = USERS;
const SECRET = 'bench-secret';

interface LoadSummary {
  rps: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  statusCodeStats: Record<string, { count: number }>;
}

function run(script: string, args: string[], onLine?: (line: string) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

async function load(
  url: string,
  method: string,
  headersFile: string,
  seconds: number,
  offset = 0,
): Promise<LoadSummary> {
  const out = await run('./claim-load.ts', [
    url,
    method,
    String(seconds),
    String(CONNECTIONS),
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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export default async function benchClaim(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-claim-'));
  const ts = Math.floor(Date.now() / 1000);
  const auths = Array.from(
    { length: USERS },
    (_, i) =>
      `VK ${signVkLaunch({ vk_user_id: i + 1, vk_app_id: 51000001, vk_ts: ts, vk_platform: 'mobile_android' }, SECRET)}`,
  );
  const headersFile = join(dir, 'auths.json');
  writeFileSync(headersFile, JSON.stringify(auths));

  const dbPath = join(dir, 'app.db');
  let resolvePort: (port: number) => void = () => {};
  const portReady = new Promise<number>((r) => {
    resolvePort = r;
  });
  const target = run('./claim-target.ts', [dbPath, SECRET, String(USERS), String(CODES)], (out) => {
    const m = out.match(/PORT (\d+)/);
    if (m) resolvePort(Number(m[1]));
  });
  const port = await Promise.race([portReady, target.exited.then(() => 0)]);
  if (!port) throw new Error('claim target did not start');
  const bare = await startTarget('bare');
  const url = `http://127.0.0.1:${port}/api/campaigns/1/rewards/prize/claim`;

  // Interleaved rounds (baseline, claims, baseline, claims, …), medians kept: noise on a shared 2-core machine
  // then hits both sides alike. Each claim round starts at fresh users, so every measured claim is a first claim.
  await load(`${bare.url}/bare`, 'GET', headersFile, WARMUP_SECONDS);
  // The warm-up's users come after the rounds' range, so neither can reach the other's.
  const warmup = await load(url, 'POST', headersFile, WARMUP_SECONDS, USERS - WARMUP_USERS);
  if (warmup.total > WARMUP_USERS) throw new Error(`claim warm-up used ${warmup.total} users; raise WARMUP_USERS`);
  const baselines: LoadSummary[] = [];
  const rounds: LoadSummary[] = [];
  let offset = 0;
  for (let round = 0; round < ROUNDS; round++) {
    baselines.push(await load(`${bare.url}/bare`, 'GET', headersFile, SECONDS));
    const measuredRound = await load(url, 'POST', headersFile, SECONDS, offset);
    // Requests still in flight when a round stops are not counted but did claim: skip past their users.
    offset += measuredRound.total + CONNECTIONS;
    if (offset > USERS - WARMUP_USERS) throw new Error(`claim rounds used ${offset} users; raise USERS`);
    rounds.push(measuredRound);
  }
  await bare.stop();
  target.child.kill('SIGTERM');
  await target.exited.catch(() => undefined);
  const baseline = { rps: median(baselines.map((b) => b.rps)), p99: median(baselines.map((b) => b.p99)) };
  const statusCodeStats: Record<string, { count: number }> = {};
  for (const r of rounds) {
    for (const [status, v] of Object.entries(r.statusCodeStats)) {
      statusCodeStats[status] = { count: (statusCodeStats[status]?.count ?? 0) + v.count };
    }
  }
  const measured = {
    rps: median(rounds.map((r) => r.rps)),
    p99: median(rounds.map((r) => r.p99)),
    total: rounds.reduce((n, r) => n + r.total, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    statusCodeStats,
  };

  const db = openDatabase(dbPath);
  const grants = db
    .select({ n: count(), codes: countDistinct(schema.grants.code) })
    .from(schema.grants)
    .get();
  db.$client.close();
  const issued = grants?.n ?? 0;
  const duplicateCodes = issued - (grants?.codes ?? 0);
  // Every measured request must have been a first claim that got a code: 200 only, one grant per request.
  const unexpected = Object.entries(measured.statusCodeStats).filter(([s]) => s !== '200');
  if (duplicateCodes !== 0) throw new Error(`claim bench issued ${duplicateCodes} duplicate codes`);
  // Counted claims each issued a grant; uncounted in-flight ones (at most one per connection per run) may add some.
  const counted = measured.total + warmup.total;
  if (issued < counted || issued > counted + (ROUNDS + 1) * CONNECTIONS) {
    throw new Error(`claim bench: ${issued} grants for ${counted} counted claims (repeats were measured?)`);
  }
  if (unexpected.length > 0 || measured.errors > 0) {
    throw new Error(
      `claim bench saw unexpected answers ${JSON.stringify(measured.statusCodeStats)} / ${measured.errors} errors`,
    );
  }
  return [
    result({
      name: 'claim_throughput',
      value: Math.round(measured.rps),
      unit: 'req/s',
      baseline: Math.round(baseline.rps),
      goal: '>= 0.25',
      p99_ms: measured.p99,
      baseline_p99_ms: baseline.p99,
      rounds: ROUNDS,
      // Every round, so a median that rests on a noisy baseline round shows.
      round_rps: rounds.map((r) => Math.round(r.rps)),
      baseline_round_rps: baselines.map((b) => Math.round(b.rps)),
      requests: measured.total,
      codes_issued: issued,
      duplicate_codes: duplicateCodes,
      status_counts: Object.fromEntries(Object.entries(measured.statusCodeStats).map(([s, v]) => [s, v.count])),
    }),
  ];
}
