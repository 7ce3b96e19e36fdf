/** The wheel stops with the drawn sector under the top pointer, always turning forward. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labelUpsideDown, nextRotation, sectorCenter } from './wheel-angle.ts';

/** Which sector sits under the pointer (at 0°) after turning the wheel by `rotation` degrees clockwise. */
function sectorUnderPointer(rotation: number, count: number): number {
  const angle = (((360 - (rotation % 360)) % 360) + 360) % 360;
  return Math.floor(angle / (360 / count));
}

describe('wheel angle', () => {
  it('item 17: no label reads upside down where the wheel rests (labels in the lower half are turned over)', () => {
    // Four sectors at rest: centres at 45° and 315° are in the upper half, 135° and 225° in the lower one.
    expect([0, 1, 2, 3].map((i) => labelUpsideDown(i, 4, 0))).toEqual([false, true, true, false]);
    // After a spin that put sector 2 under the pointer, it reads upright and the one opposite is turned over.
    const rotation = nextRotation(0, 2, 4);
    expect(labelUpsideDown(2, 4, rotation)).toBe(false);
    expect(labelUpsideDown(0, 4, rotation)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: -1e5, max: 1e5, noNaN: true }), (count, rot) => {
        for (let i = 0; i < count; i++) {
          // The label's final turn on screen: its sector's centre plus the wheel's turn, plus 180° when turned over.
          const turn = sectorCenter(i, count) + rot + (labelUpsideDown(i, count, rot) ? 180 : 0);
          const upright = ((((turn % 360) + 360) % 360) + 90) % 360;
          expect(upright).toBeLessThanOrEqual(180);
        }
      }),
    );
  });

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
