/**
 * @module Reading CSV text as spreadsheets write it (RFC 4180 with Excel's habits): fields in quotes may hold the
 * separator, `""` and line breaks; records end at CRLF, LF or CR; a record of blank fields (an empty line, Excel's
 * `;;;`) is left out. One reader for the office imports that need a CSV's cells (the catalogue, code-pool headers).
 */

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

/** Splits the text into records, each with the line it starts on. */
export function csvRecords(text: string, separator: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = '';
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted) records.push({ line: start, fields: [...fields, field], unclosedQuote: true });
  else if (field !== '' || fields.length > 0) records.push({ line: start, fields: [...fields, field] });
  return records.filter((r) => r.unclosedQuote || r.fields.some((f) => f.trim() !== ''));
}
