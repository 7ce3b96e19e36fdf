/** A wheel sector's chance as the office writes percentages (../../percent-text.ts): "12,5 %" / "12.5%", one decimal. */
import type { Language } from '../../../intl-formats.ts';
import { percentText } from '../../percent-text.ts';

/**
 * The share a weight gives out of all the wheel's weights, as a percentage in the office's language.
 * @example sectorChance(1, 8, 'ru') // '12,5 %' (a no-break space before the sign)
 */
export function sectorChance(weight: number, total: number, language: Language): string {
  return percentText(total <= 0 ? 0 : weight / total, language, { digits: 1, fixed: true });
}
