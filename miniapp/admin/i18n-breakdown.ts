/**
 * Office strings of the funnel broken down (statistics: a campaign's funnel per launch source or per message variant of
 * a bot rule), ru and en; `{name}` marks a value filled in. Never in the participant's bundle.
 */
export const breakdownRu = {
  back: 'Назад',
  open: 'Откуда пришли и какое сообщение сработало',
  openHint: 'Воронка по источникам запуска и по вариантам сообщений бота',
  title: 'Воронка по группам',
  by: 'Группы',
  bySource: 'Источник запуска',
  byVariant: 'Сообщение бота',
  headingSource: 'По источнику запуска',
  headingVariant: 'По варианту сообщения правила',
  rule: 'Правило бота',
  noRules: 'В кампании нет правил бота',
  noRulesText: 'Варианты сообщений появятся, когда правило бота начнёт писать участникам.',
  off: 'выключено',
  hint: 'Каждый человек один раз, с первого открытия за период, этапы — пройденные в любой день после него. Сначала группы, которые привели больше всего людей до финиша.',
  shown: 'Показано: {period} · {platform}',
  period: '{from} — {to} ({tz})',
  sinceStart: 'с начала кампании',
  allPlatforms: 'все платформы',
  onePlatform: 'только {platform}',
  groupLine: 'Вошли: {people} · дошли до финиша: {finished} ({share})',
  small: 'Меньше {n} человек — по такой доле рано судить',
  ofFirst: '{share} от вошедших',
  nobody: 'За это время никто не открыл кампанию',
  nobodyText: 'Группы появятся, когда участники начнут открывать кампанию.',
  holdout: 'Контрольная группа (сообщение нарочно не отправлено)',
  noMessage: 'Не получали сообщение этого правила',
  defaultVariant: 'Основной текст',
  variant: 'Вариант «{key}»',
};

export type BreakdownMessages = { [K in keyof typeof breakdownRu]: string };

export const breakdownEn: BreakdownMessages = {
  back: 'Back',
  open: 'Where people came from, which message worked',
  openHint: "The funnel by launch source and by the bot's message variant",
  title: 'Funnel by group',
  by: 'Groups',
  bySource: 'Launch source',
  byVariant: 'Bot message',
  headingSource: 'By launch source',
  headingVariant: "By the rule's message variant",
  rule: 'Bot rule',
  noRules: 'The campaign has no bot rules',
  noRulesText: 'Message variants appear once a bot rule starts writing to participants.',
  off: 'off',
  hint: 'Each person once, from their first open in the period, the stages reached on any day after it. Groups that brought the most people to the finish come first.',
  shown: 'Shown: {period} · {platform}',
  period: '{from} — {to} ({tz})',
  sinceStart: 'since the campaign started',
  allPlatforms: 'all platforms',
  onePlatform: '{platform} only',
  groupLine: 'Entered: {people} · reached the finish: {finished} ({share})',
  small: 'Fewer than {n} people — too few to judge by this share',
  ofFirst: '{share} of those who entered',
  nobody: 'Nobody has opened the campaign in this time',
  nobodyText: 'Groups appear once participants open the campaign.',
  holdout: 'Holdout (deliberately sent nothing)',
  noMessage: 'Not messaged by this rule',
  defaultVariant: 'Main text',
  variant: 'Variant «{key}»',
};

export const breakdownStrings = (language: 'ru' | 'en'): BreakdownMessages =>
  language === 'en' ? breakdownEn : breakdownRu;
