/**
 * @module The words a stats CSV is written in: every column, table and metric key of stats-csv.ts in Russian and
 * English, chosen by the office member's language, so a brand opens a file headed "Дата, Новые участники", not
 * `day,new_participants`. The JSON keeps the keys; only the file is worded. A key with no words here is written as is
 * (stats-csv.test.ts checks that none is missing).
 */

import type { CsvLanguage } from '../http/csv.ts';

export type { CsvLanguage };

export const STATS_CSV_LABELS: Record<string, [ru: string, en: string]> = {
  table: ['Таблица', 'Table'],
  metric: ['Показатель', 'Metric'],
  value: ['Значение', 'Value'],
  day: ['Дата', 'Date'],
  total: ['Итого', 'Total'],
  kpi: ['Показатель периода', 'Period KPI'],
  current: ['Текущий период', 'This period'],
  previous: ['Прошлый период', 'Previous period'],
  change_pct: ['Изменение, %', 'Change, %'],
  active_users: ['Активные пользователи', 'Active users'],
  new_participants: ['Новые участники', 'New participants'],
  sessions: ['Сессии', 'Sessions'],
  users: ['Пользователи', 'Users'],
  sessions_per_user: ['Сессий на пользователя', 'Sessions per user'],
  sessions_per_user_mean: ['Сессий на пользователя (среднее)', 'Sessions per user (mean)'],
  sessions_per_user_median: ['Сессий на пользователя (медиана)', 'Sessions per user (median)'],
  median_session_ms: ['Медиана длины сессии, мс', 'Median session, ms'],
  median_length_ms: ['Медианная длина сессии, мс', 'Median session length, ms'],
  length: ['Длина сессии', 'Session length'],
  length_ms_mean: ['Длина сессии, мс (среднее)', 'Session length, ms (mean)'],
  length_ms_median: ['Длина сессии, мс (медиана)', 'Session length, ms (median)'],
  length_ms_p90: ['Длина сессии, мс (90-й перцентиль)', 'Session length, ms (90th percentile)'],
  label: ['Интервал', 'Range'],
  count: ['Количество', 'Count'],
  screen_views: ['Просмотры экранов', 'Screen views'],
  error_rate: ['Доля сессий с ошибками', 'Share of sessions with errors'],
  rewards_issued: ['Выдано наград', 'Rewards issued'],
  stage: ['Этап', 'Stage'],
  campaign_id: ['ID кампании', 'Campaign ID'],
  campaign: ['Кампания', 'Campaign'],
  pct_of_first: ['% от первого этапа', '% of first stage'],
  pct_of_previous: ['% от предыдущего этапа', '% of previous stage'],
  drop_off: ['Отвал', 'Drop-off'],
  median_ms_from_previous: ['Медиана времени от предыдущего этапа, мс', 'Median time from previous stage, ms'],
  cohort: ['Когорта', 'Cohort'],
  overall: ['Все когорты', 'All cohorts'],
  size: ['Размер когорты', 'Cohort size'],
  d1_users: ['D1, пользователи', 'D1 users'],
  d1_rate: ['D1, доля', 'D1 rate'],
  d7_users: ['D7, пользователи', 'D7 users'],
  d7_rate: ['D7, доля', 'D7 rate'],
  d30_users: ['D30, пользователи', 'D30 users'],
  d30_rate: ['D30, доля', 'D30 rate'],
  screen: ['Экран', 'Screen'],
  sessions_ended: ['Сессий завершилось', 'Sessions ended'],
  share: ['Доля', 'Share'],
  sessions_with_errors: ['Сессии с ошибками', 'Sessions with errors'],
  errors: ['Ошибки', 'Errors'],
  top: ['Частые ошибки', 'Top errors'],
  message: ['Сообщение', 'Message'],
  last_at: ['Последний раз (unix мс)', 'Last seen (unix ms)'],
  build: ['Сборка', 'Build'],
  reward: ['Награда', 'Reward'],
  title: ['Название', 'Title'],
  issued: ['Выдано', 'Issued'],
  issued_total: ['Выдано всего', 'Issued in total'],
  stock: ['Запас', 'Stock'],
  stock_left: ['Осталось', 'Stock left'],
  calendar: ['Календарь призов', 'Prize calendar'],
  moments: ['Моменты', 'Moments'],
  won: ['Выиграно', 'Won'],
  missed: ['Пропущено', 'Missed'],
  upcoming: ['Впереди', 'Upcoming'],
  rule: ['Правило', 'Rule'],
  broadcast: ['Рассылка', 'Broadcast'],
  id: ['ID', 'ID'],
  name: ['Имя', 'Name'],
  target_stage: ['Целевой этап', 'Target stage'],
  sent: ['Отправлено', 'Sent'],
  failed: ['Не доставлено', 'Failed'],
  treated_users: ['Получили, пользователи', 'Treated users'],
  treated_converted: ['Получили, дошли до этапа', 'Treated converted'],
  treated_rate: ['Получили, конверсия', 'Treated rate'],
  holdout_users: ['Контрольная группа, пользователи', 'Holdout users'],
  holdout_converted: ['Контрольная группа, дошли до этапа', 'Holdout converted'],
  holdout_rate: ['Контрольная группа, конверсия', 'Holdout rate'],
  lift_points: ['Прирост, п.п.', 'Lift, points'],
};

/** The key a label stands for, in either language (tests read worded files back by key). */
export function csvKeyOf(label: string): string {
  for (const [key, words] of Object.entries(STATS_CSV_LABELS)) if (words.includes(label)) return key;
  return label;
}

/** The words for a key in a language (the key itself when it has none). */
export function csvLabel(key: string, language: CsvLanguage): string {
  const words = STATS_CSV_LABELS[key];
  return words ? words[language === 'ru' ? 0 : 1] : key;
}
