/**
 * Claim throughput on PostgreSQL, with one API process and with two on one database, against a bare Hono route in the
 * same run: the SQLite claim bench's method (claim.bench.ts: the real API in a process of its own, every request a
 * different user's first claim, load from another process on 127.0.0.1, 64 connections for every side, interleaved
 * rounds of 3 s whose medians are kept) with a third side in each round: the same 64 connections spread round-robin
 * over two API processes (as a load balancer would). Afterwards the database is read: duplicate codes (must be 0),
 * codes marked used against grants, and every answered claim has its grant. Each process's PostgreSQL transactions
 * that ran again after a serialization failure are counted per side (issue 13, decision 020).
 *
 * The bench makes its own database beside `TEST_DATABASE_URL` (default the local cluster's `app` role) and drops it;
 * when PostgreSQL cannot be reached it says so and returns no row, so the other benches still run. No numeric goal:
 * issue 13 asks for these ratios to be reported on this shared 2-core machine, not tuned to it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { createTestDatabase, type TestDatabase } from '../../tests/support/postgres.ts';
import { type LoadSummary, load, run, statusCounts, summary } from './claim-rounds.ts';
import { startTarget } from './target.ts';
import type { BenchResult } from './types.ts';

const SECONDS = 3;
const WARMUP_SECONDS = 3;
const ROUNDS = 5;
/** Every side at this one level (issue 13: the same single level, no best-of-levels), as in claim.bench.ts. */
const CONNECTIONS = 64;
/**
 * Distinct users and codes for every measured claim to be a first claim that finds a free code; the last
 * WARMUP_USERS are the warm-ups', and the run fails rather than reuse a user.
 */
const USERS = 200_000;
const WARMUP_USERS = 40_000;
const SECRET = 'bench-secret';
/** Connections per API process: openDb's pool (node-postgres' default). */
const POOL_PER_PROCESS = 10;

interface ApiProcess {
  url: string;
  retries(): Promise<number>;
  stop(): Promise<void>;
}

/** The real API on the bench database (claim-target.ts); the first one seeds it. */
async function startApi(databaseUrl: string, users: number, dir: string): Promise<ApiProcess> {
  let resolvePort: (port: number) => void = () => {};
  const portReady = new Promise<number>((r) => {
    resolvePort = r;
  });
  let answered = '';
  let waiting: ((out: string) => void) | undefined;
  const target = run(
    './claim-target.ts',
    // DATABASE_PATH is required by the config even when DATABASE_URL chooses PostgreSQL; nothing is written there.
    [join(dir, 'unused.db'), SECRET, String(users), String(users)],
    (out) => {
      answered = out;
      const m = out.match(/PORT (\d+)/);
      if (m) resolvePort(Number(m[1]));
      waiting?.(out);
    },
    { env: { ...process.env, DATABASE_URL: databaseUrl }, input: true },
  );
  const port = await Promise.race([portReady, target.exited.then(() => 0)]);
  if (!port) throw new Error('claim target on PostgreSQL did not start');
  return {
    url: `http://127.0.0.1:${port}/api/campaigns/1/rewards/prize/claim`,
    retries: () =>
      new Promise<number>((resolve) => {
        const seen = (answered.match(/RETRIES \d+/g) ?? []).length;
        waiting = (out) => {
          const all = out.match(/RETRIES (\d+)/g) ?? [];
          if (all.length > seen) {
            waiting = undefined;
            resolve(Number(all[all.length - 1]?.slice('RETRIES '.length)));
          }
        };
        target.child.stdin?.write('retries\n');
      }),
    stop: async () => {
      target.child.kill('SIGTERM');
      await target.exited.catch(() => undefined);
    },
  };
}

/** Retries of the given processes during `measure`, added up. */
async function countingRetries<T>(apis: ApiProcess[], measure: () => Promise<T>): Promise<[T, number]> {
  const before = await Promise.all(apis.map((a) => a.retries()));
  const value = await measure();
  const after = await Promise.all(apis.map((a) => a.retries()));
  return [value, after.reduce((n, a, i) => n + a - (before[i] ?? 0), 0)];
}

interface GrantCounts {
  grants: number;
  codes: number;
  usedCodes: number;
}

async function grantCounts(databaseUrl: string): Promise<GrantCounts> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<GrantCounts>(
      `SELECT (SELECT count(*) FROM promo_grants)::int AS grants,
              (SELECT count(DISTINCT code) FROM promo_grants)::int AS codes,
              (SELECT count(*) FROM promo_pool_codes WHERE used_at IS NOT NULL)::int AS "usedCodes"`,
    );
    return rows[0] as GrantCounts;
  } finally {
    await client.end();
  }
}

export default async function benchClaimPostgres(): Promise<BenchResult[]> {
  let database: TestDatabase;
  try {
    database = await createTestDatabase('bench_claim');
  } catch (err) {
    process.stderr.write(
      `claim on PostgreSQL skipped: PostgreSQL unreachable (${(err as Error).message}); set TEST_DATABASE_URL or start it (pg_ctlcluster 15 main start)\n`,
    );
    return [];
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-claim-pg-'));
  const apis: ApiProcess[] = [];
  let bare: Awaited<ReturnType<typeof startTarget>> | undefined;
  try {
    const ts = Math.floor(Date.now() / 1000);
    const auths = Array.from(
      { length: USERS },
      (_, i) =>
        `VK ${signVkLaunch({ vk_user_id: i + 1, vk_app_id: 51000001, vk_ts: ts, vk_platform: 'mobile_android' }, SECRET)}`,
    );
    const headersFile = join(dir, 'auths.json');
    writeFileSync(headersFile, JSON.stringify(auths));

    const first = await startApi(database.url, USERS, dir);
    apis.push(first);
    const second = await startApi(database.url, 0, dir);
    apis.push(second);
    bare = await startTarget('bare');
    const bareUrl = `${bare.url}/bare`;
    const both = [first.url, second.url];

    let warmupOffset = USERS - WARMUP_USERS;
    const warmups: LoadSummary[] = [];
    await load(bareUrl, 'GET', headersFile, WARMUP_SECONDS, CONNECTIONS);
    for (const url of [first.url, both]) {
      const warm = await load(url, 'POST', headersFile, WARMUP_SECONDS, CONNECTIONS, warmupOffset);
      warmupOffset += warm.total + CONNECTIONS;
      warmups.push(warm);
    }
    if (warmupOffset > USERS) throw new Error(`claim warm-ups used ${warmupOffset - (USERS - WARMUP_USERS)} users`);

    const sides = { bare: [] as LoadSummary[], one: [] as LoadSummary[], two: [] as LoadSummary[] };
    const retries = { one: 0, two: 0 };
    let offset = 0;
    const claims = async (side: 'one' | 'two', url: string | string[], processes: ApiProcess[]) => {
      const [round, retried] = await countingRetries(processes, () =>
        load(url, 'POST', headersFile, SECONDS, CONNECTIONS, offset),
      );
      // Requests in flight when a round stops are not counted but did claim: skip past their users.
      offset += round.total + CONNECTIONS;
      if (offset > USERS - WARMUP_USERS) throw new Error(`claim rounds used ${offset} users; raise USERS`);
      sides[side].push(round);
      retries[side] += retried;
    };
    for (let round = 0; round < ROUNDS; round++) {
      sides.bare.push(await load(bareUrl, 'GET', headersFile, SECONDS, CONNECTIONS));
      await claims('one', first.url, [first]);
      await claims('two', both, apis);
    }
    await bare.stop();
    bare = undefined;
    for (const api of apis.splice(0)) await api.stop();

    const counts = await grantCounts(database.url);
    const duplicateCodes = counts.grants - counts.codes;
    const claimRounds = [...warmups, ...sides.one, ...sides.two];
    const acknowledged = claimRounds.reduce((n, r) => n + (r.statusCodeStats['200']?.count ?? 0), 0);
    const sent = claimRounds.reduce((n, r) => n + r.total, 0);
    // Every acknowledged (200) claim has its grant; claims in flight when a round stopped (at most one per
    // connection) may add grants nobody counted, and nothing else may.
    const inFlightAtMost = claimRounds.length * CONNECTIONS;
    const exact =
      duplicateCodes === 0 &&
      counts.usedCodes === counts.grants &&
      counts.grants >= acknowledged &&
      counts.grants <= sent + inFlightAtMost;
    const baseline = summary(sides.bare);
    const one = summary(sides.one);
    const two = summary(sides.two);
    const ratio = (value: number) => Math.round((value / (baseline.rps || 1)) * 1000) / 1000;
    const row = (processes: 1 | 2, side: 'one' | 'two', s: { rps: number; p99: number }): BenchResult => {
      const rounds = sides[side];
      const statuses = statusCounts(rounds);
      const errors = rounds.reduce((n, r) => n + r.errors, 0);
      const claimsMade = rounds.reduce((n, r) => n + r.total, 0);
      return {
        name: `claim_throughput_postgres_${processes}_process${processes === 1 ? '' : 'es'}`,
        value: Math.round(s.rps),
        unit: 'req/s',
        baseline: Math.round(baseline.rps),
        ratio: ratio(s.rps),
        goal: 'reported; 0 duplicates, only 200s',
        pass: exact && errors === 0 && Object.keys(statuses).every((code) => code === '200'),
        connections: CONNECTIONS,
        api_processes: processes,
        pool_connections_per_process: POOL_PER_PROCESS,
        p99_ms: s.p99,
        baseline_p99_ms: baseline.p99,
        rounds: ROUNDS,
        round_rps: rounds.map((r) => Math.round(r.rps)),
        baseline_round_rps: sides.bare.map((r) => Math.round(r.rps)),
        ...(processes === 2 ? { two_over_one: Math.round((two.rps / (one.rps || 1)) * 1000) / 1000 } : {}),
        requests: claimsMade,
        serialization_retries: retries[side],
        retries_per_claim: Math.round((retries[side] / (claimsMade || 1)) * 100) / 100,
        status_counts: statuses,
        errors,
        codes_issued: counts.grants,
        codes_marked_used: counts.usedCodes,
        duplicate_codes: duplicateCodes,
        acknowledged_claims_all_rounds: acknowledged,
      };
    };
    return [row(1, 'one', one), row(2, 'two', two)];
  } finally {
    await bare?.stop();
    for (const api of apis) await api.stop();
    await database.drop().catch((err) => process.stderr.write(`could not drop the bench database: ${err}\n`));
    rmSync(dir, { recursive: true, force: true });
  }
}
