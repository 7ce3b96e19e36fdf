/**
 * @module A problem on one line of an office CSV import (code pools, prize calendar moments): a stable `code` with its
 * `params`, which the office words in Russian or English, and the English `message` for API readers and logs. One
 * table of codes and their English wording, so the two imports speak alike.
 */

export const CSV_LINE_MESSAGES = {
  not_a_code: (p) => `${p.value} is not a code (3–64 letters, digits, _ or -)`,
  repeats_line: (p) => `${p.value} repeats line ${p.first}`,
  already_in_pool: (p) => `${p.value} is already in the pool`,
  too_many_lines: (p) => `At most ${p.max} lines per import`,
  no_codes: () => 'The file has no codes',
  unclosed_quote: (p) =>
    `a quote opened on line ${p.opened} is never closed: the lines after it would be read as one cell`,
  no_moments: () => 'The file has no moments',
  unknown_header: (p) => `${p.value} is not a header this import knows; expected the columns ${p.expected}`,
  wrong_columns: (p) => `expected only the columns ${p.expected}`,
  repeated_column: (p) => `the columns ${p.first} and ${p.second} both mean ${p.column}: keep one`,
  formula: () => 'a cell starts like a spreadsheet formula (=, +, -, @)',
  bad_reward_key: (p) => `reward_key ${p.value} is not a reward key`,
  unknown_prize: (p) => `reward ${p.value} is not an instant-win prize of this campaign`,
  bad_instant: (p) =>
    `at ${p.value} is neither an ISO 8601 instant with an offset (2026-06-01T12:00:00+03:00) nor a date and time ` +
    `in the campaign's time zone ${p.timeZone} (01.06.2026 12:00)`,
  outside_campaign: () => 'the moment is outside the campaign (from its start to its end)',
  in_the_past: () => 'the moment has passed (the next play would win it at once)',
  internal: () => 'The import stopped on an internal error',
  interrupted: () => 'The import stopped when its server did; nothing was imported: upload the file again',
} satisfies Record<string, (params: Record<string, string | number>) => string>;

export type CsvLineCode = keyof typeof CSV_LINE_MESSAGES;

export interface CsvLineError {
  /** 1-based line of the file; 0 for the file as a whole. */
  line: number;
  code: CsvLineCode;
  params: Record<string, string | number>;
  message: string;
}

/**
 * @example csvLineError(3, 'repeats_line', { value: 'AAA111', first: 1 }) // { line: 3, code: 'repeats_line', …, message: 'AAA111 repeats line 1' }
 */
export function csvLineError(
  line: number,
  code: CsvLineCode,
  params: Record<string, string | number> = {},
): CsvLineError {
  return { line, code, params, message: CSV_LINE_MESSAGES[code](params) };
}

/** The issues of a 422 `invalid_csv`: `line N` as the path, with the code and params beside the message. */
export function csvIssues(errors: readonly CsvLineError[]) {
  return errors
    .slice(0, 200)
    .map((e) => ({ path: `line ${e.line}`, message: e.message, code: e.code, params: e.params }));
}
