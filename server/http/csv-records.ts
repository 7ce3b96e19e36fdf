/**
 * @module Reading CSV text as spreadsheets write it (RFC 4180 with Excel's habits): fields in quotes may hold the
 * separator, `""` and line breaks; records end at CRLF, LF or CR; a record of blank fields (an empty line, Excel's
 * `;;;`) is left out. One reader for the office imports that need a CSV's cells (the catalogue, code pools, the
 * prize calendar's lines).
 */

/**
 * A cell without the `'` that keeps a value as text: what an Excel user types before a code Excel would read as a
 * number or a formula (`'LEAD-1`, `'0012`), and what our own exports write before a cell that starts like a formula
 * (server/http/csv.ts). For cells whose values never start with one (codes, keys, instants): code pools and the prize
 * calendar read a cell through it alike (decision 083); a catalogue's titles may start with an apostrophe.
 * @example withoutTextMarker("'LEAD-1") // 'LEAD-1'
 */
export const withoutTextMarker = (cell: string) => (cell.startsWith("'") ? cell.slice(1) : cell);

/**
 * The separator a file is written with: the one of `candidates` its first line holds most of (the first on a tie).
 * Russian Excel writes `;`, Google Sheets `,`.
 * @example csvSeparator('Промокод;Номинал, руб.\r\n…', [',', ';']) // ';'
 */
export function csvSeparator(text: string, candidates: readonly string[]): string {
  const end = text.search(/\r|\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  const count = (ch: string) => firstLine.split(ch).length;
  return candidates.reduce((best, ch) => (count(ch) > count(best) ? ch : best));
}

export interface CsvRecord {
  line: number;
  fields: string[];
  /** Its last field opened a quote the text never closes: everything after it was read into that one cell. */
  unclosedQuote?: true;
}

/** A record with where its text lies in the file (its line break left out), for a reader that needs it as written. */
export interface CsvRecordAt extends CsvRecord {
  from: number;
  to: number;
}

/**
 * Splits the text into records, each with the line it starts on; `separator` is one character, or several of which
 * any separates (the prize calendar takes `,` `;` and tab alike on a line).
 */
export function csvRecords(text: string, separator: string | readonly string[]): CsvRecord[] {
  return Array.from(eachCsvRecord(text, separator), ({ from: _from, to: _to, ...record }) => record);
}

/**
 * The records one at a time, so an import of a large file can let the event loop serve others between its chunks
 * (code pools, decision 016); records of blank fields are left out here too.
 */
export function* eachCsvRecord(text: string, separator: string | readonly string[]): Generator<CsvRecordAt> {
  const separates =
    typeof separator === 'string' ? (ch: string) => ch === separator : (ch: string) => separator.includes(ch);
  const worthReading = (fields: string[]) => fields.some((f) => f.trim() !== '');
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        // A line break inside a cell is a line of the file too: CRLF once, and a CR alone (old Mac, some exports).
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (separates(ch)) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      const to = i;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      if (worthReading(fields)) yield { line: start, fields, from, to };
      fields = [];
      field = '';
      line++;
      start = line;
      from = i + 1;
    } else field += ch;
  }
  const last = [...fields, field];
  if (quoted) yield { line: start, fields: last, unclosedQuote: true, from, to: text.length };
  else if ((field !== '' || fields.length > 0) && worthReading(last)) {
    yield { line: start, fields: last, from, to: text.length };
  }
}
