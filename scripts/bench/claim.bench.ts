/**
 * Claim throughput: `POST /api/campaigns/{id}/rewards/{key}/claim` (VK signature verified, participant looked up,
 * a code issued atomically with its event and stage, committed in one transaction before the answer)
 * against a bare Hono route served the same way in the same run. Load comes from a second process on 127.0.0.1,
 * each request a different user. The run then opens the database and reports duplicate codes (must be 0).
 *
 * Both sides are measured side by side at one concurrency level, 64 connections (issue 13: the same single level
 * for both, no best-of-levels), in interleaved rounds whose medians are kept. Goal: ratio >= 0.12, 0 duplicates,
 * p99 reported.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, countDistinct } from 'drizzle-orm';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { closeDatabase, openDatabase, schema } from '../../server/db/client.ts';
import { type LoadSummary, load, run, summary } from './claim-rounds.ts';
import { startTarget } from './target.ts';
import { type BenchResult, result } from './types.ts';

const SECONDS = 3;
/** Both servers run this long before the first measured round: JIT and page caches, not the first seconds, are measured. */
const WARMUP_SECONDS = 3;
const ROUNDS = 5;
/** Open connections of the load generator, each sending its next request when the last is answered. */
const LEVELS = [64];
/** The warm-up's connections (it warms both servers, it measures nothing). */
const WARMUP_CONNECTIONS = 64;
/**
 * Enough distinct users and codes that no measured request repeats a user or finds the pool empty (a repeat or a
 * sold-out answer is cheaper than a first claim and would flatter the result). The last WARMUP_USERS are the
 * warm-up's; the rounds use the users before them, and the run fails if they would run out.
 */
const USERS = 420_000;
const WARMUP_USERS = 60_000;
const CODES = USERS;
const SECRET = 'bench-secret';

interface Level {
  connections: number;
  bare: LoadSummary[];
  claims: LoadSummary[];
}

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
  await load(`${bare.url}/bare`, 'GET', headersFile, WARMUP_SECONDS, WARMUP_CONNECTIONS);
  // The warm-up's users come after the rounds' range, so neither can reach the other's.
  const warmup = await load(url, 'POST', headersFile, WARMUP_SECONDS, WARMUP_CONNECTIONS, USERS - WARMUP_USERS);
  if (warmup.total > WARMUP_USERS) throw new Error(`claim warm-up used ${warmup.total} users; raise WARMUP_USERS`);
  const levels: Level[] = [];
  let offset = 0;
  for (const connections of LEVELS) {
    const level: Level = { connections, bare: [], claims: [] };
    for (let round = 0; round < ROUNDS; round++) {
      level.bare.push(await load(`${bare.url}/bare`, 'GET', headersFile, SECONDS, connections));
      const measuredRound = await load(url, 'POST', headersFile, SECONDS, connections, offset);
      // Requests still in flight when a round stops are not counted but did claim: skip past their users.
      offset += measuredRound.total + connections;
      if (offset > USERS - WARMUP_USERS) throw new Error(`claim rounds used ${offset} users; raise USERS`);
      level.claims.push(measuredRound);
    }
    levels.push(level);
  }
  await bare.stop();
  target.child.kill('SIGTERM');
  await target.exited.catch(() => undefined);

  const byLevel = levels.map((l) => ({ connections: l.connections, bare: summary(l.bare), claims: summary(l.claims) }));
  const best = (side: 'bare' | 'claims') =>
    byLevel.reduce((a, b) => (b[side].rps > a[side].rps ? b : a), byLevel[0] as (typeof byLevel)[number]);
  const baseline = best('bare');
  const measured = best('claims');
  const rounds = levels.flatMap((l) => l.claims);
  const statusCodeStats: Record<string, { count: number }> = {};
  for (const r of rounds) {
    for (const [status, v] of Object.entries(r.statusCodeStats)) {
      statusCodeStats[status] = { count: (statusCodeStats[status]?.count ?? 0) + v.count };
    }
  }
  const total = rounds.reduce((n, r) => n + r.total, 0);
  const errors = rounds.reduce((n, r) => n + r.errors, 0);

  const db = openDatabase(dbPath);
  const [grants] = await db.select({ n: count(), codes: countDistinct(schema.grants.code) }).from(schema.grants);
  closeDatabase(db);
  const issued = grants?.n ?? 0;
  const duplicateCodes = issued - (grants?.codes ?? 0);
  // Every measured request must have been a first claim that got a code: 200 only, one grant per request.
  const unexpected = Object.entries(statusCodeStats).filter(([s]) => s !== '200');
  if (duplicateCodes !== 0) throw new Error(`claim bench issued ${duplicateCodes} duplicate codes`);
  // Counted claims each issued a grant; uncounted in-flight ones (at most one per connection per run) may add some.
  const counted = total + warmup.total;
  const inFlightAtMost = ROUNDS * LEVELS.reduce((n, c) => n + c, 0) + WARMUP_CONNECTIONS;
  if (issued < counted || issued > counted + inFlightAtMost) {
    throw new Error(`claim bench: ${issued} grants for ${counted} counted claims (repeats were measured?)`);
  }
  if (unexpected.length > 0 || errors > 0) {
    throw new Error(`claim bench saw unexpected answers ${JSON.stringify(statusCodeStats)} / ${errors} errors`);
  }
  return [
    result({
      name: 'claim_throughput',
      value: Math.round(measured.claims.rps),
      unit: 'req/s',
      baseline: Math.round(baseline.bare.rps),
      goal: '>= 0.12',
      connections: measured.connections,
      baseline_connections: baseline.connections,
      p99_ms: measured.claims.p99,
      baseline_p99_ms: baseline.bare.p99,
      rounds: ROUNDS,
      // Every level and round, so a result that rests on one level or one noisy round shows.
      levels: levels.map((l, i) => ({
        connections: l.connections,
        claims_rps: Math.round(byLevel[i]?.claims.rps ?? 0),
        bare_rps: Math.round(byLevel[i]?.bare.rps ?? 0),
        ratio_same_level: Math.round(((byLevel[i]?.claims.rps ?? 0) / (byLevel[i]?.bare.rps || 1)) * 1000) / 1000,
        claims_p99_ms: byLevel[i]?.claims.p99,
        round_rps: l.claims.map((r) => Math.round(r.rps)),
        baseline_round_rps: l.bare.map((b) => Math.round(b.rps)),
      })),
      requests: total,
      codes_issued: issued,
      duplicate_codes: duplicateCodes,
      status_counts: Object.fromEntries(Object.entries(statusCodeStats).map(([s, v]) => [s, v.count])),
    }),
  ];
}
