/**
 * The office's warning about a brand's accent colour. Its button label is always readable (accent-style.ts picks white
 * or black, and one of them reaches 4.58:1 on any colour), but the accent is also the colour of links, tertiary
 * buttons and accent text, on VKUI's light and dark backgrounds alike. No colour reads on both; a mid tone (a mid
 * grey, the demo quiz's #E64646, VKUI's own #2688eb) reads on neither, so the office says so. A warning, not a refusal:
 * the colour is the brand's.
 */
import { accentTextContrast, isAccentColour } from '../accent-style.ts';
import { AA_TEXT } from '../contrast.ts';
import { fill } from '../i18n-fill.ts';
import { numberFormat } from '../intl-formats.ts';

/**
 * The warning in words (`template` with `{light}` and `{dark}`), or undefined when the colour reads on either background.
 * @example accentContrastNote('#808080', t.accentLowContrast, 'en') // '… light background (3.9:1) … dark one (4:1) …'
 */
export function accentContrastNote(
  accent: string | null | undefined,
  template: string,
  language: 'ru' | 'en',
): string | undefined {
  if (!isAccentColour(accent)) return undefined;
  const { light, dark } = accentTextContrast(accent);
  if (light >= AA_TEXT || dark >= AA_TEXT) return undefined;
  // Rounded down: 4.47 is not shown as the 4.5 it misses.
  const ratio = (r: number) => numberFormat(language, { maximumFractionDigits: 1 }).format(Math.floor(r * 10) / 10);
  return fill(template, { light: ratio(light), dark: ratio(dark) });
}
