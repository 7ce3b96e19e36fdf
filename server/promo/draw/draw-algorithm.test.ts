/** The picker's rejection sampling, checked against the arithmetic written out here. */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { candidateIndex, nextPicks } from './draw-algorithm.ts';

const SEED = 'ab'.repeat(32);

function firstSixBytes(k: number): bigint {
  const h = createHmac('sha256', Buffer.from(SEED, 'hex')).update(`pick:${k}`).digest();
  return BigInt(`0x${h.subarray(0, 6).toString('hex')}`);
}

describe('provably-fair-draw/v1 picker', () => {
  it('item 3: rejects the top sliver of the range (no modulo bias) and maps the rest by x mod n', () => {
    // n = 2^47 + 1 leaves 2^48 mod n = 2^47 - 1, so about half of all k are rejected.
    const n = 2 ** 47 + 1;
    const limit = (1n << 48n) - ((1n << 48n) % BigInt(n));
    let rejected = 0;
    for (let k = 0; k < 64; k += 1) {
      const x = firstSixBytes(k);
      const got = candidateIndex(SEED, k, n);
      if (x >= limit) {
        expect(got).toBeNull();
        rejected += 1;
      } else expect(got).toBe(Number(x % BigInt(n)));
    }
    expect(rejected).toBeGreaterThan(10);
  });

  it('item 3: picks are distinct and stop when every entry is taken', () => {
    const { picks } = nextPicks(SEED, 5, 10, 0, new Set([2]));
    expect(picks.map((p) => p.index).sort()).toEqual([0, 1, 3, 4]);
  });
});
