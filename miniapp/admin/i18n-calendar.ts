/** Office strings of the prize calendar section (miniapp/admin/calendar/), ru and en; `{name}` marks a value. */
export const calendarRu = {
  title: 'Календарь призов',
  modeCalendar: 'Выигрыши идут по календарю: первый, кто играет в момент или после него, получает приз.',
  modeOdds:
    'Сейчас выигрыши решают шансы, календарь не используется. Выберите «Календарь призов» в разделе «Как выигрывают» редактора акции.',
  prizes: 'Призы',
  prizeLine: 'моментов: {moments}, выиграно: {won}',
  noPrizes: 'В акции нет призов мгновенного выигрыша (колесо или код из упаковки).',
  generate: 'Сгенерировать моменты',
  mode: 'Как распределить',
  mode_spread: 'По всей акции',
  mode_per_day: 'Каждый день',
  mode_per_hour: 'Каждый час',
  countSpread: 'Сколько моментов',
  countPerSlot: 'Сколько в каждом слоте',
  generateButton: 'Сгенерировать',
  generated: 'Добавлено моментов: {n}',
  importTitle: 'Загрузить из CSV',
  importHint:
    'Строки «приз;время» (заголовок «Приз;Время» или reward_key,at можно не писать). Время — как его пишет Excel, ' +
    'в часовом поясе акции ({zone}): mug;01.06.2026 12:00, или в ISO 8601 со смещением: mug;2026-06-01T12:00:00+03:00',
  importFile: 'Выбрать файл',
  importButton: 'Загрузить',
  imported: 'Загружено моментов: {n}',
  days: 'По дням',
  day: 'День',
  moments: 'Моментов',
  won: 'Выиграно',
  waiting: 'Ждут игры',
  upcoming: 'Впереди',
  rolledIn: 'Перенесено',
  empty: 'Моментов пока нет.',
  deleteFuture: 'Удалить будущие невыигранные моменты',
  deleted: 'Удалено моментов: {n}',
  errorLine: '{path}: {message}',
  errorAtLine: 'Строка {n}: {message}',
  back: 'Назад',
} as const;

export type CalendarMessages = { [K in keyof typeof calendarRu]: string };

export const calendarEn: CalendarMessages = {
  title: 'Prize calendar',
  modeCalendar: 'Wins follow the calendar: the first play at or after a moment takes its prize.',
  modeOdds:
    'Wins are decided by the odds now; the calendar is not used. Choose "Prize calendar" under "How plays win" in the campaign editor.',
  prizes: 'Prizes',
  prizeLine: 'moments: {moments}, won: {won}',
  noPrizes: 'The campaign has no instant-win prizes (wheel or pack code).',
  generate: 'Generate moments',
  mode: 'Spread',
  mode_spread: 'Over the campaign',
  mode_per_day: 'Every day',
  mode_per_hour: 'Every hour',
  countSpread: 'How many moments',
  countPerSlot: 'How many per slot',
  generateButton: 'Generate',
  generated: 'Moments added: {n}',
  importTitle: 'Import from CSV',
  importHint:
    'Lines "reward_key,at" (a header "reward_key,at" or «Приз;Время» is optional). Time as Excel writes it, in the ' +
    "campaign's time zone ({zone}): mug,01.06.2026 12:00, or in ISO 8601 with an offset: mug,2026-06-01T12:00:00+03:00",
  importFile: 'Choose a file',
  importButton: 'Import',
  imported: 'Moments imported: {n}',
  days: 'By day',
  day: 'Day',
  moments: 'Moments',
  won: 'Won',
  waiting: 'Waiting',
  upcoming: 'Upcoming',
  rolledIn: 'Rolled in',
  empty: 'No moments yet.',
  deleteFuture: 'Delete unwon future moments',
  deleted: 'Moments deleted: {n}',
  errorLine: '{path}: {message}',
  errorAtLine: 'Line {n}: {message}',
  back: 'Back',
};

export const calendarMessages = (language: 'ru' | 'en'): CalendarMessages =>
  language === 'en' ? calendarEn : calendarRu;
