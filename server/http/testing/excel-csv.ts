/**
 * A CSV download read as Excel reads it in the office's language (decisions 060, 075): whether it starts with the
 * UTF-8 BOM (without it Excel reads the bytes as Windows-1251), its text, and its rows split at that locale's list
 * separator (Russian `;`, English `,`) with RFC 4180 quotes, by the catalogue importer's own reader (so a file we
 * export also reads back through an import).
 */

import type { CsvLanguage } from '../csv.ts';
import { csvRecords } from '../csv-records.ts';

/** Excel's list separator in the locale of each language: what it splits a double-clicked CSV at. */
const EXCEL_SEPARATOR: Record<CsvLanguage, string> = { ru: ';', en: ',' };

export interface ExcelCsv {
  bom: boolean;
  /** The text after the BOM. */
  text: string;
  rows: string[][];
}

/** The rows of our CSV text (blank lines left out). */
export const excelRows = (text: string, language: CsvLanguage = 'ru') =>
  csvRecords(text, EXCEL_SEPARATOR[language]).map((r) => r.fields);

export function readExcelCsv(bytes: Uint8Array, language: CsvLanguage = 'ru'): ExcelCsv {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder().decode(bytes);
  return { bom, text, rows: excelRows(text, language) };
}

/** @example const { bom, rows } = await excelCsv(await app.request('/api/admin/campaigns/1/leads.csv', …)); */
export const excelCsv = async (res: Response, language: CsvLanguage = 'ru') =>
  readExcelCsv(new Uint8Array(await res.arrayBuffer()), language);

/** A cell of ours read as a number: a Russian file's decimal comma back to a point. */
export const excelNumber = (cell: string | undefined) =>
  cell === undefined || cell === '' ? null : Number(cell.replace(',', '.'));
