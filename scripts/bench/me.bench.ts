/**
 * Authenticated `GET /api/me` (the launch signature checked on every request) against a bare Hono route
 * served the same way, load from a second process on 127.0.0.1. Goal: ratio >= 0.6.
 */
import { signVkLaunch } from '../../server/auth/vk-sign.ts';
import { compareInRounds } from './compare.ts';
import { startTarget } from './target.ts';
import { type BenchResult, result } from './types.ts';

export default async function benchMe(): Promise<BenchResult[]> {
  const secret = 'bench-secret';
  const auth = `VK ${signVkLaunch(
    { vk_user_id: 1, vk_app_id: 51000001, vk_ts: Math.floor(Date.now() / 1000), vk_platform: 'mobile_android' },
    secret,
  )}`;
  const bare = await startTarget('bare');
  const app = await startTarget('app', secret);
  try {
    const { target, baseline, rounds } = await compareInRounds(
      { url: `${app.url}/api/me`, options: { headers: { Authorization: auth } } },
      // The same request bytes on both sides: the load generator's own cost must not tilt the ratio.
      { url: `${bare.url}/bare`, options: { headers: { Authorization: auth } } },
    );
    if (target.non2xx > 0) throw new Error(`/api/me answered ${target.non2xx} non-2xx responses under load`);
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
    ];
  } finally {
    await Promise.all([bare.stop(), app.stop()]);
  }
}
