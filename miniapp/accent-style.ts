/**
 * An accent colour as VKUI's accent tokens, set on a subtree so its buttons, links and icons take it: a campaign's
 * screens take the campaign's `theme.accent`, the office its agency's white label. Only a plain hex colour is
 * accepted: the value comes from settings and goes into a style, so anything else is ignored. A primary button's
 * label (VKUI's `*_contrast_themed`) is set to white or black, whichever reads better on the colour: VKUI's dark
 * theme would otherwise put its dark label on any brand colour, and its light theme a white one on a pale one.
 */
import type { CSSProperties } from 'react';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function accentStyle(accent: string | null | undefined): CSSProperties | undefined {
  if (!accent || !HEX.test(accent)) return undefined;
  const hover = `color-mix(in srgb, ${accent} 88%, black)`;
  const active = `color-mix(in srgb, ${accent} 80%, black)`;
  const label = labelOn(accent);
  return {
    '--vkui--color_background_accent': accent,
    '--vkui--color_background_accent_themed': accent,
    '--vkui--color_background_accent--hover': hover,
    '--vkui--color_background_accent_themed--hover': hover,
    '--vkui--color_background_accent--active': active,
    '--vkui--color_background_accent_themed--active': active,
    '--vkui--color_stroke_accent': accent,
    '--vkui--color_stroke_accent_themed': accent,
    '--vkui--color_text_accent': accent,
    '--vkui--color_text_accent_themed': accent,
    '--vkui--color_icon_accent': accent,
    '--vkui--color_icon_accent_themed': accent,
    '--vkui--color_text_contrast_themed': label,
    '--vkui--color_icon_contrast_themed': label,
  } as CSSProperties;
}

/**
 * White or black for a label on `hex` (#rgb or #rrggbb), by the colour's perceived brightness (YIQ, as W3C's
 * colour-brightness check weighs it): white below 150 of 255. Not WCAG 2's luminance ratio, which would put black on
 * VKUI's own blue (#2688eb) and on most saturated brand colours, where VK and every brand book use white.
 * @example labelOn('#1a7f5a') // '#ffffff'; labelOn('#ffd500') // '#000000'
 */
export function labelOn(hex: string): '#ffffff' | '#000000' {
  const digits = hex.length === 4 ? [...hex.slice(1)].map((d) => d + d).join('') : hex.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
  return (299 * r + 587 * g + 114 * b) / 1000 < 150 ? '#ffffff' : '#000000';
}
