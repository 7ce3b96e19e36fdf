/** The wheel stops with the drawn sector under the top pointer, always turning forward. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextRotation, sectorCenter } from './wheel-angle.ts';

/** Which sector sits under the pointer (at 0°) after turning the wheel by `rotation` degrees clockwise. */
function sectorUnderPointer(rotation: number, count: number): number {
  const angle = (((360 - (rotation % 360)) % 360) + 360) % 360;
  return Math.floor(angle / (360 / count));
}

describe('wheel angle', () => {
  it('centres of four sectors are 45°, 135°, 225°, 315°', () => {
    expect([0, 1, 2, 3].map((i) => sectorCenter(i, 4))).toEqual([45, 135, 225, 315]);
  });

  it('lands on the drawn sector from any start, forward by at least the whole turns', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 12 })
          .chain((count) =>
            fc.tuple(
              fc.constant(count),
              fc.integer({ min: 0, max: count - 1 }),
              fc.double({ min: 0, max: 100_000, noNaN: true }),
              fc.double({ min: -1, max: 1, noNaN: true }),
              fc.integer({ min: 0, max: 8 }),
            ),
          ),
        ([count, index, current, jitter, turns]) => {
          const next = nextRotation(current, index, count, turns, jitter);
          expect(next).toBeGreaterThanOrEqual(current + turns * 360);
          expect(next).toBeLessThan(current + (turns + 1) * 360);
          expect(sectorUnderPointer(next, count)).toBe(index);
        },
      ),
    );
  });
});
