/** Office strings of the code pools section, ru and en; `{name}` marks a value filled in. Never in the participant's bundle. */
export const poolsRu = {
  title: 'Коды',
  back: 'Назад',
  pools: 'Пулы кодов',
  noPools: 'Пулов пока нет. Создайте пул и загрузите коды из CSV.',
  total: 'Всего',
  free: 'Свободно',
  issued: 'Выдано',
  lowStock: 'Коды заканчиваются: осталось {n}',
  soldOut: 'Коды закончились',
  sandbox: 'Тестовый пул (бета-тест)',
  upload: 'Загрузить CSV',
  uploadHint:
    'Первый столбец — код; строка заголовка («Промокод», «Код», «Номер купона», «code») пропускается. Повторы и ошибки покажем по номерам строк.',
  chooseFile: 'Выбрать файл',
  phase_parsing: 'Читаем файл',
  phase_checking: 'Проверяем коды',
  phase_writing: 'Сохраняем коды',
  // A count after a colon reads right for every number (1 код, 2 кода, 5 кодов need no plural forms).
  done: 'Готово. Добавлено кодов: {n}',
  failed: 'Файл не загружен. Ошибок: {n}, из них повторов: {d}. Ничего не сохранено.',
  line: 'Строка {n}',
  running: 'Загрузка уже идёт',
  newPool: 'Новый пул',
  key: 'Ключ (латиница, цифры, - и _)',
  name: 'Название',
  threshold: 'Предупреждать, когда свободных не больше',
  sandboxFor: 'Тестовый пул для',
  realPool: 'Нет (настоящий пул)',
  create: 'Создать пул',
  error: 'Не получилось: {reason}',
};

export type PoolsMessages = { [K in keyof typeof poolsRu]: string };

export const poolsEn: PoolsMessages = {
  title: 'Codes',
  back: 'Back',
  pools: 'Code pools',
  noPools: 'No pools yet. Create one and upload its codes from a CSV file.',
  total: 'Total',
  free: 'Free',
  issued: 'Issued',
  lowStock: 'Running low: {n} left',
  soldOut: 'No codes left',
  sandbox: 'Test pool (beta test)',
  upload: 'Upload CSV',
  uploadHint:
    'The first column is the code; a header line ("code", "Promo code", «Промокод») is skipped. Problems and repeats are shown by line.',
  chooseFile: 'Choose file',
  phase_parsing: 'Reading the file',
  phase_checking: 'Checking the codes',
  phase_writing: 'Saving the codes',
  done: 'Done. Codes added: {n}',
  failed: 'Not uploaded. Problems: {n}, repeats among them: {d}. Nothing was saved.',
  line: 'Line {n}',
  running: 'An upload is already running',
  newPool: 'New pool',
  key: 'Key (latin letters, digits, - and _)',
  name: 'Name',
  threshold: 'Warn when free codes are at most',
  sandboxFor: 'Test pool for',
  realPool: 'None (a real pool)',
  create: 'Create pool',
  error: 'That did not work: {reason}',
};

export const poolsStrings = (language: 'ru' | 'en'): PoolsMessages => (language === 'en' ? poolsEn : poolsRu);
