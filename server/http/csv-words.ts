/**
 * @module The words a CSV export is written in beyond its numbers (decision 076): a column's or a value's words in
 * both office languages, picked by the language the file is for (decision 075), so the stuck list, the leads and the
 * draw's winners read "Статус: В работе" as the office's screens do, not `status: in_progress`. A domain keeps its
 * words beside it (leads/lead-words.ts, promo/draw/draw-words.ts, funnel/stage-words.ts), where the office's strings
 * read them too: one home for what a state is called.
 */
import type { CsvLanguage } from './csv.ts';

/** One thing named in both office languages. */
export type Words = { ru: string; en: string };

/** A yes-or-no cell. */
export const YES_NO: Record<'yes' | 'no', Words> = { yes: { ru: 'Да', en: 'Yes' }, no: { ru: 'Нет', en: 'No' } };

/**
 * The header of an export whose columns are the keys of `columns`, in their order, in `language`.
 * @example csvHeader({ id: { ru: '№', en: '#' } }, 'en') // ['#']
 */
export function csvHeader(columns: Readonly<Record<string, Words>>, language: CsvLanguage): string[] {
  return Object.values(columns).map((w) => w[language]);
}

/** A value's words, or the value as stored when it has none (a state added later is still readable, never lost). */
export function csvWord<K extends string>(
  words: Readonly<Partial<Record<K, Words>>>,
  value: K | null | undefined,
  language: CsvLanguage,
): string {
  if (value === null || value === undefined) return '';
  return words[value]?.[language] ?? value;
}

/** `yes` or `no` in the file's language. */
export const yesNo = (value: boolean, language: CsvLanguage): string => YES_NO[value ? 'yes' : 'no'][language];
