/**
 * CPU of one claim served over HTTP, against one bare Hono request, measured in the servers themselves:
 * `npx tsx scripts/bench/claim-cpu-http.ts [rounds] [seconds]`. The claim bench (claim.bench.ts) counts requests per
 * second, which on a machine shared with other work measures the machine as much as the server; CPU time spent by the
 * server process per answered request does not depend on how many cores it got. On a core of its own a server answers
 * about 1 / (CPU per request) requests per second, so `bare µs ÷ claim µs` estimates the bench's ratio.
 * Same method as the bench: the real API on SQLite (claim-target.ts), every request a different user's first claim,
 * 64 connections from a load process on 127.0.0.1, interleaved rounds, medians. Profile a side with
 * `CLAIM_TARGET_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'` (written when the target exits).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { load, median, run } from './claim-rounds.ts';

const ROUNDS = Number(process.argv[2] ?? 5);
const SECONDS = Number(process.argv[3] ?? 3);
const CONNECTIONS = 64;
const USERS = 150_000;
const SECRET = 'bench-secret';

interface Server {
  url: string;
  cpu(): Promise<number>;
  stop(): Promise<void>;
}

async function start(script: string, args: string[], path: string, nodeArgs?: string[]): Promise<Server> {
  let out = '';
  let waiting: (() => void) | undefined;
  const target = run(
    script,
    args,
    (all) => {
      out = all;
      waiting?.();
    },
    { input: true, ...(nodeArgs ? { nodeArgs } : {}) },
  );
  const port = await new Promise<number>((resolve, reject) => {
    waiting = () => {
      const m = out.match(/PORT (\d+)/);
      if (m) resolve(Number(m[1]));
    };
    target.exited.then(() => reject(new Error(`${script} exited`)), reject);
  });
  return {
    url: `http://127.0.0.1:${port}${path}`,
    cpu: () =>
      new Promise<number>((resolve) => {
        const seen = (out.match(/CPU \d+/g) ?? []).length;
        waiting = () => {
          const all = out.match(/CPU (\d+)/g) ?? [];
          if (all.length > seen) {
            waiting = undefined;
            resolve(Number(all[all.length - 1]?.slice(4)));
          }
        };
        target.child.stdin?.write('cpu\n');
      }),
    stop: async () => {
      target.child.kill('SIGTERM');
      await target.exited.catch(() => undefined);
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'claim-cpu-http-'));
const ts = Math.floor(Date.now() / 1000);
const auths = Array.from(
  { length: USERS },
  (_, i) =>
    `VK ${signVkLaunch({ vk_user_id: i + 1, vk_app_id: 51000001, vk_ts: ts, vk_platform: 'mobile_android' }, SECRET)}`,
);
const headersFile = join(dir, 'auths.json');
writeFileSync(headersFile, JSON.stringify(auths));
const targetNodeArgs = process.env.CLAIM_TARGET_NODE_ARGS?.split(' ').filter(Boolean);
const claims = await start(
  './claim-target.ts',
  [join(dir, 'app.db'), SECRET, String(USERS), String(USERS)],
  '/api/campaigns/1/rewards/prize/claim',
  targetNodeArgs,
);
const bare = await start('./target-server.ts', ['bare', SECRET], '/bare');

/** One round: CPU the server spent per answered request (in-flight ones at the end counted as answered). */
async function round(server: Server, method: string, offset: number) {
  const before = await server.cpu();
  const r = await load(server.url, method, headersFile, SECONDS, CONNECTIONS, offset);
  const after = await server.cpu();
  if (r.errors > 0 || r.non2xx > 0) throw new Error(`unexpected answers ${JSON.stringify(r.statusCodeStats)}`);
  return { rps: r.rps, total: r.total, cpuPerRequest: (after - before) / (r.total + CONNECTIONS) };
}

let offset = 0;
const warm = await round(claims, 'POST', offset);
offset += warm.total + CONNECTIONS;
await round(bare, 'GET', 0);
const claimRounds: number[] = [];
const bareRounds: number[] = [];
const claimRps: number[] = [];
const bareRps: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const b = await round(bare, 'GET', 0);
  bareRounds.push(b.cpuPerRequest);
  bareRps.push(b.rps);
  const c = await round(claims, 'POST', offset);
  offset += c.total + CONNECTIONS;
  if (offset > USERS) throw new Error('ran out of users; raise USERS');
  claimRounds.push(c.cpuPerRequest);
  claimRps.push(c.rps);
}
await claims.stop();
await bare.stop();
const claimUs = median(claimRounds);
const bareUs = median(bareRounds);
console.log(
  JSON.stringify({
    claim_cpu_us: Math.round(claimUs),
    bare_cpu_us: Math.round(bareUs),
    cpu_ratio: Math.round((bareUs / claimUs) * 1000) / 1000,
    claim_rounds_us: claimRounds.map(Math.round),
    bare_rounds_us: bareRounds.map(Math.round),
    claim_rps: claimRps.map(Math.round),
    bare_rps: bareRps.map(Math.round),
  }),
);
