/**
 * @module The client's key for one composed thing (a support text, an office reply, a broadcast), made once per
 * composition and kept across retries (miniapp/api/client-key.ts), so a send whose answer was lost, or a double click,
 * can be sent again without writing twice; sends of one key in a process run one at a time. Each feature keeps where
 * it stores the key; the shape and the refusal of a key reused for other content are one.
 */
import { z } from '@hono/zod-openapi';
import { TurnsPerKey } from '../turns-per-key.ts';
import { ApiError } from './errors.ts';

export const ClientKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/)
  .openapi({ description: 'Idempotency key of this composed text (8–64 of A–Z a–z 0–9 _ -)', example: 'f3a9c2e17b4d' });

/** The key was used for other content: the client kept a key it should have replaced. */
export const reused = () =>
  new ApiError(409, 'client_key_reused', 'This clientKey was sent before with another text; make a new one per text');

/**
 * A row as answers and audit rows show it: the key is the client's means of retrying one send, kept in its column only
 * (as canned answers, articles and drafts never show theirs), so it never travels to others reading the row or the log.
 * @example c.json(withoutClientKey(rule), 201)
 */
export function withoutClientKey<T extends { clientKey: unknown }>(row: T): Omit<T, 'clientKey'> {
  const { clientKey: _kept, ...shown } = row;
  return shown;
}

/** Per app (its database handle): the turns of its keys' sends in this process. */
const turnsByScope = new WeakMap<object, TurnsPerKey>();

/**
 * Runs `send` for `key` after every send of the same key queued before it in this process has ended, so a double tap
 * or a retry racing the first send finds what the first wrote instead of racing it (decision 061: what a repeat would
 * otherwise spend of a rate limit before it could see the first's row). Keys are the caller's, already namespaced per
 * person; `scope` is the app's database handle, so test apps do not wait on one another. A send holds its key as long
 * as it runs (no time limit: a repeat must never run beside it).
 * @example oneSendAtATime(db, key, () => writeOnce(…))
 */
export function oneSendAtATime<T>(scope: object, key: string, send: () => Promise<T>): Promise<T> {
  let turns = turnsByScope.get(scope);
  if (!turns) {
    turns = new TurnsPerKey();
    turnsByScope.set(scope, turns);
  }
  return turns.run(key, send);
}
