import { describe, expect, it } from 'vitest';
import { contrastRatio, hexToRgb, relativeLuminance } from './contrast.ts';

describe('WCAG contrast maths', () => {
  it('gives the published values', () => {
    expect(relativeLuminance([255, 255, 255])).toBe(1);
    expect(relativeLuminance([0, 0, 0])).toBe(0);
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBe(21);
    expect(contrastRatio([255, 255, 255], [0, 0, 0])).toBe(21);
    // #767676 is the lightest grey that reaches 4.5:1 on white.
    expect(contrastRatio(hexToRgb('#767676'), [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(hexToRgb('#777777'), [255, 255, 255])).toBeLessThan(4.5);
  });

  it('reads #rgb and #rrggbb', () => {
    expect(hexToRgb('#E64646')).toEqual([230, 70, 70]);
    expect(hexToRgb('#f0a')).toEqual([255, 0, 170]);
  });

  it('relativeLuminance stands alone, so its source can run in a page', () => {
    const again = new Function(`return (${relativeLuminance.toString()})`)() as typeof relativeLuminance;
    expect(again([230, 70, 70])).toBe(relativeLuminance([230, 70, 70]));
  });
});
