/**
 * @module How an office CSV import recognises its header row. Each import lists its columns once (code pools, prize
 * calendar moments, the catalogue): the English name its API documents, the Russian one a brand's manager types in
 * Excel, and the other words exports head them with. A header cell is compared with case, spaces, punctuation
 * (`_ - . , : ; ( ) « » % …`), `№` and the ё/е difference left out, so «Промокод», «Промокод:», «Промо-код» and
 * "PROMO_CODE" are one word. Units are words, not punctuation: «Цена, руб.» is `ценаруб`, which a table lists where it
 * means its column (so «Скидка, руб.» is never taken for the discount in percent). One matcher for every import, one
 * reading of a header row (the column each cell names, two cells naming one column, cells naming none) and one wording
 * of the columns a refused header needed, in both languages (pure: the office may use it).
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
 * A header cell as compared: `'Скидка, %'` → `'скидка'`, `'Промокод:'` → `'промокод'`, `'Цена, руб.'` → `'ценаруб'`,
 * `'PROMO_CODE'` → `'promocode'`, `'Ёлка'` → `'елка'`. Punctuation (any, quotes and brackets too), spaces, invisible
 * format characters (a BOM, a zero-width space) and `№` go; letters, digits and other symbols (`₽`, `$`, `+`) stay.
 */
export const headerWord = (cell: string) =>
  cell
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\p{P}\p{Z}\p{Cf}\s№]/gu, '');

/** A header row as read: what each cell names, and what a manager should hear about. */
export interface HeaderRow<K extends string> {
  /** The column each cell names (undefined for a cell naming none), in the row's order. */
  columns: (K | undefined)[];
  /** Two cells naming one column, e.g. «Цена» and "Price": which of them was meant is not ours to guess. */
  repeated: { column: K; first: string; second: string }[];
  /** Non-blank cells naming no column, as written (trimmed): their data is not read. */
  ignored: string[];
}

/** At most this many ignored cells are named back, each cut to `MAX_NAMED_CHARS`: a report, not a copy of the file. */
const MAX_NAMED = 50;
const MAX_NAMED_CHARS = 80;

/**
 * The ignored cells of a header row as an import's report says them back (`ignoredColumns`, decision 068).
 * @example namedBack(['Ссылкаа', 'Номинал']) // ['Ссылкаа', 'Номинал']
 */
export const namedBack = (ignored: readonly string[]) =>
  ignored.slice(0, MAX_NAMED).map((cell) => cell.slice(0, MAX_NAMED_CHARS));

export interface CsvHeader<K extends string> {
  /** The column a header cell names, or undefined. */
  columnOf(cell: string): K | undefined;
  /** A whole header row: the column of each cell, the columns named twice, the cells naming none. */
  row(cells: readonly string[]): HeaderRow<K>;
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
  const columnOf = (cell: string) => byWord.get(headerWord(cell));
  return {
    columnOf,
    row: (cells) => {
      const columns = cells.map(columnOf);
      const firstCell = new Map<K, string>();
      const repeated: HeaderRow<K>['repeated'] = [];
      const ignored: string[] = [];
      cells.forEach((cell, i) => {
        const column = columns[i];
        if (column === undefined) {
          // A blank cell (Excel's trailing `;`) heads nothing: only a named column holds data someone meant.
          if (headerWord(cell) !== '') ignored.push(cell.trim());
          return;
        }
        const first = firstCell.get(column);
        if (first === undefined) firstCell.set(column, cell.trim());
        else repeated.push({ column, first, second: cell.trim() });
      });
      return { columns, repeated, ignored };
    },
    expected: (keys = entries.map(([key]) => key)) =>
      keys.map((key) => `${columns[key].en} / ${columns[key].ru}`).join(', '),
  };
}
