/**
 * A CSV download read as Russian Excel reads it (decision 060): whether it starts with the UTF-8 BOM (without it
 * Excel reads the bytes as Windows-1251), its text, and its rows split at `;` with RFC 4180 quotes, by the
 * catalogue importer's own reader (so a file we export also reads back through an import).
 */
import { csvRecords } from '../csv-records.ts';

export interface ExcelCsv {
  bom: boolean;
  /** The text after the BOM. */
  text: string;
  rows: string[][];
}

/** The rows of our CSV text (blank lines left out). */
export const excelRows = (text: string) => csvRecords(text, ';').map((r) => r.fields);

export function readExcelCsv(bytes: Uint8Array): ExcelCsv {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = new TextDecoder().decode(bytes);
  return { bom, text, rows: excelRows(text) };
}

/** @example const { bom, rows } = await excelCsv(await app.request('/api/admin/campaigns/1/leads.csv', …)); */
export const excelCsv = async (res: Response) => readExcelCsv(new Uint8Array(await res.arrayBuffer()));

/** A cell of ours read as a number: the decimal comma Excel expects back to a point. */
export const excelNumber = (cell: string | undefined) =>
  cell === undefined || cell === '' ? null : Number(cell.replace(',', '.'));
