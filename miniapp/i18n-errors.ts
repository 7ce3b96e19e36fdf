/**
 * What a participant reads when a call fails: the client's own text for the server's error `code`, in the UI
 * language, or a translated generic line. The server's `message` is English for developers and never shown.
 */
import { ApiRequestError } from './api/client.ts';
import { CLIENT_EN, CLIENT_OF_RU } from './build-contents.ts';

type ErrorTexts = Record<string, string> & { generic: string };

const ru: ErrorTexts = {
  generic: 'Не получилось. Попробуйте ещё раз чуть позже.',
  network: 'Нет связи с сервером. Проверьте интернет и попробуйте снова.',
  campaign_not_found: 'Такой акции нет или она недоступна в этом приложении.',
  not_found: 'Страница не найдена.',
  task_not_found: 'Такого задания нет.',
  reward_not_found: 'Такой награды нет.',
  offer_not_found: 'Это предложение закончилось или его нет.',
  category_not_found: 'Такой категории больше нет.',
  campaign_not_started: 'Акция ещё не началась.',
  campaign_paused: 'Акция на паузе. Ваш прогресс сохранён.',
  campaign_ended: 'Акция завершена.',
  not_joined: 'Откройте акцию заново, чтобы участвовать.',
  task_unavailable: 'Это задание недоступно на вашей платформе.',
  task_misconfigured: 'Задание настроено с ошибкой. Мы уже знаем об этом.',
  not_eligible: 'Награда ещё не открыта: выполните задания.',
  not_claimable: 'Этот приз можно только выиграть на колесе.',
  sold_out: 'Награды закончились.',
  daily_cap_reached: 'Сегодняшние награды закончились. Возвращайтесь завтра.',
  daily_limit: 'На сегодня попытки закончились.',
  no_attempts: 'Попытки закончились. Выполняйте задания — за них дают новые.',
  wrong_mechanic: 'В этой акции нет такого действия.',
  code_unknown: 'Такого кода нет в акции. Проверьте его и попробуйте снова.',
  code_used: 'Этот код уже использован.',
  too_many_attempts: 'Слишком много неверных кодов. Попробуйте позже.',
  quiz_attempts_used: 'Попытки ответить на этот тест закончились.',
  no_community: 'Акция не привязана к сообществу.',
  alerts_vk_only:
    'Новинки приходят сообщениями сообщества ВКонтакте. Подпишитесь на категорию в приложении во ВКонтакте.',
  rate_limited: 'Слишком много запросов. Подождите немного.',
  unavailable: 'Сервис на минуту недоступен. Попробуйте ещё раз.',
  invalid_input: 'Проверьте введённые данные.',
  writer_unavailable: 'Сервер перегружен. Попробуйте через минуту.',
  forbidden: 'Нет доступа.',
  missing: `Откройте приложение из ${CLIENT_OF_RU} заново.`,
  malformed: `Откройте приложение из ${CLIENT_OF_RU} заново.`,
  bad_signature: `Откройте приложение из ${CLIENT_OF_RU} заново.`,
  expired: 'Вход действует ограниченное время. Закройте приложение и откройте его снова.',
  wrong_app: 'Эта ссылка от другого приложения.',
  client_key_reused: 'Это сообщение уже ушло с другим текстом. Обновите экран и отправьте снова.',
};

const en: ErrorTexts = {
  generic: 'That did not work. Please try again a little later.',
  network: 'Cannot reach the server. Check your connection and try again.',
  campaign_not_found: 'This campaign does not exist or is not available in this app.',
  not_found: 'Page not found.',
  task_not_found: 'No such task.',
  reward_not_found: 'No such reward.',
  offer_not_found: 'This offer has ended or does not exist.',
  category_not_found: 'This category is no longer here.',
  campaign_not_started: 'The campaign has not started yet.',
  campaign_paused: 'The campaign is paused. Your progress is saved.',
  campaign_ended: 'The campaign has ended.',
  not_joined: 'Open the campaign again to take part.',
  task_unavailable: 'This task is not available on your platform.',
  task_misconfigured: 'This task is set up wrongly. We are on it.',
  not_eligible: 'The reward is still locked: complete the tasks.',
  not_claimable: 'This prize can only be won on the wheel.',
  sold_out: 'All of this reward has been given out.',
  daily_cap_reached: "Today's rewards are gone. Come back tomorrow.",
  daily_limit: 'No more attempts today.',
  no_attempts: 'No attempts left. Complete tasks to earn more.',
  wrong_mechanic: 'This campaign has no such action.',
  code_unknown: 'This code is not part of the promotion. Check it and try again.',
  code_used: 'This code has already been used.',
  too_many_attempts: 'Too many wrong codes. Try again later.',
  quiz_attempts_used: 'No attempts at this quiz are left.',
  no_community: 'The campaign has no community.',
  alerts_vk_only: 'New offers come as VK community messages. Follow the category in the app inside VK.',
  rate_limited: 'Too many requests. Please wait a moment.',
  unavailable: 'The service is unavailable for a moment. Please try again.',
  invalid_input: 'Please check what you entered.',
  writer_unavailable: 'The server is busy. Try again in a minute.',
  forbidden: 'Not allowed.',
  missing: `Open the app from ${CLIENT_EN} again.`,
  malformed: `Open the app from ${CLIENT_EN} again.`,
  bad_signature: `Open the app from ${CLIENT_EN} again.`,
  expired: 'A sign-in lasts a limited time. Close the app and open it again.',
  wrong_app: 'This link belongs to another app.',
  client_key_reused: 'This message already went with another text. Refresh and send it again.',
};

export const errorTexts: Record<'ru' | 'en', ErrorTexts> = { ru, en };

/**
 * The user-facing text of any failure.
 * @example errorText(new ApiRequestError(404, 'campaign_not_found', 'Campaign 9 does not exist'), 'ru')
 */
export function errorText(error: unknown, language: 'ru' | 'en'): string {
  const texts = errorTexts[language];
  // Own entries only: a code such as `constructor` is not a text (it would be Object's function). Not `Object.hasOwn`:
  // the participant's build targets ES2020, and older iOS WebViews (before 15.4) lack it.
  if (error instanceof ApiRequestError && Object.keys(texts).includes(error.code))
    return texts[error.code] ?? texts.generic;
  return texts.generic;
}
