/**
 * WCAG 2's contrast maths, in one place: relative luminance of an sRGB colour and the contrast ratio of two. Product
 * code picks labels with it (`accent-style.ts`); the browser sweep (`tests/browser/ui-contrast.ts`) measures with it.
 * `relativeLuminance` uses nothing outside its own body, so the sweep can send its source into the page it measures.
 */

/** An sRGB colour as 0–255 channels. */
export type Rgb = readonly [number, number, number];

/** WCAG AA for normal text; large text (24 px, or 18.66 px bold) needs 3. */
export const AA_TEXT = 4.5;

/**
 * @example relativeLuminance([255, 255, 255]) // 1; relativeLuminance([0, 0, 0]) // 0
 */
export function relativeLuminance(rgb: Rgb): number {
  const linear = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
}

/**
 * From 1 (the same) to 21 (black on white), whichever colour is the lighter.
 * @example contrastRatio([255, 255, 255], [0, 0, 0]) // 21
 */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * `#rgb` or `#rrggbb` as channels; the caller has checked the shape.
 * @example hexToRgb('#E64646') // [230, 70, 70]
 */
export function hexToRgb(hex: string): Rgb {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  return [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
}
