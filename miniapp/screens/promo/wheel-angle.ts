/**
 * Where the wheel must turn so the drawn sector stops under the pointer at the top. Sectors are drawn with equal
 * size clockwise from the top (the odds are listed beside the wheel, not drawn as sector widths).
 */
export function sectorCenter(index: number, count: number): number {
  return ((index + 0.5) * 360) / count;
}

/**
 * Whether a sector's label, turned with its sector, would read upside down once the wheel rests at `rotation`:
 * its centre then sits in the lower half (between 90° and 270° clockwise from the top), so the label is turned
 * half a circle more on its own centre to stay readable wherever the wheel stops.
 */
export function labelUpsideDown(index: number, count: number, rotation: number): boolean {
  const angle = (((sectorCenter(index, count) + rotation) % 360) + 360) % 360;
  return angle > 90 && angle < 270;
}

/**
 * The next absolute rotation (degrees, clockwise), always forward from `current`: whole `turns` plus the way to
 * the sector's centre, shifted by `jitter` (−1..1) within the sector so stops do not all look the same.
 */
export function nextRotation(current: number, index: number, count: number, turns = 5, jitter = 0): number {
  const size = 360 / count;
  const target = (360 - sectorCenter(index, count) + jitter * size * 0.35 + 360) % 360;
  const delta = (target - (current % 360) + 720) % 360;
  return current + turns * 360 + delta;
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
