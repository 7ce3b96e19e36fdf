/**
 * @module Deterministic `random_id`s. VK drops a `messages.send` whose `random_id` it has already seen, so an id
 * derived from what the message is (and stored before the first attempt) turns a resend after a crash into a no-op.
 */
import { createHash } from 'node:crypto';

/**
 * A positive int32 derived from a key; `salt` moves to another value when the key collides with a stored one.
 * @example randomIdFor('broadcast:7:batch:0') // → 1234567890
 */
export function randomIdFor(key: string, salt = 0): number {
  const digest = createHash('sha256')
    .update(salt === 0 ? key : `${key}#${salt}`)
    .digest();
  // 31 bits, never 0 (0 tells VK "no de-duplication").
  return digest.readUInt32BE(0) & 0x7fffffff || 1;
}

/** Content key: rows with equal keys carry the same text, extras and channel and may share one `peer_ids` call. */
export function contentKeyFor(parts: { channel: string; text: string; extras: object }): string {
  return createHash('sha256')
    .update(JSON.stringify([parts.channel, parts.text, parts.extras]))
    .digest('base64url');
}
