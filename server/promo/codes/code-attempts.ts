/**
 * @module Wrong codes typed by one user (enter-code tasks and pack-code plays share the `code_attempt` bucket of
 * http/rate-limit.ts): enough for typos, too few to guess a pack's codes. Only wrong codes are counted.
 */
import type { Identity } from '../../auth/identity.ts';
import type { Deps } from '../../deps.ts';
import { RateLimitedError } from '../../http/errors.ts';
import { limiterFor, retryAfterSeconds } from '../../http/rate-limit.ts';

const userKey = (identity: Identity) => `${identity.platform}:${identity.userId}`;

/** Refuses a code attempt (429) while the user is over the wrong-code limit. */
export async function checkCodeAttempts(deps: Deps, identity: Identity): Promise<void> {
  const wait = await limiterFor(deps).peek(userKey(identity), 'code_attempt', deps.now());
  if (wait > 0) {
    throw new RateLimitedError(
      retryAfterSeconds(wait),
      'too_many_attempts',
      `Too many wrong codes; try again in ${Math.ceil(wait / 60_000)} min`,
    );
  }
}

/** Counts one wrong code against the user. */
export async function countWrongCode(deps: Deps, identity: Identity): Promise<void> {
  await limiterFor(deps).hit(userKey(identity), 'code_attempt', deps.now());
}
