/**
 * The office's wording of a CSV line problem (code pools, prize calendar): the server sends a stable code with its
 * params (server/promo/csv-line-error.ts) and its English message; the office says it in the person's language, and
 * falls back to the server's message for a code it does not know yet.
 */
import type { Language } from '../intl-formats.ts';

type Params = Record<string, string | number>;
type Wording = Record<string, (p: Params) => string>;

const ru: Wording = {
  not_a_code: (p) => `${p.value} — не код (3–64 латинские буквы, цифры, _ или -)`,
  repeats_line: (p) => `${p.value} повторяет строку ${p.first}`,
  already_in_pool: (p) => `${p.value} уже есть в пуле`,
  too_many_lines: (p) => `Не больше ${p.max} строк за одну загрузку`,
  no_codes: () => 'В файле нет кодов',
  unclosed_quote: (p) =>
    `Кавычка, открытая в строке ${p.opened}, не закрыта: все строки после неё читались бы как одна ячейка`,
  no_moments: () => 'В файле нет моментов',
  unknown_header: (p) => `${p.value} — не заголовок, который мы знаем; нужны столбцы ${p.expected}`,
  wrong_columns: (p) => `Нужны только столбцы ${p.expected}`,
  repeated_column: (p) => `Столбцы ${p.first} и ${p.second} означают одно и то же (${p.column}): оставьте один`,
  formula: () => 'Ячейка начинается как формула таблицы (=, +, -, @)',
  bad_reward_key: (p) => `reward_key ${p.value} — не ключ приза`,
  unknown_prize: (p) => `${p.value} — не мгновенный приз этой акции`,
  bad_instant: (p) =>
    `${p.value} — не дата и время в часовом поясе акции ${p.timeZone ?? ''} (01.06.2026 12:00) и не момент ISO 8601 ` +
    'со смещением (2026-06-01T12:00:00+03:00)',
  outside_campaign: () => 'Момент вне акции (от её начала до конца)',
  in_the_past: () => 'Момент уже прошёл (его сразу выиграла бы следующая игра)',
  internal: () => 'Загрузка остановилась из-за внутренней ошибки',
  interrupted: () => 'Загрузка прервалась вместе с сервером; ничего не сохранено: загрузите файл ещё раз',
};

const en: Wording = {
  not_a_code: (p) => `${p.value} is not a code (3–64 letters, digits, _ or -)`,
  repeats_line: (p) => `${p.value} repeats line ${p.first}`,
  already_in_pool: (p) => `${p.value} is already in the pool`,
  too_many_lines: (p) => `At most ${p.max} lines per import`,
  no_codes: () => 'The file has no codes',
  unclosed_quote: (p) =>
    `A quote opened on line ${p.opened} is never closed: every line after it would be read as one cell`,
  no_moments: () => 'The file has no moments',
  unknown_header: (p) => `${p.value} is not a header this import knows; expected the columns ${p.expected}`,
  wrong_columns: (p) => `Expected only the columns ${p.expected}`,
  repeated_column: (p) => `The columns ${p.first} and ${p.second} both mean ${p.column}: keep one`,
  formula: () => 'A cell starts like a spreadsheet formula (=, +, -, @)',
  bad_reward_key: (p) => `reward_key ${p.value} is not a reward key`,
  unknown_prize: (p) => `${p.value} is not an instant-win prize of this campaign`,
  bad_instant: (p) =>
    `${p.value} is neither a date and time in the campaign's time zone ${p.timeZone ?? ''} (01.06.2026 12:00) nor ` +
    'an ISO 8601 instant with an offset (2026-06-01T12:00:00+03:00)',
  outside_campaign: () => 'The moment is outside the campaign (from its start to its end)',
  in_the_past: () => 'The moment has passed (the next play would win it at once)',
  internal: () => 'The import stopped on an internal error',
  interrupted: () => 'The import stopped when its server did; nothing was saved: upload the file again',
};

export const CSV_LINE_WORDING: Record<Language, Wording> = { ru, en };

/** Whether a refusal's field problem is a line of an imported file (its code is one of the table's). */
export function isCsvLineProblem(problem: { code?: string }): boolean {
  return problem.code !== undefined && Object.hasOwn(CSV_LINE_WORDING.en, problem.code);
}

/**
 * @example csvLineText('ru', { code: 'repeats_line', params: { value: 'A-1', first: 2 }, message: '…' }) // 'A-1 повторяет строку 2'
 */
export function csvLineText(language: Language, problem: { code?: string; params?: Params; message: string }): string {
  const word = problem.code && isCsvLineProblem(problem) ? CSV_LINE_WORDING[language][problem.code] : undefined;
  return word ? word(problem.params ?? {}) : problem.message;
}
