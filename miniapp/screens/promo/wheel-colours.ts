/**
 * Each wheel sector's fill and label, as VKUI tokens. The labels are 13 px semibold, small text by WCAG (large is 24 px,
 * or 18.66 px bold), so each must reach 4.5:1 on its fill in light and dark (wheel-colours.test.ts measures every
 * one against VKUI's own token values).
 */
import { isAccentColour } from '../../accent-style.ts';

/** A sector's background and its label's colour, as CSS. */
export type SectorColours = readonly [fill: string, label: string];

/**
 * A campaign's own accent comes with the label accent-style.ts picked for it (white or black, by contrast). VKUI's
 * default accents (#2688eb light, white dark; vkcom #447bba, #e1e3e6) all read better under black than under VKUI's
 * `*_contrast_themed` (white on #2688eb is 3.6:1), so without a campaign accent the label is VKUI's black-in-every-theme.
 */
function accentSector(accented: boolean): SectorColours {
  return [
    'var(--vkui--color_background_accent_themed)',
    accented ? 'var(--vkui--color_text_contrast_themed)' : 'var(--vkui--color_text_primary_invariably)',
  ];
}

/** A light tint of the accent, so neighbouring prize sectors stay apart whatever the accent is. */
const TINT: SectorColours = [
  'color-mix(in srgb, var(--vkui--color_background_accent_themed) 30%, var(--vkui--color_background_content))',
  'var(--vkui--color_text_primary)',
];

/**
 * The losing sector: a muted fill, but the primary text colour on it. VKUI's secondary text there read 3.5:1 in dark
 * (#76787a on #232324) and 3.1:1 in light (#818c99 on #f5f5f5), too faint for 13 px (found from outside in dark).
 */
export const LOSE: SectorColours = ['var(--vkui--color_background_secondary)', 'var(--vkui--color_text_primary)'];

/**
 * Prize sectors alternate the accent and its tint; a sector without a reward is the losing one.
 * @example sectorColours([{ rewardKey: 'a' }, { rewardKey: null }], null) // [accent sector, LOSE]
 */
export function sectorColours(sectors: readonly { rewardKey?: string | null }[], accent: string | null | undefined) {
  const accented = isAccentColour(accent);
  return sectors.map((s, i): SectorColours => (s.rewardKey ? (i % 2 === 0 ? accentSector(accented) : TINT) : LOSE));
}
