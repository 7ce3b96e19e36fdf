/** Found from outside: a Russian office showed a wheel sector's chance as «шанс 12.5%» (the script's decimal point). */
import { describe, expect, it } from 'vitest';
import { sectorChance } from './wheel-chance.ts';

const NBSP = '\u00a0';

describe("a wheel sector's chance", () => {
  it("is written with the office language's decimal mark, as the office's percentages are", () => {
    expect(sectorChance(1, 8, 'ru')).toBe(`12,5${NBSP}%`);
    expect(sectorChance(1, 8, 'en')).toBe('12.5%');
    expect(sectorChance(2, 3, 'ru')).toBe(`66,7${NBSP}%`);
    expect(sectorChance(1, 0, 'ru')).toBe(`0,0${NBSP}%`);
  });
});
