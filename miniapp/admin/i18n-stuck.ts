/**
 * Office strings of «who is stuck where» (statistics: a campaign's funnel stages, each with the people stuck there for
 * at least N hours, and the list of them), ru and en; `{name}` marks a value filled in. Never in the participant's bundle.
 */
export const stuckRu = {
  back: 'Назад',
  open: 'Кто где застрял',
  openHint: 'Участники, которые давно не продвигаются по воронке',
  title: 'Кто где застрял',
  stageTitle: 'Застряли: {stage}',
  atLeast: 'На этапе не меньше',
  stages: 'Этапы воронки',
  stagesHint: 'Число участников, которые дошли до этапа и дальше не продвинулись',
  finish: 'Последний этап, «{stage}», — финиш: кто на нём, тот дошёл до конца, а не застрял.',
  hours1: '1 ч',
  hours24: '24 ч',
  hours72: '3 дня',
  hours168: '7 дней',
  total: 'Застряли здесь: {n}',
  shown: 'Показано {shown} из {total}',
  nobody: 'Здесь никто не застрял',
  nobodyText: 'Никто не стоит на этом этапе так долго. Выберите срок короче или другой этап.',
  reached: 'Этап достигнут {ago}',
  source: 'Источник: {source}',
  more: 'Показать ещё',
  csv: 'CSV',
  csvFailed: 'CSV не скачан: {reason}',
  moreFailed: 'Не удалось показать ещё: {reason}',
};

export type StuckMessages = { [K in keyof typeof stuckRu]: string };

export const stuckEn: StuckMessages = {
  back: 'Back',
  open: 'Who is stuck where',
  openHint: 'Participants who have not moved on in the funnel for a while',
  title: 'Who is stuck where',
  stageTitle: 'Stuck: {stage}',
  atLeast: 'At the stage for at least',
  stages: 'Funnel stages',
  stagesHint: 'People who reached the stage and have gone no further',
  finish: 'The last stage, «{stage}», is the finish: whoever is there has made it, not got stuck.',
  hours1: '1 h',
  hours24: '24 h',
  hours72: '3 days',
  hours168: '7 days',
  total: 'Stuck here: {n}',
  shown: 'Showing {shown} of {total}',
  nobody: 'Nobody is stuck here',
  nobodyText: 'No one has stayed at this stage that long. Choose a shorter time or another stage.',
  reached: 'Reached the stage {ago}',
  source: 'Source: {source}',
  more: 'Show more',
  csv: 'CSV',
  csvFailed: 'CSV not downloaded: {reason}',
  moreFailed: 'Could not show more: {reason}',
};

export const stuckStrings = (language: 'ru' | 'en'): StuckMessages => (language === 'en' ? stuckEn : stuckRu);
