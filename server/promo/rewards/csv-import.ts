/**
 * @module Importing a brand's codes from CSV into a pool, all or nothing: every problem is reported with its
 * line number (bad code, duplicate within the file, already in the pool) and nothing is written unless the
 * whole file is clean. The first column is the code; a header line (`code`) is skipped; blank lines are ignored.
 */
import { eq } from 'drizzle-orm';
import { type Db, schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import type { PoolRow } from './code-pool.ts';

export const MAX_CODES_PER_IMPORT = 100_000;
const CODE_PATTERN = /^[A-Za-z0-9_-]{3,64}$/;
const HEADERS = new Set(['code', 'codes', 'promo_code', 'promocode', 'код']);

export interface CsvLineError {
  line: number;
  message: string;
}

export interface ParsedCodes {
  codes: { line: number; code: string }[];
  errors: CsvLineError[];
}

function firstField(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('"')) {
    const end = trimmed.indexOf('"', 1);
    return end === -1 ? trimmed.slice(1) : trimmed.slice(1, end);
  }
  return (trimmed.split(/[,;\t]/)[0] ?? '').trim();
}

/** Parses the text; entry pools compare codes case-insensitively, so their codes are upper-cased. */
export function parseCodesCsv(text: string, normalize: (code: string) => string = (c) => c): ParsedCodes {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const codes: { line: number; code: string }[] = [];
  const errors: CsvLineError[] = [];
  const seen = new Map<string, number>();
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const field = firstField(raw);
    if (line === 1 && HEADERS.has(field.toLowerCase())) return;
    if (!CODE_PATTERN.test(field)) {
      errors.push({ line, message: `"${field.slice(0, 80)}" is not a code (3–64 letters, digits, _ or -)` });
      return;
    }
    const code = normalize(field);
    const first = seen.get(code);
    if (first !== undefined) {
      errors.push({ line, message: `${code} repeats line ${first}` });
      return;
    }
    seen.set(code, line);
    codes.push({ line, code });
  });
  if (codes.length + errors.length > MAX_CODES_PER_IMPORT) {
    errors.unshift({ line: 0, message: `At most ${MAX_CODES_PER_IMPORT} codes per import` });
  }
  if (codes.length === 0 && errors.length === 0) errors.push({ line: 0, message: 'The file has no codes' });
  return { codes, errors };
}

export interface ImportResult {
  imported: number;
  total: number;
}

/**
 * Imports a CSV into a pool or throws a 422 `ApiError` whose issues are `line N: reason`.
 * @example importPoolCodes(db, pool, 'code\nAAA111\nBBB222\n') // { imported: 2, total: 2 }
 */
export function importPoolCodes(db: Db, pool: PoolRow, csv: string): ImportResult {
  const normalize = pool.purpose === 'entry' ? (c: string) => c.toUpperCase() : (c: string) => c;
  const { codes, errors } = parseCodesCsv(csv, normalize);
  return db.transaction((tx) => {
    const existing = new Set(
      tx
        .select({ code: schema.poolCodes.code })
        .from(schema.poolCodes)
        .where(eq(schema.poolCodes.poolId, pool.id))
        .all()
        .map((r) => r.code),
    );
    for (const { line, code } of codes) {
      if (existing.has(code)) errors.push({ line, message: `${code} is already in the pool` });
    }
    if (errors.length > 0) {
      errors.sort((a, b) => a.line - b.line);
      throw new ApiError(
        422,
        'invalid_csv',
        `The file has ${errors.length} problem(s); nothing was imported`,
        errors.slice(0, 200).map((e) => ({ path: `line ${e.line}`, message: e.message })),
      );
    }
    for (let i = 0; i < codes.length; i += 500) {
      tx.insert(schema.poolCodes)
        .values(codes.slice(i, i + 500).map(({ code }) => ({ poolId: pool.id, code })))
        .run();
    }
    return { imported: codes.length, total: existing.size + codes.length };
  });
}
