/** Office strings of the support section (inbox, thread, canned answers, knowledge base), ru and en. Office chunk only. */
export const supportOfficeRu = {
  inbox: 'Поддержка',
  back: 'Назад',
  authorUser: 'Участник',
  authorAgent: 'Поддержка',
  search: 'Поиск: текст, ID участника, № обращения',
  allStatuses: 'Все',
  status_new: 'Новое',
  status_waiting_on_us: 'Открыто',
  status_waiting_on_user: 'Ждём ответа',
  status_resolved: 'Решено',
  fromApp: 'из приложения',
  fromCommunity: 'сообщение сообществу',
  waiting: 'ждёт {age}',
  empty: 'Обращений нет',
  knowledge: 'База знаний',
  canned: 'Шаблоны ответов',
  ticket: 'Обращение №{id}',
  progress: 'Прогресс участника',
  noProgress: 'Участник ещё не открывал акции бренда',
  stage: 'Этап',
  tasksDone: 'Задания',
  noTasks: 'Начатых заданий нет',
  rewards: 'Награды',
  noRewards: 'Наград пока нет',
  reply: 'Ответ',
  send: 'Отправить',
  variablesHint: 'Переменные {name}, {code}, {campaign} подставит сервер',
  status: 'Статус',
  assignee: 'Ответственный',
  nobody: 'Не назначен',
  assignedTo: 'ведёт {who}',
  task_started: 'Начато',
  task_done: 'Выполнено',
  task_failed: 'Не засчитано',
  source_claim: 'получен',
  source_quiz: 'за викторину',
  source_wheel: 'выигран в колесе',
  source_code: 'за код',
  sentApp: 'Ответ виден участнику в приложении',
  sentBot: 'Ответ отправлен сообщением сообщества',
  title: 'Название',
  bodyRu: 'Текст (рус.)',
  bodyEn: 'Текст (англ.)',
  titleRu: 'Заголовок (рус.)',
  titleEn: 'Заголовок (англ.)',
  published: 'Опубликована',
  add: 'Добавить',
  save: 'Сохранить',
  remove: 'Удалить',
  ranking: 'Что снимает обращения',
  rankingHint: 'Отклонено: ответили «помогло» и не написали в поддержку 24 часа',
  views: 'просмотров {n} · помогло {h} · отклонено {d}',
};
export type SupportOfficeMessages = typeof supportOfficeRu;
export const supportOfficeEn: SupportOfficeMessages = {
  inbox: 'Support',
  back: 'Back',
  authorUser: 'Participant',
  authorAgent: 'Support',
  search: 'Search: text, participant ID, request #',
  allStatuses: 'All',
  status_new: 'New',
  status_waiting_on_us: 'Open',
  status_waiting_on_user: 'Waiting for user',
  status_resolved: 'Resolved',
  fromApp: 'from the app',
  fromCommunity: 'community message',
  waiting: 'waiting {age}',
  empty: 'No requests',
  knowledge: 'Knowledge base',
  canned: 'Canned answers',
  ticket: 'Request #{id}',
  progress: "Participant's progress",
  noProgress: "The participant has not opened any of the brand's campaigns",
  stage: 'Stage',
  tasksDone: 'Tasks',
  noTasks: 'No task started yet',
  rewards: 'Rewards',
  noRewards: 'No rewards yet',
  reply: 'Reply',
  send: 'Send',
  variablesHint: 'The server fills {name}, {code}, {campaign}',
  status: 'Status',
  assignee: 'Assignee',
  nobody: 'Unassigned',
  assignedTo: 'handled by {who}',
  task_started: 'Started',
  task_done: 'Done',
  task_failed: 'Not counted',
  source_claim: 'claimed',
  source_quiz: 'for the quiz',
  source_wheel: 'won on the wheel',
  source_code: 'for a code',
  sentApp: 'The participant sees the answer in the app',
  sentBot: 'The answer went out as a community message',
  title: 'Title',
  bodyRu: 'Text (Russian)',
  bodyEn: 'Text (English)',
  titleRu: 'Title (Russian)',
  titleEn: 'Title (English)',
  published: 'Published',
  add: 'Add',
  save: 'Save',
  remove: 'Delete',
  ranking: 'What deflects tickets',
  rankingHint: 'Deflected: answered "helped" and wrote no ticket for 24 hours',
  views: '{n} views · {h} helped · {d} deflected',
};
export const supportOfficeStrings = (language: string): SupportOfficeMessages =>
  language === 'en' ? supportOfficeEn : supportOfficeRu;

/** "3 h 5 min" / "3 ч 5 мин". */
export function ageText(ms: number, language: string): string {
  const minutes = Math.floor(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const [hu, mu] = language === 'en' ? ['h', 'min'] : ['ч', 'мин'];
  return h > 0 ? `${h} ${hu} ${m} ${mu}` : `${m} ${mu}`;
}

/** A task completion's status as words (the server sends `started`/`done`/`failed`; anything newer shown as is). */
export const taskStatus = (s: SupportOfficeMessages, status: string): string =>
  (s as Record<string, string>)[`task_${status}`] ?? status;

/** How a reward was granted, as words (unknown sources shown as is). */
export const grantSource = (s: SupportOfficeMessages, source: string): string =>
  (s as Record<string, string>)[`source_${source}`] ?? source;
