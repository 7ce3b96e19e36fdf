/**
 * @module The one CSV writer for every export, written for the brands' Russian Excel (decision 060): `;` between cells
 * and a decimal comma in our numbers (Excel's list and decimal separators in the Russian locale), CRLF rows, quotes
 * doubled (RFC 4180 otherwise), and a UTF-8 BOM on the download, without which Excel reads UTF-8 as Windows-1251. A
 * text cell that a spreadsheet would read as a formula (OWASP "CSV injection": it starts with `=`, `+`, `-`, `@`, tab
 * or carriage return) gets a leading `'`, so `=cmd|' /C calc'!A0` from a participant's launch arrives as text.
 */

import type { Context } from 'hono';

export type CsvValue = string | number | null | undefined;

/** Russian Excel's list separator: a comma-separated file opens there as one column. */
const CSV_SEPARATOR = ';';

const FORMULA_START = /^[=+\-@\t\r]/;
// A comma is quoted too, so a reader that guesses the separator from the text is never misled.
const NEEDS_QUOTES = /[";,\r\n]/;

/**
 * One cell: text that could start a formula neutralised, then quoted when it holds a quote, separator or line break;
 * a number with a decimal comma (`12.5` would open in Russian Excel as the date 12 May).
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole document: header row, then one row per record, each ended by CRLF.
 * @example toCsv(['id', 'source'], [[1, '=1+1']]) // 'id;source\r\n1;"\'=1+1"\r\n'
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(CSV_SEPARATOR)}\r\n`).join('');
}

/**
 * Every CSV download: the document after a UTF-8 BOM (our importers and `Response.text()` drop it), saved as
 * `fileName`. Built by the context, so the headers its middleware set (security-headers.ts) stay on the answer.
 * @example return csvAttachment(c, toCsv(['id'], [[1]]), 'leads-1.csv');
 */
export function csvAttachment(c: Context, csv: string, fileName: string): Response {
  return c.body(`\uFEFF${csv}`, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
  });
}
