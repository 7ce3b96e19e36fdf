/**
 * An accent colour as VKUI's accent tokens, so buttons, links and icons take it: every screen of a campaign takes the
 * campaign's `theme.accent` (through theme-sheet.ts, use-campaign-accent.ts), a white-label build its colours
 * (scripts/package/white-label.ts), Telegram's button colour its shades (telegram-launch.ts), and the office's subtree
 * its agency's white label (`accentStyle`, inline). Only a plain hex colour is
 * accepted: the value comes from settings and goes into a style, so anything else is ignored. A primary button's
 * label (VKUI's `*_contrast_themed`) is set to white or black, whichever has the higher WCAG contrast on the colour:
 * VKUI's dark theme would otherwise put its dark label on any brand colour, and its light theme a white one on a pale
 * one. Hover and press shade the button away from its label (darker under white, lighter under black), so a pressed
 * button reads at least as well as a resting one.
 */
import type { CSSProperties } from 'react';
import { contrastRatio, hexToRgb, type Rgb } from './contrast.ts';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function accentStyle(accent: string | null | undefined): CSSProperties | undefined {
  return accentTokens(accent) as CSSProperties | undefined;
}

/**
 * The tokens themselves (the participant's screens get them through theme-sheet.ts). `label` is a label the accent
 * comes with (Telegram's button text colour); without one it is picked by contrast.
 * @example accentTokens('#E64646')?.['--vkui--color_text_contrast_themed'] // '#000000'
 */
export function accentTokens(accent: string | null | undefined, label?: string): Record<string, string> | undefined {
  if (!isAccentColour(accent)) return undefined;
  const on = label ?? labelOn(accent);
  const away = labelOn(on) === WHITE ? 'white' : 'black';
  const hover = `color-mix(in srgb, ${accent} 88%, ${away})`;
  const active = `color-mix(in srgb, ${accent} 80%, ${away})`;
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
    '--vkui--color_text_contrast_themed': on,
    '--vkui--color_icon_contrast_themed': on,
  };
}

const WHITE = '#ffffff';
const BLACK = '#000000';

/**
 * White or black for a label on `hex` (#rgb or #rrggbb): the one with the higher WCAG contrast ratio. Either colour
 * leaves one of them at 4.58:1 or more (the two ratios meet at luminance 0.179), so a label on an accent always
 * passes AA. VKUI's own blue (#2688eb) gets black by this rule (5.8:1 against white's 3.6:1).
 * @example labelOn('#1a7f5a') // '#ffffff'; labelOn('#E64646') // '#000000'
 */
export function labelOn(hex: string): typeof WHITE | typeof BLACK {
  const rgb = hexToRgb(hex);
  return contrastRatio(rgb, WHITE_RGB) >= contrastRatio(rgb, BLACK_RGB) ? WHITE : BLACK;
}

const WHITE_RGB: Rgb = [255, 255, 255];
const BLACK_RGB: Rgb = [0, 0, 0];
/** VKUI's content backgrounds: light (#fff) and the lighter of its dark ones (#222, vkcom; android's is #19191a). */
const LIGHT_BACKGROUND: Rgb = [255, 255, 255];
const DARK_BACKGROUND: Rgb = [0x22, 0x22, 0x22];

/**
 * How the accent reads as text (links, tertiary buttons, accent text and icons) on VKUI's light and dark content
 * background: the part of a brand's colour no label choice can fix, so the office warns about it.
 * @example accentTextContrast('#E64646') // { light: 3.9…, dark: 4.0… }
 */
export function accentTextContrast(hex: string): { light: number; dark: number } {
  const rgb = hexToRgb(hex);
  return { light: contrastRatio(rgb, LIGHT_BACKGROUND), dark: contrastRatio(rgb, DARK_BACKGROUND) };
}

/** Whether `accent` can go into a style (a plain hex colour). */
export function isAccentColour(accent: string | null | undefined): accent is string {
  return !!accent && HEX.test(accent);
}
