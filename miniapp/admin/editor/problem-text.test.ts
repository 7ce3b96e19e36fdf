/**
 * Every problem the server's publish check can name reads as words. Red before: the pack-code, draw and shape codes
 * had none and read «Проверьте это поле (draw_before_end)», and a code in a param stayed a code («не подходит
 * механике «tasks»», «Для задания «join_community»…»).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDateTime, messages } from '../../i18n.ts';
import { officeMessages } from '../i18n-office.ts';
import { problemText } from './editor-context.ts';

const t = { ru: { ...messages.ru, ...officeMessages.ru }, en: { ...messages.en, ...officeMessages.en } };
const SOURCES = [
  'server/office/campaigns/campaign-problems.ts',
  'server/office/campaigns/pack-code-problems.ts',
  'server/office/campaigns/pool-free-codes.ts',
  'server/office/campaigns/calendar-first-moment.ts',
  'server/promo/draw/draw-problems.ts',
];
/** The codes a problem module writes: `add(path, 'code', …)` and `code: 'code'`. */
const codesIn = (source: string) =>
  [...source.matchAll(/add\([^,]+,\s*'([a-z_]+)'|code: '([a-z_]+)'/g)].map((m) => (m[1] ?? m[2]) as string);
/** What the shape check's field issues can be (server/http/field-issues.ts), and its fallback (shape-problems.ts). */
const SHAPE_CODES = [
  'too_big',
  'too_small',
  'not_a_web_address',
  'not_a_date',
  'blank_text',
  'invalid_value',
  'unknown_key',
];

describe("the publish check's problems in words", () => {
  it('every code the server writes has its words in both office languages', () => {
    const codes = new Set([...SOURCES.flatMap((f) => codesIn(readFileSync(f, 'utf8'))), ...SHAPE_CODES]);
    expect(codes.size).toBeGreaterThan(30);
    for (const code of codes)
      for (const language of ['ru', 'en'] as const)
        expect(Object.hasOwn(t[language], `problem_${code}`), `${language}: problem_${code}`).toBe(true);
  });

  it('a code in a param is named as the form names it', () => {
    const problem = (code: string, params: Record<string, unknown>) =>
      ({ path: 'x', code, severity: 'error', params }) as const;
    expect(problemText(t.ru, problem('unlock_wrong_mechanic', { mechanic: 'tasks' }), 'ru')).toBe(
      'Этот способ выдачи не подходит механике «Задания»',
    );
    expect(problemText(t.en, problem('task_needs_community', { kind: 'join_community' }), 'en')).toBe(
      'The task "Join the community" needs the campaign to have a community',
    );
    expect(
      problemText(t.ru, problem('pool_wrong_purpose', { poolKey: 'codes', pool: 'Коды', purpose: 'entry' }), 'ru'),
    ).toBe('Пул «Коды» не для этого (для ввода участниками)');
    // An instant reads as a date and time in the campaign's zone (before: «Окончание раньше начала», no dates).
    const crossed = { startsAt: Date.UTC(2026, 5, 5, 9), endsAt: Date.UTC(2026, 5, 1, 9), timeZone: 'Europe/Moscow' };
    // The shared formatter's words (ICU's own joiner: «1 июня в 12:00»), 12:00 in Moscow for 09:00 UTC.
    const at = (ms: number, language: 'ru' | 'en') => formatDateTime(ms, language, 'Europe/Moscow');
    expect(at(crossed.endsAt, 'ru')).toMatch(/^1 июня.*12:00$/);
    expect(problemText(t.ru, problem('ends_before_start', crossed), 'ru')).toBe(
      `Окончание (${at(crossed.endsAt, 'ru')}) не позже начала (${at(crossed.startsAt, 'ru')})`,
    );
    expect(problemText(t.en, problem('ends_before_start', crossed), 'en')).toBe(
      `It ends (${at(crossed.endsAt, 'en')}) no later than it starts (${at(crossed.startsAt, 'en')})`,
    );
    // A value the office has no words for stays as sent.
    expect(problemText(t.ru, problem('draw_wrong_mechanic', { mechanic: 'future' }), 'ru')).toContain('«future»');
  });
});

describe('a pool problem names the pool as the manager named it (decision 099)', () => {
  // The server sends the key for code and the name for words (server/office/campaigns/pool-name.ts).
  const named = { poolKey: 'quiz10', pool: 'Промокоды −10%' };
  const text = (code: string, language: 'ru' | 'en', params: Record<string, unknown> = named) =>
    problemText(t[language], { path: 'rewards.0.poolKey', code, severity: 'error', params }, language);

  it('by its name in both languages, never by its key (red before: «В пуле «quiz10» нет свободных кодов»)', () => {
    expect(text('pool_without_codes', 'ru')).toBe('В пул «Промокоды −10%» ещё не загружены коды: загрузите их');
    expect(text('pool_low_stock', 'en', { ...named, free: 3 })).toBe(
      'The pool "Промокоды −10%" is low on codes: 3 free',
    );
    for (const code of [
      'pool_without_codes',
      'pool_used_up',
      'pool_low_stock',
      'pool_is_sandbox',
      'pool_wrong_purpose',
    ])
      for (const language of ['ru', 'en'] as const) {
        expect(text(code, language, { ...named, free: 3, purpose: 'reward' })).toContain('Промокоды −10%');
        expect(text(code, language, { ...named, free: 3, purpose: 'reward' })).not.toContain('quiz10');
      }
  });
});

describe('an empty pool and a used-up one read apart (decision 104)', () => {
  const problem = (code: string, params: Record<string, unknown>, language: 'ru' | 'en') =>
    problemText(t[language], { path: 'rewards.0.poolKey', code, severity: 'error', params }, language);

  it('none loaded asks to load them; all gone says how many went and asks for more (one wording before)', () => {
    const pool = { poolKey: 'packs', pool: 'Упаковки' };
    expect(problem('pool_without_codes', pool, 'ru')).toBe('В пул «Упаковки» ещё не загружены коды: загрузите их');
    expect(problem('pool_used_up', { ...pool, total: 60 }, 'ru')).toBe(
      'Коды пула «Упаковки» закончились: все загруженные (60) уже ушли. Загрузите ещё',
    );
    expect(problem('pool_without_codes', pool, 'en')).toBe(
      'No codes are loaded into the pool "Упаковки" yet: upload them',
    );
    expect(problem('pool_used_up', { ...pool, total: 60 }, 'en')).toBe(
      'The pool "Упаковки" has run out: all the codes loaded (60) are gone. Upload more',
    );
  });
});

describe('an end date in the past, for a member whose end field is locked (decision 116)', () => {
  const ended = { path: 'endsAt', code: 'ends_in_past', severity: 'error', params: {} } as const;

  it('without launch: who can move it, ask them; rights unknown: what is wrong alone; with launch: move it and save', () => {
    expect(problemText(t.ru, ended, 'ru', 'no_launch')).toBe(
      'Дата окончания уже прошла: перенести её может только тот, у кого есть право «Запуск акций», — попросите его',
    );
    expect(problemText(t.en, ended, 'en', 'no_launch')).toBe(
      'The end date has passed: only a member with the «Launching campaigns» right can move it — ask them',
    );
    for (const language of ['ru', 'en'] as const) {
      expect(problemText(t[language], ended, language, 'rights_unknown')).toBe(t[language].endsInPastTitle);
      expect(problemText(t[language], ended, language)).toBe(t[language].problem_ends_in_past);
    }
    // Another problem of a locked field keeps its words.
    const crossed = { path: 'endsAt', code: 'ends_before_start', severity: 'error', params: {} } as const;
    expect(problemText(t.ru, crossed, 'ru', 'no_launch')).toBe(problemText(t.ru, crossed, 'ru'));
  });
});
