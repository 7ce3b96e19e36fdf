/**
 * @module The one CSV writer for every export, written for the Excel of the office's language (decisions 060, 075): in
 * Russian `;` between cells and a decimal comma in our numbers (Excel's list and decimal separators in the Russian
 * locale), in English `,` and a decimal point (the English locale's, where a `;` file opened as one column); CRLF rows, quotes
 * doubled (RFC 4180 otherwise), and a UTF-8 BOM on the download, without which Excel reads UTF-8 as Windows-1251. A
 * text cell that a spreadsheet would read as a formula (OWASP "CSV injection": it starts with `=`, `+`, `-`, `@`, tab
 * or carriage return) gets a leading `'`, so `=cmd|' /C calc'!A0` from a participant's launch arrives as text.
 */

import type { Context } from 'hono';

export type CsvValue = string | number | null | undefined;

/** The language an export is written for: the office's (the member's), which picks Excel's locale (decision 075). */
export type CsvLanguage = 'ru' | 'en';

/**
 * Excel's list and decimal separators in each language's locale: a file split at another separator opens there as one
 * column, and a number with the other decimal mark as text or a date (`12.5` is 12 May in Russian Excel).
 */
const DIALECTS: Record<CsvLanguage, { separator: string; decimal: string }> = {
  ru: { separator: ';', decimal: ',' },
  en: { separator: ',', decimal: '.' },
};

const FORMULA_START = /^[=+\-@\t\r]/;
// A comma is quoted too, so a reader that guesses the separator from the text is never misled.
const NEEDS_QUOTES = /[";,\r\n]/;

/**
 * One cell: text that could start a formula neutralised, then quoted when it holds a quote, separator or line break;
 * a number with the language's decimal mark (`12.5` would open in Russian Excel as the date 12 May).
 */
export function csvCell(value: CsvValue, language: CsvLanguage): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number')
    return Number.isFinite(value) ? String(value).replace('.', DIALECTS[language].decimal) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole document for the Excel of `language`: header row, then one row per record, each ended by CRLF.
 * @example toCsv(['id', 'source'], [[1, '=1+1']], 'ru') // 'id;source\r\n1;"\'=1+1"\r\n'
 * @example toCsv(['share'], [[12.5]], 'en') // 'share\r\n12.5\r\n'
 */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  language: CsvLanguage,
): string {
  const { separator } = DIALECTS[language];
  return [header, ...rows].map((row) => `${row.map((v) => csvCell(v, language)).join(separator)}\r\n`).join('');
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
