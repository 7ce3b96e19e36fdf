/** Office strings of the beta test section, ru and en; `{name}` marks a value filled in. Never in the participant's bundle. */
export const betaRu = {
  title: 'Бета-тест',
  back: 'Назад',
  intro:
    'Тестировщики видят запланированную акцию до старта и играют по-настоящему, получая коды из тестового пула. Их результаты не попадают в статистику и удаляются при запуске.',
  closed: 'Акция уже запущена: бета-тест закончился.',
  group: 'Тестовая группа',
  empty: 'Тестировщиков пока нет',
  addById: 'Добавить по VK ID',
  vkId: 'VK ID пользователя',
  add: 'Добавить',
  remove: 'Убрать',
  fromLink: 'по ссылке',
  fromOffice: 'добавлен вручную',
  link: 'Ссылка для тестировщиков',
  noLink: 'Ссылки нет. Любой, кто откроет её, войдёт в тестовую группу.',
  createLink: 'Создать ссылку',
  rotate: 'Заменить ссылку',
  revoke: 'Отозвать ссылку',
  copy: 'Скопировать',
  copied: 'Скопировано',
  error: 'Не получилось: {reason}',
};

export type BetaMessages = { [K in keyof typeof betaRu]: string };

export const betaEn: BetaMessages = {
  title: 'Beta test',
  back: 'Back',
  intro:
    'Testers see the scheduled campaign before its start and play it for real with codes from a test pool. Their plays stay out of the statistics and are deleted at the launch.',
  closed: 'The campaign is live: the beta test is over.',
  group: 'Test group',
  empty: 'No testers yet',
  addById: 'Add by VK ID',
  vkId: "User's VK ID",
  add: 'Add',
  remove: 'Remove',
  fromLink: 'via the link',
  fromOffice: 'added by hand',
  link: 'Tester link',
  noLink: 'No link yet. Anyone who opens it joins the test group.',
  createLink: 'Create link',
  rotate: 'Replace link',
  revoke: 'Revoke link',
  copy: 'Copy',
  copied: 'Copied',
  error: 'That did not work: {reason}',
};

export const betaStrings = (language: 'ru' | 'en'): BetaMessages => (language === 'en' ? betaEn : betaRu);
