/**
 * @module How an office CSV import recognises its header row. Each import lists its columns once (code pools, prize
 * calendar moments, the catalogue): the English name its API documents, the Russian one a brand's manager types in
 * Excel, and the other words exports head them with. A header cell is compared with case, spaces, `_`, `-`, `.`, `,`,
 * `%`, `№` and the ё/е difference left out, so «Промокод», «Промо-код» and "PROMO_CODE" are one word. One matcher for
 * every import, and one wording of the columns a refused header needed, in both languages (pure: the office may use it).
 */

export interface CsvColumn {
  /** The name the API documents, e.g. `reward_key`. */
  en: string;
  /** The name a Russian brand writes, e.g. «Приз». */
  ru: string;
  /** Other words for the same column (either language). */
  also?: readonly string[];
}

/**
 * A header cell as compared: `'Скидка, %'` → `'скидка'`, `'PROMO_CODE'` → `'promocode'`, `'Ёлка'` → `'елка'`.
 */
export const headerWord = (cell: string) =>
  cell
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\s_.,%№-]/g, '');

export interface CsvHeader<K extends string> {
  /** The column a header cell names, or undefined. */
  columnOf(cell: string): K | undefined;
  /** The columns for a message, English then Russian: `reward_key / Приз, at / Время`. */
  expected(keys?: readonly K[]): string;
}

/**
 * @example const header = csvHeader({ code: { en: 'code', ru: 'Промокод' } }); header.columnOf(' промо-код ') // 'code'
 */
export function csvHeader<K extends string>(columns: Readonly<Record<K, CsvColumn>>): CsvHeader<K> {
  const entries = Object.entries(columns) as [K, CsvColumn][];
  const byWord = new Map<string, K>();
  for (const [key, { en, ru, also = [] }] of entries) {
    for (const word of [en, ru, ...also].map(headerWord)) {
      const taken = byWord.get(word);
      // Two columns answering to one word would make a header's meaning depend on the table's order.
      if (taken !== undefined && taken !== key) throw new Error(`CSV header word "${word}" names ${taken} and ${key}`);
      byWord.set(word, key);
    }
  }
  return {
    columnOf: (cell) => byWord.get(headerWord(cell)),
    expected: (keys = entries.map(([key]) => key)) =>
      keys.map((key) => `${columns[key].en} / ${columns[key].ru}`).join(', '),
  };
}
