/**
 * @module Scheduled winning moments from a brand's CSV: `reward_key,at` per line, `at` an ISO 8601 instant with an
 * explicit offset (`2026-06-01T12:00:00+03:00` or `…Z`), so a file means the same instant wherever it was written.
 * A header line (`reward_key,at`) and blank lines are skipped. Every problem is reported with its line number and
 * nothing is imported unless the whole file is clean. A cell that a spreadsheet escaped against formulas (a leading
 * `'`, as server/http/csv.ts writes) is read without it; any other cell starting a formula (`=`, `+`, `-`, `@`) is
 * refused, and a bad cell is never echoed back longer than 40 characters.
 */

import { type CsvLineCode, type CsvLineError, csvLineError } from '../csv-line-error.ts';

export const MAX_MOMENT_LINES = 10_000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const KEY = /^[a-z0-9_-]{1,64}$/i;
const FORMULA = /^[=+\-@\t\r]/;

export interface MomentLine {
  line: number;
  rewardKey: string;
  at: number;
}

export type MomentCsvError = CsvLineError;

/** One cell: surrounding quotes and a spreadsheet's formula guard removed. */
function cell(raw: string | undefined): string {
  let v = (raw ?? '').trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replaceAll('""', '"');
  return v.startsWith("'") ? v.slice(1) : v;
}

const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * Parses the file; `rewardKeys` are the rewards the calendar may hold (others are errors on their line).
 * @example parseMomentCsv('reward_key,at\nmug,2026-06-01T12:00:00+03:00', new Set(['mug'])) // { moments: [{ line: 2, rewardKey: 'mug', at: 1780304400000 }], errors: [] }
 */
export function parseMomentCsv(
  text: string,
  rewardKeys: ReadonlySet<string>,
): { moments: MomentLine[]; errors: MomentCsvError[] } {
  const moments: MomentLine[] = [];
  const errors: MomentCsvError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    const [keyCell, atCell, ...rest] = raw.split(/[,;\t]/);
    const key = cell(keyCell);
    const at = cell(atCell);
    if (index === 0 && /^reward[_ ]?key$/i.test(key)) return;
    if (moments.length + errors.length >= MAX_MOMENT_LINES) {
      if (errors.at(-1)?.code !== 'too_many_lines')
        errors.push(csvLineError(line, 'too_many_lines', { max: MAX_MOMENT_LINES }));
      return;
    }
    const ms = INSTANT.test(at) ? Date.parse(at) : Number.NaN;
    const problem = lineProblem(key, at, ms, rest, rewardKeys);
    if (problem) errors.push(csvLineError(line, ...problem));
    else moments.push({ line, rewardKey: key, at: ms });
  });
  return { moments, errors };
}

function lineProblem(
  key: string,
  at: string,
  ms: number,
  rest: string[],
  rewardKeys: ReadonlySet<string>,
): [CsvLineCode, Record<string, string>?] | undefined {
  if (rest.some((r) => r.trim() !== '')) return ['wrong_columns'];
  if (FORMULA.test(key) || FORMULA.test(at)) return ['formula'];
  if (!KEY.test(key)) return ['bad_reward_key', { value: shown(key) }];
  if (!rewardKeys.has(key)) return ['unknown_prize', { value: shown(key) }];
  if (!Number.isFinite(ms)) return ['bad_instant', { value: shown(at) }];
  return undefined;
}
