/** A wheel sector's chance as the office writes numbers: "12,5" in Russian, "12.5" in English (one decimal). */
import { type Language, numberFormat } from '../../../intl-formats.ts';

/**
 * The percentage a weight gives out of all the wheel's weights, in the office's language (the template adds "%").
 * @example sectorChance(1, 8, 'ru') // '12,5'
 */
export function sectorChance(weight: number, total: number, language: Language): string {
  if (total <= 0) return '0';
  return numberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format((100 * weight) / total);
}
