/**
 * @module Scheduled winning moments from a brand's CSV: `reward_key,at` per line, `at` an ISO 8601 instant with an
 * explicit offset (`2026-06-01T12:00:00+03:00` or `…Z`), so a file means the same instant wherever it was written, or
 * the local time a spreadsheet writes (Russian Excel's `05.06.2026 12:00`, `5.6.2026 9:00:30`, a date alone is its
 * midnight; Google Sheets' `2026-06-05 12:00:00`), read in
 * the campaign's time zone (decision 080).
 * A header line is skipped, in English or as a Russian brand writes it (`Приз;Время`, `Время;Приз`: its order is the
 * file's), and so are blank lines and lines of blank cells (`;;`); a first line that is neither a header we know nor a moment is refused naming the
 * columns expected (`unknown_header`). The file is read by the shared record reader (server/http/csv-records.ts), so a
 * quoted cell may hold a line break; every problem is reported with the line its record starts on (a quote never
 * closed as `unclosed_quote`), and nothing is imported unless the whole file is clean. A cell that a spreadsheet escaped against formulas (a leading
 * `'`, as server/http/csv.ts writes) is read without it; any other cell starting a formula (`=`, `+`, `-`, `@`) is
 * refused, and a bad cell is never echoed back longer than 40 characters.
 */

import { csvHeader } from '../../http/csv-header.ts';
import { eachCsvRecord, withoutTextMarker } from '../../http/csv-records.ts';
import { wallClockInstant } from '../../time-zone.ts';
import { type CsvLineCode, type CsvLineError, csvLineError } from '../csv-line-error.ts';

export const MAX_MOMENT_LINES = 10_000;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Russian Excel's date-and-time cell: day first, dots, a 24-hour time (seconds optional) or none. */
const LOCAL = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
/** Google Sheets' and LibreOffice's: year first, a space (an ISO `T` without an offset stays refused). */
const LOCAL_YEAR_FIRST = /^(\d{4})-(\d{2})-(\d{2}) +(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const KEY = /^[a-z0-9_-]{1,64}$/i;
const FORMULA = /^[=+\-@\t\r]/;

/** The two columns, in English and as a Russian brand heads them. */
const MOMENT_HEADER = csvHeader({
  rewardKey: {
    en: 'reward_key',
    ru: 'Приз',
    also: ['reward', 'reward key', 'prize', 'prize key', 'key', 'ключ приза', 'ключ', 'код приза', 'награда'],
  },
  at: {
    en: 'at',
    ru: 'Время',
    also: [
      ...['time', 'date', 'datetime', 'moment', 'instant', 'when', 'дата', 'дата и время', 'момент', 'когда'],
      ...['время выигрыша', 'момент выигрыша', 'дата выигрыша'],
    ],
  },
});

export interface MomentLine {
  line: number;
  rewardKey: string;
  at: number;
}

export type MomentCsvError = CsvLineError;

/** The instant a cell names: ISO 8601 with an offset, or a local `DD.MM.YYYY[ HH:MM[:SS]]` in `timeZone`. */
function instantOf(at: string, timeZone: string): number | undefined {
  if (INSTANT.test(at)) return Date.parse(at);
  const dayFirst = LOCAL.exec(at)?.slice(1);
  const yearFirst = LOCAL_YEAR_FIRST.exec(at)?.slice(1);
  const parts = dayFirst ?? (yearFirst && [yearFirst[2], yearFirst[1], yearFirst[0], ...yearFirst.slice(3)]);
  if (!parts) return undefined;
  const [day, month, year, hour = 0, minute = 0, second = 0] = parts.map((v) => Number(v ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return wallClockInstant(
    { year: year as number, month: month as number, day: day as number, hour, minute, second },
    timeZone,
  );
}

/** One cell: quotes around it after a space (`mug; "…"`, which the reader keeps) and the text marker removed. */
function cell(raw: string | undefined): string {
  let v = (raw ?? '').trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1).replaceAll('""', '"');
  return withoutTextMarker(v);
}

/** A line's cells are split at `,` `;` or tab as a spreadsheet quotes them: a quoted `"a;b"` is one cell. */
const SEPARATORS = [',', ';', '\t'] as const;

const shown = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

/**
 * Parses the file; `rewardKeys` are the rewards the calendar may hold (others are errors on their line), `timeZone`
 * the campaign's, in which a local date and time is read.
 * @example parseMomentCsv('reward_key,at\nmug,01.06.2026 12:00', new Set(['mug']), 'Europe/Moscow') // { moments: [{ line: 2, rewardKey: 'mug', at: 1780304400000 }], errors: [] }
 */
export function parseMomentCsv(
  text: string,
  rewardKeys: ReadonlySet<string>,
  timeZone: string,
): { moments: MomentLine[]; errors: MomentCsvError[] } {
  const moments: MomentLine[] = [];
  const errors: MomentCsvError[] = [];
  const file = text.replace(/^\uFEFF/, '');
  let keyFirst = true;
  // The shared record reader (decision 087), as pools and the catalogue read theirs: a quoted cell may hold a line
  // break, and a problem names the line its record starts on.
  for (const { line, fields, unclosedQuote, from, to } of eachCsvRecord(file, SEPARATORS)) {
    const raw = file.slice(from, to);
    // A stray quote swallows every line after it into one cell: say where, rather than read that cell as a moment.
    if (unclosedQuote) {
      errors.push(csvLineError(line, 'unclosed_quote', { opened: line }));
      continue;
    }
    const cells = fields.map(cell);
    // Cells of spaces and quotes (` ; "" ;`), which the reader keeps as cells: an empty row all the same.
    if (cells.every((c) => c === '')) continue;
    if (line === 1) {
      const order = headerOrder(cells);
      if (order === 'repeated') {
        errors.push(repeatedColumn(cells));
        continue;
      }
      if (order) {
        keyFirst = order === 'key_first';
        continue;
      }
    }
    const [key = '', at = ''] = keyFirst ? cells : [cells[1], cells[0]];
    const rest = cells.slice(2);
    if (moments.length + errors.length >= MAX_MOMENT_LINES) {
      if (errors.at(-1)?.code !== 'too_many_lines')
        errors.push(csvLineError(line, 'too_many_lines', { max: MAX_MOMENT_LINES }));
      continue;
    }
    const ms = instantOf(at, timeZone) ?? Number.NaN;
    // A first line that holds neither a prize nor an instant was meant as a header: say which ones we know.
    if (line === 1 && !rewardKeys.has(key) && Number.isNaN(ms)) {
      errors.push(csvLineError(line, 'unknown_header', { value: shown(raw), expected: MOMENT_HEADER.expected() }));
      continue;
    }
    const problem = lineProblem(key, at, ms, rest, rewardKeys, timeZone);
    if (problem) errors.push(csvLineError(line, ...problem));
    else moments.push({ line, rewardKey: key, at: ms });
  }
  return { moments, errors };
}

/**
 * Whether the cells are the two column names (blank ones after them aside), and in which order; `repeated` when two
 * cells name one column («Приз;Награда»): which of them was meant is not ours to guess.
 */
function headerOrder(cells: string[]): 'key_first' | 'at_first' | 'repeated' | undefined {
  const { columns, repeated } = MOMENT_HEADER.row(cells);
  if (repeated.length > 0) return 'repeated';
  if (cells.slice(2).some((r) => r !== '')) return undefined;
  const named = columns.slice(0, 2).join();
  return named === 'rewardKey,at' ? 'key_first' : named === 'at,rewardKey' ? 'at_first' : undefined;
}

function repeatedColumn(cells: string[]): MomentCsvError {
  const [clash] = MOMENT_HEADER.row(cells).repeated;
  const params = clash && { first: shown(clash.first), second: shown(clash.second) };
  return csvLineError(1, 'repeated_column', { ...params, column: clash ? MOMENT_HEADER.expected([clash.column]) : '' });
}

function lineProblem(
  key: string,
  at: string,
  ms: number,
  rest: string[],
  rewardKeys: ReadonlySet<string>,
  timeZone: string,
): [CsvLineCode, Record<string, string>?] | undefined {
  // Worded from the table, as unknown_header is, so the message cannot drift from the columns read.
  if (rest.some((r) => r.trim() !== '')) return ['wrong_columns', { expected: MOMENT_HEADER.expected() }];
  if (FORMULA.test(key) || FORMULA.test(at)) return ['formula'];
  if (!KEY.test(key)) return ['bad_reward_key', { value: shown(key) }];
  if (!rewardKeys.has(key)) return ['unknown_prize', { value: shown(key) }];
  if (!Number.isFinite(ms)) return ['bad_instant', { value: shown(at), timeZone }];
  return undefined;
}
