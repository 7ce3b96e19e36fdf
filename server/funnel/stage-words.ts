/**
 * @module A funnel stage as people read it, in the office's screens (mailings, statistics, support: through
 * miniapp/admin/stage-label.ts) and in the stuck list's CSV (stuck-participants.ts). Stages are free-form per
 * campaign: the known keys the platform writes get worded labels in ru/en, a task stage (`task:<key>`) takes the task's
 * title when the caller knows it, and any other key stays readable (`promo_viewed` → "Promo viewed") rather than raw.
 */
const KNOWN: Record<string, { ru: string; en: string }> = {
  opened: { ru: 'Открыли акцию', en: 'Opened the campaign' },
  joined: { ru: 'Присоединились', en: 'Joined' },
  task_started: { ru: 'Начали задание', en: 'Started a task' },
  task_done: { ru: 'Выполнили задание', en: 'Did a task' },
  quiz_finished: { ru: 'Прошли викторину', en: 'Finished the quiz' },
  attempt: { ru: 'Крутили колесо', en: 'Spun the wheel' },
  reward_issued: { ru: 'Получили награду', en: 'Got a reward' },
  code_entered: { ru: 'Ввели код', en: 'Entered a code' },
  shared: { ru: 'Поделились', en: 'Shared' },
  calculator_opened: { ru: 'Открыли калькулятор', en: 'Opened the calculator' },
  calculated: { ru: 'Сделали расчёт', en: 'Calculated' },
  lead_sent: { ru: 'Оставили заявку', en: 'Sent a lead' },
};

/** `some_stage-key` → "Some stage key". */
function readable(key: string): string {
  const words = key.replace(/[_\-.:]+/g, ' ').trim();
  return words ? words[0]?.toUpperCase() + words.slice(1) : key;
}

/**
 * @example stageLabel('task_done', 'en') === 'Did a task'
 * @example stageLabel('task:quiz1', 'ru', { quiz1: 'Викторина' }) === 'Задание «Викторина»'
 */
export function stageLabel(stage: string, language: 'ru' | 'en', taskTitles: Record<string, string> = {}): string {
  const known = KNOWN[stage];
  if (known) return known[language];
  const task = /^task[:_](.+)$/.exec(stage)?.[1];
  if (task !== undefined) {
    const title = taskTitles[task];
    if (title) return language === 'en' ? `Task “${title}”` : `Задание «${title}»`;
  }
  return readable(stage);
}
