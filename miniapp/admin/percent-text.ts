/**
 * The office's one way to write a percentage: `Intl`'s percent style for the office's language, so every screen reads
 * alike ("12,5 %" in Russian, with the no-break space Russian typography puts there; "12.5%" in English). Before, the
 * statistics wrote "12,5 %" and the wheel's chances, the funnel and the period change "12,5%" beside them.
 */
import { type Language, numberFormat } from '../intl-formats.ts';

/**
 * `share` (0.125 for 12.5 %) in the language's percent style, with at most `digits` decimals (exactly `digits` when
 * `fixed`).
 * @example percentText(0.125, 'ru') // '12,5 %' (a no-break space before the sign)
 * @example percentText(0.125, 'en') // '12.5%'
 */
export function percentText(share: number, language: Language, { digits = 1, fixed = false } = {}): string {
  return numberFormat(language, {
    style: 'percent',
    maximumFractionDigits: digits,
    ...(fixed ? { minimumFractionDigits: digits } : {}),
  }).format(share);
}
