/**
 * @module Per-user rate limits on the promo endpoints that write (tasks, claims, spins, answers), kept in memory per
 * app instance. Over the limit is a 429 in the usual JSON error shape with `Retry-After`. One instance per `Deps`, so
 * tests with their own clock do not share counters.
 */
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps.ts';
import { ApiError } from '../http/errors.ts';
import type { AppEnv } from '../http/router.ts';

export type RateBucket = 'task' | 'claim';

/** Up to `limit` requests at once, and `limit` more for every `windowMs` after (a token bucket). */
export const RATE_LIMITS: Record<RateBucket, { limit: number; windowMs: number }> = {
  task: { limit: 30, windowMs: 60_000 },
  claim: { limit: 20, windowMs: 60_000 },
};

/**
 * A token bucket stored the GCRA way (the "generic cell rate algorithm"): one number per user and bucket, the time
 * at which the user's bucket is full again, instead of a list of hit times. A user may spend `limit` requests at once;
 * the bucket refills at one request per `windowMs / limit`.
 * Memory comes back in two generations, as in the verified-launch cache: entries are written to the young map, which
 * becomes the old one after the longest window and is dropped whole after another; by then every entry in it has
 * expired. A busy server sees a new user with nearly every request, so this keeps the limiter out of the garbage
 * collector's way (a list per user, and a periodic sweep over all of them, cost a few percent of a claim's CPU).
 */
export class RateLimiter {
  private young = new Map<string, number>();
  private old = new Map<string, number>();
  private youngSince = Number.NEGATIVE_INFINITY;
  private readonly generationMs: number;

  constructor(private readonly limits = RATE_LIMITS) {
    this.generationMs = Math.max(...Object.values(limits).map((l) => l.windowMs));
  }

  /** Counts a hit; returns the milliseconds to wait when over the limit, or 0 when allowed. */
  hit(key: string, bucket: RateBucket, now: number): number {
    const { limit, windowMs } = this.limits[bucket];
    if (now - this.youngSince >= this.generationMs) {
      this.old = this.young;
      this.young = new Map();
      this.youngSince = now;
    }
    const id = `${bucket}:${key}`;
    const whole = this.young.get(id) ?? this.old.get(id) ?? now;
    const next = Math.max(whole, now) + windowMs / limit;
    if (next - now > windowMs) return next - now - windowMs;
    this.young.set(id, next);
    return 0;
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
