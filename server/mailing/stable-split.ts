/**
 * @module Stable splits by user: the same user always lands in the same variant and the same holdout bucket of a
 * rule, whatever order or process evaluates them.
 */
import { createHash } from 'node:crypto';

/** A bucket in [0, buckets) from a hash of the parts. @example bucketOf(100, 'holdout', 5, 42) */
export function bucketOf(buckets: number, ...parts: Array<string | number>): number {
  const digest = createHash('sha256').update(parts.join(':')).digest();
  return digest.readUInt32BE(0) % buckets;
}
