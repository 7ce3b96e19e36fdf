/**
 * Authenticated `GET /api/me` (the launch signature checked on every request) against a bare Hono route
 * served the same way, load from a second process on 127.0.0.1. Goal: ratio >= 0.6.
 * Then the same `/api/me` load on the same server with and without telemetry arriving alongside (issue 16: telemetry
 * must add < 5 % to a participant request's cost), in interleaved rounds: ratio = with / without, goal >= 0.95.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { FLUSH_MS } from '../../miniapp/telemetry.ts';
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { compareInRounds } from './compare.ts';
import { type LoadResult, runLoad } from './http-load.ts';
import { startTarget } from './target.ts';
import { type BenchResult, result } from './types.ts';

/**
 * 750 open apps in heavy use, 20 events a minute each (a screen view every 3 s and the heartbeat): 250 events a
 * second, in batches of what a user queues between two flushes (miniapp/telemetry.ts FLUSH_MS).
 */
const TELEMETRY_USERS = 750;
const EVENTS_PER_MINUTE = 20;
const EVENTS_PER_BATCH = Math.round((EVENTS_PER_MINUTE * FLUSH_MS) / 60_000);
const BATCHES_PER_SECOND = Math.round((TELEMETRY_USERS * 1000 * 10) / FLUSH_MS) / 10;

interface TelemetryLoad {
  on(): void;
  off(): void;
  stop(): Promise<{ sent: number; accepted: number; refused: number; failed: number }>;
}

async function startTelemetryLoad(url: string, secret: string): Promise<TelemetryLoad> {
  const entry = fileURLToPath(new URL('./telemetry-load.ts', import.meta.url));
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', entry, url, secret, String(TELEMETRY_USERS), String(EVENTS_PER_BATCH)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  await new Promise<void>((resolve, reject) => {
    const check = setInterval(() => {
      if (out.includes('READY')) {
        clearInterval(check);
        resolve();
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(check);
      reject(new Error(`telemetry load exited ${code}`));
    });
  });
  return {
    on: () => child.kill('SIGUSR1'),
    off: () => child.kill('SIGUSR2'),
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve(JSON.parse(out.split('\n').filter(Boolean).pop() ?? '{}')));
        child.kill('SIGTERM');
      }),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

export default async function benchMe(): Promise<BenchResult[]> {
  const secret = 'bench-secret';
  const auth = `VK ${signVkLaunch(
    { vk_user_id: 1, vk_app_id: 51000001, vk_ts: Math.floor(Date.now() / 1000), vk_platform: 'mobile_android' },
    secret,
  )}`;
  const bare = await startTarget('bare');
  const app = await startTarget('app', secret);
  try {
    const me = { url: `${app.url}/api/me`, options: { headers: { Authorization: auth } } };
    const { target, baseline, rounds } = await compareInRounds(
      me,
      // The same request bytes on both sides: the load generator's own cost must not tilt the ratio.
      { url: `${bare.url}/bare`, options: { headers: { Authorization: auth } } },
    );
    if (target.non2xx > 0) throw new Error(`/api/me answered ${target.non2xx} non-2xx responses under load`);

    const telemetry = await startTelemetryLoad(app.url, secret);
    const without: LoadResult[] = [];
    const withTelemetry: LoadResult[] = [];
    let counts: Awaited<ReturnType<TelemetryLoad['stop']>>;
    try {
      for (let i = 0; i < 5; i += 1) {
        without.push(await runLoad(me.url, { ...me.options, seconds: 3 }));
        telemetry.on();
        // Let the batches reach their rate before measuring.
        await new Promise((r) => setTimeout(r, 500));
        withTelemetry.push(await runLoad(me.url, { ...me.options, seconds: 3 }));
        telemetry.off();
      }
    } finally {
      counts = await telemetry.stop();
    }
    const alone = median(without.map((r) => r.requestsPerSecond));
    const alongside = median(withTelemetry.map((r) => r.requestsPerSecond));
    return [
      result({
        name: 'api_me_throughput',
        value: Math.round(target.requestsPerSecond),
        unit: 'req/s',
        baseline: Math.round(baseline.requestsPerSecond),
        goal: '>= 0.6',
        p99_ms: target.p99Ms,
        baseline_p99_ms: baseline.p99Ms,
        rounds,
      }),
      result({
        name: 'api_me_throughput_with_telemetry',
        value: Math.round(alongside),
        unit: 'req/s',
        baseline: Math.round(alone),
        goal: '>= 0.95',
        note: `/api/me with ${TELEMETRY_USERS} open apps flushing ${EVENTS_PER_BATCH} events every ${FLUSH_MS / 1000} s (${BATCHES_PER_SECOND} batches/s, ${(TELEMETRY_USERS * EVENTS_PER_MINUTE) / 60} events/s) against /api/me alone, same server, 5 interleaved rounds of 3 s`,
        p99_ms: median(withTelemetry.map((r) => r.p99Ms)),
        baseline_p99_ms: median(without.map((r) => r.p99Ms)),
        telemetryBatches: counts,
        rounds: 5,
      }),
    ];
  } finally {
    await Promise.all([bare.stop(), app.stop()]);
  }
}
