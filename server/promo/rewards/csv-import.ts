/**
 * @module Importing a brand's codes from CSV into a pool: every problem is reported with its line number (bad code,
 * duplicate within the file, already in the pool) and nothing is written unless the whole file is clean. The first
 * column is the code; a first line naming that column (`code`, «Промокод», «Промокод:», …) is skipped, unless another
 * of its cells names it too (`repeated_column`); its other cells («Номинал») head data a pool has no home for, and are
 * said back in the result (`ignoredColumns`) so that nobody believes it was kept. A file without a header whose lines
 * hold more cells («AAA-1;500») says those columns back by the letters a spreadsheet shows them under («B», «C»):
 * there is no heading to name (decision 080). Blank lines are ignored, and so are lines of blank cells (`;;`).
 * The file is read by the shared CSV reader (csv-records.ts), as the catalogue's is: a quoted cell may span lines, a
 * problem names the line its record starts on, and a quote never closed is `unclosed_quote` (decision 087).
 * Work is done in chunks of records with the event loop free in between (decision 016).
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { and, eq, inArray } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import type { ImportProgress, ImportResult } from '../../db/schema/code-import.ts';
import { inTransaction, type Tx } from '../../db/transactions.ts';
import { csvHeader, namedBack } from '../../http/csv-header.ts';
import {
  type CsvRecordAt,
  csvRecords,
  csvSeparator,
  eachCsvRecord,
  withoutTextMarker,
} from '../../http/csv-records.ts';
import { ApiError } from '../../http/errors.ts';
import { type CsvLineError, csvIssues, csvLineError } from '../csv-line-error.ts';
import { moveIntoPool } from './code-import-move.ts';
import type { PoolRow } from './code-pool.ts';

export const MAX_CODES_PER_IMPORT = 100_000;
const CODE_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;
/**
 * The code column as a brand's own export (Excel, Google Sheets, a shop's admin) heads it: «Промокод», "Promo code",
 * "PROMO_CODES", «Коды», «Номер купона». Only these words: any other first line is read as a code, so a file that starts
 * with a malformed code is still refused on line 1, never skipped.
 */
const CODE_HEADER = csvHeader({
  code: {
    en: 'code',
    ru: 'Промокод',
    also: [
      ...['codes', 'promocode', 'promocodes', 'coupon', 'coupons', 'couponcode', 'couponcodes'],
      ...['voucher', 'vouchers', 'vouchercode', 'vouchercodes'],
      ...['код', 'коды', 'промокоды', 'купон', 'купоны', 'код купона', 'коды купонов', 'номер купона'],
      ...['код скидки', 'ваучер', 'ваучеры', 'сертификат', 'номер сертификата', 'код сертификата', 'код активации'],
    ],
  },
});
/** A first line that cannot be a code and holds a space or a non-ASCII letter was meant as a header. */
const HEADER_LIKE = /[^\x21-\x7e]/;

export type { CsvLineError };

export interface ParsedCodes {
  codes: { line: number; code: string }[];
  errors: CsvLineError[];
  /** The header's cells past the code column, as written: their data is not imported. */
  ignoredColumns: string[];
}

/** A header line's cells as a spreadsheet wrote them: in Russian Excel's `;` file «Номинал, руб.» is one cell. */
const headerCells = (line: string) => csvRecords(line, csvSeparator(line, [',', ';', '\t']))[0]?.fields ?? [];

/** Rows per step: each step is one short transaction (or one query), then the event loop serves others. */
export const IMPORT_CHUNK = 2_000;

interface ParseState extends ParsedCodes {
  seen: Map<string, number>;
  /** Whether line 1 was the code column's header (its cells then name the other columns). */
  headed: boolean;
  /** In a file without a header: the 0-based columns past the code that hold data on some line. */
  filledColumns: Set<number>;
}

/** Spreadsheet column letters: 1 → «B», 25 → «Z», 26 → «AA». */
function columnLetters(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** Notes which cells past the first hold data (a line with no separator has none: the common case costs a test). */
function noteFilledColumns(raw: string, state: ParseState): void {
  if (state.headed || !/[,;\t]/.test(raw) || state.filledColumns.size >= 50) return;
  headerCells(raw).forEach((cell, i) => {
    if (i > 0 && cell.trim() !== '') state.filledColumns.add(i);
  });
}

const newParseState = (): ParseState => ({
  codes: [],
  errors: [],
  ignoredColumns: [],
  seen: new Map(),
  headed: false,
  filledColumns: new Set(),
});

/**
 * Cells with nothing in them but spaces and quotes (` ; "" ;`), which the reader keeps as cells: no code. One
 * character class, so a long line is never backtracked over.
 */
const BLANK_ROW = /^[\s",;]*$/;

/** The separators a code file's line may use: the code column holds none of them, so any one ends it. */
const SEPARATORS = [',', ';', '\t'] as const;

/**
 * One record of the file (the shared reader: a quoted cell may hold line breaks, and the next record is named by the
 * line it starts on, as the catalogue and the calendar name theirs). Records of blank cells never reach here.
 */
function parseRecord(
  text: string,
  { line, fields, unclosedQuote, from, to }: CsvRecordAt,
  normalize: (code: string) => string,
  state: ParseState,
): void {
  // A stray quote swallows every line after it into one cell: say where, rather than call that cell no code.
  if (unclosedQuote) {
    state.errors.push(csvLineError(line, 'unclosed_quote', { opened: line }));
    return;
  }
  const raw = text.slice(from, to);
  if (BLANK_ROW.test(raw)) return;
  // `'LEAD-1`: the apostrophe Excel users type to keep a code as text is no part of it (as the calendar reads it).
  const field = withoutTextMarker((fields[0] ?? '').trim());
  if (line === 1 && CODE_HEADER.columnOf(field)) {
    // «Промокод;Код»: two code columns, and which one holds the codes is not ours to guess. Other columns (a
    // «Номинал») have no home in a pool: a pool stores codes only, so they were never data this import keeps.
    const {
      repeated: [clash],
      ignored,
    } = CODE_HEADER.row(headerCells(raw));
    state.ignoredColumns = namedBack(ignored);
    state.headed = true;
    if (clash) {
      const [first, second] = [clash.first, clash.second].map((c) => JSON.stringify(c.slice(0, 40)));
      const params = { first: first as string, second: second as string, column: CODE_HEADER.expected() };
      state.errors.push(csvLineError(line, 'repeated_column', params));
    }
    return;
  }
  if (line === 1 && !CODE_PATTERN.test(field) && HEADER_LIKE.test(field)) {
    const value = JSON.stringify(field.slice(0, 80));
    state.errors.push(csvLineError(line, 'unknown_header', { value, expected: CODE_HEADER.expected() }));
    return;
  }
  noteFilledColumns(raw, state);
  if (!CODE_PATTERN.test(field)) {
    state.errors.push(csvLineError(line, 'not_a_code', { value: JSON.stringify(field.slice(0, 80)) }));
    return;
  }
  const code = normalize(field);
  const first = state.seen.get(code);
  if (first !== undefined) {
    state.errors.push(csvLineError(line, 'repeats_line', { value: code, first }));
    return;
  }
  state.seen.set(code, line);
  state.codes.push({ line, code });
}

function finishParse({ codes, errors, ignoredColumns: named, headed, filledColumns }: ParseState): ParsedCodes {
  const ignoredColumns = headed ? named : [...filledColumns].sort((a, b) => a - b).map(columnLetters);
  if (codes.length + errors.length > MAX_CODES_PER_IMPORT) {
    errors.unshift(csvLineError(0, 'too_many_lines', { max: MAX_CODES_PER_IMPORT }));
  }
  if (codes.length === 0 && errors.length === 0) errors.push(csvLineError(0, 'no_codes'));
  return { codes, errors, ignoredColumns };
}

const withoutBom = (text: string) => text.replace(/^\uFEFF/, '');

/** The file's lines as an editor numbers them (the progress counts these). */
const lineCount = (text: string) => (text.match(/\r\n|\n|\r/g)?.length ?? 0) + 1;

/** Parses the text; entry pools compare codes case-insensitively, so their codes are upper-cased. */
export function parseCodesCsv(csv: string, normalize: (code: string) => string = (c) => c): ParsedCodes {
  const text = withoutBom(csv);
  const state = newParseState();
  for (const record of eachCsvRecord(text, SEPARATORS)) parseRecord(text, record, normalize, state);
  return finishParse(state);
}

/**
 * Called in the one transaction that puts the file's codes into the pool (the audit entry, the job's end commit with
 * them); throwing rolls all of it back.
 */
export type ImportWritten = (
  tx: Tx,
  part: { codes: number; firstLine: number; lastLine: number },
  result: ImportResult,
) => Promise<void>;

/** Problems found by line; nothing was written. */
export class CsvImportError extends ApiError {
  constructor(readonly lineErrors: CsvLineError[]) {
    super(
      422,
      'invalid_csv',
      `The file has ${lineErrors.length} problem(s); nothing was imported`,
      csvIssues(lineErrors),
    );
  }
}

/**
 * Imports a CSV into a pool, a chunk at a time with the event loop free in between, so other requests are served
 * during a 100,000-code import. Every check runs before the first write: a file with any problem writes nothing and
 * throws a `CsvImportError` whose issues are `line N: reason`. The codes are first set aside by line
 * (`promo_code_import_rows`, a short transaction per chunk), then moved into the pool by one statement in one
 * transaction that first looks again for codes that reached the pool meanwhile (another upload): any found are
 * refused by the line they came from and nothing is moved (decision 118). `importId` is the job's (code-imports.ts
 * opens it; `importCodes` there for a direct import): rows are set aside only under a job, so a process that dies
 * half-way leaves a job that goes stale and the next start clears them.
 */
export async function importUnderJob(
  db: Db,
  pool: PoolRow,
  csv: string,
  importId: string,
  onProgress: (p: ImportProgress) => unknown = () => {},
  chunk = IMPORT_CHUNK,
  onWritten?: ImportWritten,
): Promise<ImportResult> {
  try {
    return await importInto(db, pool, csv, onProgress, chunk, importId, onWritten);
  } finally {
    await inTransaction(db, (tx) =>
      tx.delete(schema.codeImportRows).where(eq(schema.codeImportRows.importId, importId)),
    );
  }
}

async function importInto(
  db: Db,
  pool: PoolRow,
  csv: string,
  onProgress: (p: ImportProgress) => unknown,
  chunk: number,
  importId: string,
  onWritten?: ImportWritten,
): Promise<ImportResult> {
  const normalize = pool.purpose === 'entry' ? (c: string) => c.toUpperCase() : (c: string) => c;
  const text = withoutBom(csv);
  const state = newParseState();
  const progress: ImportProgress = {
    phase: 'parsing',
    lines: lineCount(text),
    linesParsed: 0,
    codes: 0,
    checked: 0,
    written: 0,
  };
  let inChunk = 0;
  for (const record of eachCsvRecord(text, SEPARATORS)) {
    parseRecord(text, record, normalize, state);
    if (++inChunk < chunk) continue;
    inChunk = 0;
    progress.linesParsed = record.line;
    await onProgress(progress);
    await yieldToLoop();
  }
  progress.linesParsed = progress.lines;
  await onProgress(progress);
  const { codes, errors, ignoredColumns } = finishParse(state);
  progress.phase = 'checking';
  progress.codes = codes.length;
  for (let i = 0; i < codes.length; i += chunk) {
    const part = codes.slice(i, i + chunk);
    const existing = new Set(
      (
        await db
          .select({ code: schema.poolCodes.code })
          .from(schema.poolCodes)
          .where(
            and(
              eq(schema.poolCodes.poolId, pool.id),
              inArray(
                schema.poolCodes.code,
                part.map((c) => c.code),
              ),
            ),
          )
      ).map((r) => r.code),
    );
    for (const { line, code } of part) {
      if (existing.has(code)) errors.push(csvLineError(line, 'already_in_pool', { value: code }));
    }
    progress.checked = i + part.length;
    await onProgress(progress);
    await yieldToLoop();
  }
  if (errors.length > 0) throw new CsvImportError(errors.sort((a, b) => a.line - b.line));
  progress.phase = 'writing';
  for (let i = 0; i < codes.length; i += chunk) {
    const part = codes.slice(i, i + chunk);
    await inTransaction(db, async (tx) => {
      for (let k = 0; k < part.length; k += 500) {
        const rows = part.slice(k, k + 500).map(({ line, code }) => ({ importId, line, code }));
        await tx.insert(schema.codeImportRows).values(rows);
      }
    });
    progress.written = i + part.length;
    await onProgress(progress);
    await yieldToLoop();
  }
  const written = { codes: codes.length, firstLine: codes[0]?.line ?? 0, lastLine: codes.at(-1)?.line ?? 0 };
  return moveIntoPool(db, pool, importId, written, ignoredColumns, onWritten);
}
