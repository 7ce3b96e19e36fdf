/**
 * @module Per-user rate limits on the promo endpoints that write (tasks, claims, spins, answers): a sliding
 * window per (user, bucket), kept in memory per app instance. Over the limit is a 429 in the usual JSON
 * error shape with `Retry-After`. One instance per `Deps`, so tests with their own clock do not share counters.
 */
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../http/router.ts';

export type RateBucket = 'task' | 'claim';

export const RATE_LIMITS: Record<RateBucket, { limit: number; windowMs: number }> = {
  task: { limit: 30, windowMs: 60_000 },
  claim: { limit: 20, windowMs: 60_000 },
};

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private sweeps = 0;

  constructor(private readonly limits = RATE_LIMITS) {}

  /** Counts a hit; returns the milliseconds to wait when over the limit, or 0 when allowed. */
  hit(key: string, bucket: RateBucket, now: number): number {
    const { limit, windowMs } = this.limits[bucket];
    const id = `${bucket}:${key}`;
    let recent = this.hits.get(id);
    if (!recent) {
      recent = [];
      this.hits.set(id, recent);
    }
    // Times are in arrival order: expired ones are at the front, dropped in place (no new array per request).
    let expired = 0;
    while (expired < recent.length && (recent[expired] as number) <= now - windowMs) expired++;
    if (expired > 0) recent.splice(0, expired);
    if (recent.length >= limit) return (recent[0] ?? now) + windowMs - now;
    recent.push(now);
    if (++this.sweeps % 10_000 === 0) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    const longest = Math.max(...Object.values(this.limits).map((l) => l.windowMs));
    for (const [id, times] of this.hits) if ((times.at(-1) ?? 0) <= now - longest) this.hits.delete(id);
  }
}

const limiters = new WeakMap<Deps, RateLimiter>();

export function limiterFor(deps: Deps): RateLimiter {
  let limiter = limiters.get(deps);
  if (!limiter) {
    limiter = new RateLimiter();
    limiters.set(deps, limiter);
  }
  return limiter;
}

/** Middleware for routes behind `requireIdentity`. */
export const rateLimit = (bucket: RateBucket) =>
  createMiddleware<AppEnv>(async (c, next) => {
    // c.get(), not c.var: Hono builds a fresh object from all variables on every `c.var` read.
    const identity = c.get('identity');
    const deps = c.get('deps');
    const wait = limiterFor(deps).hit(`${identity.platform}:${identity.userId}`, bucket, deps.now());
    if (wait > 0) {
      c.header('Retry-After', String(Math.ceil(wait / 1000)));
      throw new ApiError(429, 'rate_limited', `Too many requests; retry in ${Math.ceil(wait / 1000)} s`);
    }
    await next();
  });
