/** UI strings in the two languages the app ships, chosen by the client's language (`vk_language`). */

import { dateTimeFormat, pluralRulesOf } from './intl-formats.ts';

const ru = {
  appTitle: 'Промо',
  campaigns: 'Акции',
  noCampaigns: 'Сейчас нет акций',
  noCampaignsHint: 'Загляните позже — бренд скоро запустит новую.',
  open: 'Открыть',
  rules: 'Правила',
  back: 'Назад',
  loading: 'Загрузка…',
  errorTitle: 'Что-то пошло не так',
  // A refusal's title: nothing went wrong, the server said no (LoadState's errorTitleOf).
  forbiddenTitle: 'Нет доступа',
  // A 401: the launch is no longer accepted; only a too old one "ended", an unsigned or forged one never was a session.
  // The text under either says to open the app again.
  sessionEndedTitle: 'Сеанс завершён',
  openFailedTitle: 'Не удалось открыть приложение',
  notFoundTitle: 'Не найдено',
  retry: 'Повторить',
  home: 'На главную',
  phase_running: 'Идёт',
  phase_not_started: 'Ещё не началась',
  phase_paused: 'Приостановлена',
  phase_ended: 'Завершена',
  mechanic_tasks: 'Задания',
  mechanic_quiz: 'Викторина',
  mechanic_wheel: 'Колесо удачи',
  mechanic_code: 'Код из упаковки',
  mechanic_calculator: 'Калькулятор',
  until: 'до',
  starts: 'начало',
  legal_instant_win: 'Мгновенный выигрыш',
  legal_draw: 'Розыгрыш',
  legal_merit_contest: 'Конкурс',
  legal_giveaway: 'Раздача',
  manage: 'Управление акциями',
} as const;

export type Messages = { [K in keyof typeof ru]: string };

const en: { [K in keyof typeof ru]: string } = {
  appTitle: 'Promo',
  campaigns: 'Campaigns',
  noCampaigns: 'No campaigns right now',
  noCampaignsHint: 'Come back later: the brand is preparing a new one.',
  open: 'Open',
  rules: 'Rules',
  back: 'Back',
  loading: 'Loading…',
  errorTitle: 'Something went wrong',
  forbiddenTitle: 'No access',
  sessionEndedTitle: 'Session ended',
  openFailedTitle: 'Could not open the app',
  notFoundTitle: 'Not found',
  retry: 'Retry',
  home: 'Home',
  phase_running: 'Running',
  phase_not_started: 'Not started yet',
  phase_paused: 'Paused',
  phase_ended: 'Ended',
  mechanic_tasks: 'Tasks',
  mechanic_quiz: 'Quiz',
  mechanic_wheel: 'Lucky wheel',
  mechanic_code: 'Code from the pack',
  mechanic_calculator: 'Calculator',
  until: 'until',
  starts: 'starts',
  legal_instant_win: 'Instant win',
  legal_draw: 'Prize draw',
  legal_merit_contest: 'Contest',
  legal_giveaway: 'Giveaway',
  manage: 'Manage campaigns',
};

export const messages: Record<'ru' | 'en', Messages> = { ru, en };

// Month names as they follow a day number: ru's genitive ("5 марта"), en-GB's plain names ("5 March").
const MONTHS_AFTER_DAY: Record<'ru' | 'en', readonly string[]> = {
  ru: [
    'января',
    'февраля',
    'марта',
    'апреля',
    'мая',
    'июня',
    'июля',
    'августа',
    'сентября',
    'октября',
    'ноября',
    'декабря',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/**
 * "5 March" for a local date (`YYYY-MM-DD`, as the server gives a campaign's `startsOn`/`endsOn` in its time zone).
 * Without Intl on purpose: a page's first Intl date or number formatter loads ICU's locale machinery, ≈ 200 ms of a
 * slow phone's main thread, and the campaign list is the first screen (docs/decisions/037). Tested against ICU.
 * @example formatLocalDate('2026-03-05', 'ru') // '5 марта'
 */
export function formatLocalDate(day: string, language: 'ru' | 'en'): string {
  const [, month = 1, date = 1] = day.split('-').map(Number);
  return `${date} ${MONTHS_AFTER_DAY[language][month - 1]}`;
}

/** "5 March" for an instant in a time zone (the office's lists; one shared formatter per language and zone). */
export function formatDate(ms: number, language: 'ru' | 'en', timeZone: string): string {
  return dateTimeFormat(language, { day: 'numeric', month: 'long', timeZone }).format(ms);
}

/**
 * "5 March, 00:00" in the campaign's time zone, or without one in the reader's own clock (when a message, a lead or a
 * kept draft was written): day and month in words, no seconds, no year.
 */
export function formatDateTime(ms: number, language: 'ru' | 'en', timeZone?: string): string {
  return dateTimeFormat(language, {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(ms);
}

/** Plural forms by `Intl.PluralRules` category (ru uses one/few/many, en one/other). */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/**
 * The form of a word for a count, with `{n}` filled in.
 * @example plural('ru', 3, { one: '{n} попытка', few: '{n} попытки', many: '{n} попыток', other: '{n} попытки' }) // '3 попытки'
 */
export function plural(language: 'ru' | 'en', n: number, forms: PluralForms): string {
  const form = forms[pluralRulesOf(language).select(n)] ?? forms.other;
  return form.replace(/\{n\}/g, String(n));
}
