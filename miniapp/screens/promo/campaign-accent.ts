/**
 * A campaign's accent colour (its `theme.accent` from the API) as VKUI's accent tokens, set on the campaign's
 * screens so buttons, links and icons take the brand's colour. Only a plain hex colour is accepted: the value
 * comes from the brand's settings and goes into a style, so anything else is ignored.
 */
import type { CSSProperties } from 'react';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function accentStyle(theme: { accent?: string } | undefined): CSSProperties | undefined {
  const accent = theme?.accent;
  if (!accent || !HEX.test(accent)) return undefined;
  const hover = `color-mix(in srgb, ${accent} 88%, black)`;
  const active = `color-mix(in srgb, ${accent} 80%, black)`;
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
  } as CSSProperties;
}
