/**
 * @module The one CSV writer for every export (RFC 4180: CRLF rows, quotes doubled). A text cell that a spreadsheet
 * would read as a formula (OWASP "CSV injection": it starts with `=`, `+`, `-`, `@`, tab or carriage return) gets a
 * leading `'`, so `=cmd|' /C calc'!A0` from a participant's launch arrives as text. Numbers we computed are written as is.
 */

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: text that could start a formula neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole document: header row, then one row per record, each ended by CRLF.
 * @example toCsv(['id', 'source'], [[1, '=1+1']]) // 'id,source\r\n1,"\'=1+1"\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
