/**
 * The office's wording of a server refusal: the server sends a stable error `code` and an English message for
 * developers (server/http/errors.ts); the office says the code in the member's language. Codes a participant can meet
 * too (network, rate limit, no access, …) are worded once, in ../i18n-errors.ts; a code neither knows yet falls back
 * to the server's message, so a new refusal is still readable before it is translated
 * (refusal-text.test.ts checks that every code the server throws is worded here or there).
 */
import { ApiRequestError } from '../api/client.ts';
import { HAS_WEB_ENTRY } from '../build-contents.ts';
import { errorTexts } from '../i18n-errors.ts';
import type { Language } from '../intl-formats.ts';
import { ISSUE_WORDING } from './refusal-issue-wording.ts';
import { PLACE_WORDING, type RefusalPlace } from './refusal-place.ts';

type Wording = Record<string, string>;

const ru: Wording = {
  not_found: 'Этого нет в вашем кабинете.',
  forbidden: 'У вас нет прав на это в этом бренде.',
  campaign_not_found: 'Такой акции нет в ваших брендах.',
  community_not_found: 'Это сообщество не подключено к вашим брендам.',
  confirmation_not_set: 'Код подтверждения не задан — ВКонтакте не подтвердит сервер.',
  brand_not_found: 'Такого бренда нет среди ваших.',
  invalid_input: 'Проверьте заполненные поля.',
  payload_too_large: 'Слишком большой объём данных.',
  unsupported_media_type: 'Нужен файл CSV.',
  secrets_key_missing: 'На сервере не задан SECRETS_KEY: секреты негде хранить. Обратитесь к агентству.',
  // Team and invitations
  already_member: 'У этого человека уже есть права в этом бренде.',
  role_not_allowed: 'Эту роль вы выдать, изменить или снять не можете.',
  role_scope: 'Роль не подходит к охвату: владелец агентства — на всё агентство, остальные роли — на один бренд.',
  section_not_held: 'Нельзя выдать разделы, которых нет у вас самих.',
  self_demotion: 'Владелец агентства не может понизить сам себя.',
  last_agency_admin: 'У агентства должен остаться хотя бы один владелец.',
  not_agency_manager: 'Выбирать бренды можно только менеджеру агентства.',
  unknown_brand: 'Выберите бренды этого агентства.',
  invitation_not_found: 'Такого приглашения нет.',
  invitation_used: 'Это приглашение уже принято.',
  invitation_revoked: 'Это приглашение отозвано.',
  invitation_expired: 'Срок приглашения истёк.',
  invitation_not_for_you: 'Это приглашение сделано для другого человека.',
  wrong_platform: 'Это приглашение для другой платформы.',
  not_community_admin: 'Откройте приложение из сообщества, которым вы управляете.',
  claim_not_available: 'Это сообщество нельзя забрать себе: попросите агентство о приглашении.',
  // Agency
  // The agency's pages opened by someone without the role they need (refused.ts `withoutAgencyRole`).
  agency_only: 'Эта страница — для агентства: её открывают владелец агентства и его менеджеры.',
  agency_owner_only: 'Эта страница — для владельца агентства.',
  already_off: 'Бренд уже выключен.',
  already_on: 'Бренд уже включён.',
  community_taken: 'Это сообщество ВКонтакте уже подключено.',
  app_taken: 'Это приложение ВКонтакте уже подключено.',
  app_not_found: 'У бренда нет такого приложения.',
  // A draft from the catalogue for a brand with no app yet (a new brand's first campaign).
  brand_without_app:
    'У бренда ещё нет приложения ВКонтакте, а акция работает в приложении. Подключите его на странице бренда в разделе «Агентство».',
  // One wording for every step refused so (decisions 053, 054): the draw's checks and announcement, a broadcast, a
  // support reply, a catalogue import that would alert subscribers.
  brand_switched_off:
    'Агентство выключило этот бренд: пока он выключен, от его имени ничего не отправляется участникам и не запрашивается у ВКонтакте. Включите бренд и повторите.',
  // Beta testing
  beta_closed: 'Бета-тест закрыт: акция уже запущена или завершена.',
  tester_not_found: 'Такого тестировщика нет.',
  beta_link_not_found: 'Такой ссылки для тестировщика нет или она отозвана.',
  // Campaign editing
  not_editable: 'Эту акцию уже нельзя менять.',
  not_publishable: 'Акцию нельзя опубликовать, пока есть ошибки из списка «Что исправить».',
  status_changed: 'Пока вы редактировали, статус акции изменился.',
  edited_meanwhile: 'Пока вы редактировали, акцию сохранил кто-то другой.',
  saved_meanwhile: 'Пока вы редактировали, это сохранил кто-то другой.',
  list_changed: 'Пока вы меняли порядок, статью добавили или удалили. Список обновлён — расставьте ещё раз.',
  transition_not_allowed: 'Из этого статуса так перевести акцию нельзя.',
  revision_not_found: 'Такой версии акции нет.',
  // Code pools and the prize calendar
  pool_key_taken: 'У этой акции уже есть пул с таким ключом.',
  entry_pool_threshold: 'У пула кодов с упаковок нет порога: он предупреждает, только когда свободных не осталось.',
  sandbox_exists: 'У этого пула уже есть тестовый пул. Пополните его.',
  pool_not_found: 'Такого пула нет.',
  import_running: 'В этот пул ещё идёт загрузка. Дождитесь её конца.',
  import_interrupted: 'Загрузку прервали: сервер счёл её остановившейся. Ничего не сохранено — загрузите файл ещё раз.',
  import_not_found: 'Такой загрузки нет.',
  invalid_csv: 'В файле есть ошибки, ничего не загружено.',
  campaign_ended: 'Акция завершена.',
  not_instant_win: 'Это не мгновенный приз этой акции.',
  empty_window: 'В акции (или в выбранном окне) не осталось времени для моментов.',
  too_many_moments: 'Слишком много моментов за раз.',
  // Draw
  no_draw: 'В этой акции нет розыгрыша.',
  no_commitment: 'Розыгрыш ещё не зафиксирован: это происходит при запуске акции.',
  draw_misconfigured: 'Розыгрыш требует заданий, которых нет в акции.',
  already_drawn: 'Розыгрыш уже прошёл: список участников закрыт.',
  entry_not_found: 'Этого участника нет в акции.',
  already_excluded: 'Участник уже исключён.',
  not_excluded: 'Участник не исключён из розыгрыша.',
  not_drawn: 'Розыгрыш ещё не проводился.',
  pick_not_found: 'Такого победителя нет в розыгрыше.',
  too_early: 'Время розыгрыша ещё не пришло.',
  no_entries: 'Никто не выполнил нужные задания вовремя.',
  not_a_winner: 'Перевыбрать можно только действующего победителя.',
  no_entries_left: 'Все участники уже выбраны.',
  vk_unavailable: 'ВКонтакте не ответил. Попробуйте позже.',
  // Mailings
  broadcast_not_found: 'Такой рассылки нет.',
  no_community_token: 'У сообщества акции нет токена, сообщения рассылки отправить нечем.',
  already_cancelled: 'Рассылка уже отменена.',
  broadcast_finished: 'Все сообщения этой рассылки уже обработаны.',
  scheduled_in_past: 'Время отправки уже прошло. Выберите время позже или отправьте сейчас.',
  rule_not_found: 'Такого правила нет.',
  invalid_rule: 'Правило не подходит к этой акции.',
  unknown_screen: 'Ссылка ведёт не на экран этой акции.',
  unknown_participants: 'Некоторых участников нет в этой акции.',
  unknown_stage: 'Такого этапа нет в воронке акции.',
  unknown_rule: 'У этой акции нет такого правила рассылки.',
  rule_without_variants: 'Правило выбирают только для разбивки по вариантам сообщения.',
  // Statistics and funnel
  invalid_range: 'Конец периода должен быть позже начала.',
  range_too_long: 'Период слишком длинный.',
  invalid_cursor: 'Список устарел. Обновите страницу.',
  link_invalid: 'Ссылка на выгрузку недействительна.',
  link_expired: 'Срок ссылки на выгрузку истёк.',
  // Support and knowledge base
  ticket_not_found: 'Такого обращения нет.',
  canned_not_found: 'Такого шаблона ответа нет.',
  variable_unavailable: 'Для этого участника нет значения подстановки.',
  article_not_found: 'Такой статьи нет.',
  invalid_campaign: 'Эта акция не относится к бренду.',
  not_a_support_member: 'У этого члена команды нет прав поддержки.',
  // Leads and the calculator
  lead_not_found: 'Такой заявки нет в этой акции.',
  invalid_webhook_url: 'Адрес вебхука не подходит.',
  no_calculator: 'В этой акции нет калькулятора.',
  invalid_formula: 'В формуле ошибка.',
  calculation_failed: 'Калькулятор не смог посчитать с этими значениями.',
  // Catalogue
  invalid_feed: 'В файле нет предложений, которые можно загрузить.',
  offer_not_found: 'Такого предложения нет.',
  category_not_found: 'Такой категории нет.',
  // Server plumbing
  csrf_refused: 'Запрос пришёл не со страницы приложения.',
  too_many_in_flight: 'Слишком много запросов одновременно. Подождите немного.',
  updates_unavailable: 'Этот процесс не принимает события сообщества.',
  bad_request: 'Сервер не понял запрос. Обновите страницу и попробуйте снова.',
  internal: 'На сервере ошибка. Попробуйте позже.',
  // The client's own code for an answer that is not the API's JSON (a proxy's 502, say).
  http_error: 'Сервер ответил ошибкой. Попробуйте позже.',
};

const en: Wording = {
  not_found: 'This is not in your office.',
  forbidden: 'You have no rights for this in this brand.',
  campaign_not_found: 'There is no such campaign in your brands.',
  community_not_found: 'This community is not connected to your brands.',
  confirmation_not_set: 'No confirmation string set: VK will not confirm the server.',
  brand_not_found: 'There is no such brand among yours.',
  invalid_input: 'Please check the fields.',
  payload_too_large: 'Too much data at once.',
  unsupported_media_type: 'A CSV file is needed.',
  secrets_key_missing: 'The server has no SECRETS_KEY to store secrets with. Ask the agency.',
  already_member: 'This person already has rights on this brand.',
  role_not_allowed: 'You may not give, change or take away this role.',
  role_scope: 'The role does not fit its scope: an agency owner covers the agency, other roles one brand.',
  section_not_held: 'You cannot grant sections you do not hold yourself.',
  self_demotion: 'An agency owner cannot demote themselves.',
  last_agency_admin: 'The agency must keep at least one owner.',
  not_agency_manager: 'Only an agency manager covers chosen brands.',
  unknown_brand: 'Choose brands of this agency.',
  invitation_not_found: 'There is no such invitation.',
  invitation_used: 'This invitation was already accepted.',
  invitation_revoked: 'This invitation was revoked.',
  invitation_expired: 'This invitation has expired.',
  invitation_not_for_you: 'This invitation was made for someone else.',
  wrong_platform: 'This invitation is for another platform.',
  not_community_admin: 'Open the app from the community you administer.',
  claim_not_available: 'This community cannot be claimed: ask the agency for an invitation.',
  agency_only: 'This page is for the agency: its owner and managers open it.',
  agency_owner_only: 'This page is for the agency’s owner.',
  already_off: 'The brand is already switched off.',
  already_on: 'The brand is already switched on.',
  community_taken: 'This VK community is already connected.',
  app_taken: 'This VK app is already connected.',
  app_not_found: 'The brand has no such app.',
  brand_without_app:
    "The brand has no VK app yet, and a campaign runs in an app. Connect one on the brand's page under «Agency».",
  brand_switched_off:
    'The agency has switched this brand off: while it is off, nothing is sent to its participants or asked of VK in its name. Switch the brand on and try again.',
  beta_closed: 'The beta is closed: the campaign is live or over.',
  tester_not_found: 'There is no such tester.',
  beta_link_not_found: 'This tester link does not exist or was revoked.',
  not_editable: 'This campaign can no longer be edited.',
  not_publishable: 'The campaign cannot be published while there are errors under “What to fix”.',
  status_changed: 'The campaign changed status while you were editing.',
  edited_meanwhile: 'Someone else saved this campaign while you were editing.',
  saved_meanwhile: 'Someone else saved this while you were editing.',
  list_changed: 'An article was added or removed while you were ordering. The list is up to date now; order it again.',
  transition_not_allowed: 'The campaign cannot move to that status from this one.',
  revision_not_found: 'There is no such revision.',
  pool_key_taken: 'This campaign already has a pool with this key.',
  entry_pool_threshold: 'A pool of pack codes has no threshold: it warns only when none is free.',
  sandbox_exists: 'This pool already has a test pool. Add codes to that one.',
  pool_not_found: 'There is no such pool.',
  import_running: 'An import into this pool is still running. Wait for it to finish.',
  import_interrupted: 'The import was given up as stopped by the server. Nothing was saved: upload the file again.',
  import_not_found: 'There is no such import.',
  invalid_csv: 'The file has problems; nothing was imported.',
  campaign_ended: 'The campaign has ended.',
  not_instant_win: 'This is not an instant-win prize of this campaign.',
  empty_window: 'No time is left in the campaign (or the chosen window) for moments.',
  too_many_moments: 'Too many moments at once.',
  no_draw: 'This campaign has no draw.',
  no_commitment: 'The draw is not committed yet: that happens when the campaign goes live.',
  draw_misconfigured: 'The draw requires tasks the campaign does not have.',
  already_drawn: 'The draw has run: its list of entries is frozen.',
  entry_not_found: 'This participant is not in the campaign.',
  already_excluded: 'This entry is already excluded.',
  not_excluded: 'This participant is not excluded from the draw.',
  not_drawn: 'The draw has not run yet.',
  pick_not_found: 'There is no such winner in this draw.',
  too_early: 'The draw time has not come yet.',
  no_entries: 'Nobody completed the required tasks in time.',
  not_a_winner: 'Only a standing winner can be re-picked.',
  no_entries_left: 'Every entry has been picked already.',
  vk_unavailable: 'VK did not answer. Try again later.',
  broadcast_not_found: 'There is no such mailing.',
  no_community_token: "The campaign's community has no token, so the broadcast's messages cannot be sent.",
  already_cancelled: 'The mailing is already cancelled.',
  broadcast_finished: 'Every message of this mailing has already been handled.',
  scheduled_in_past: 'The sending time has already passed. Choose a later time or send now.',
  rule_not_found: 'There is no such rule.',
  invalid_rule: 'The rule does not fit this campaign.',
  unknown_screen: 'The link does not open a screen of this campaign.',
  unknown_participants: 'Some participants are not in this campaign.',
  unknown_stage: 'The campaign funnel has no such stage.',
  unknown_rule: 'This campaign has no such mailing rule.',
  rule_without_variants: 'A rule is chosen only for the breakdown by message variant.',
  invalid_range: 'The end of the period must be after its start.',
  range_too_long: 'The period is too long.',
  invalid_cursor: 'The list is out of date. Reload the page.',
  link_invalid: 'This download link is not valid.',
  link_expired: 'This download link has expired.',
  ticket_not_found: 'There is no such ticket.',
  canned_not_found: 'There is no such canned answer.',
  variable_unavailable: 'A placeholder has no value for this participant.',
  article_not_found: 'There is no such article.',
  invalid_campaign: "This campaign is not the brand's.",
  not_a_support_member: 'This team member has no support rights.',
  lead_not_found: 'There is no such lead in this campaign.',
  invalid_webhook_url: 'The webhook URL does not fit.',
  no_calculator: 'This campaign has no calculator.',
  invalid_formula: 'The formula has an error.',
  calculation_failed: 'The calculator could not compute with these values.',
  invalid_feed: 'The file has no offers that can be imported.',
  offer_not_found: 'There is no such offer.',
  category_not_found: 'There is no such category.',
  csrf_refused: "The request did not come from the app's own page.",
  too_many_in_flight: 'Too many requests at once. Please wait a moment.',
  updates_unavailable: 'This process does not take community updates.',
  bad_request: 'The server did not understand the request. Reload the page and try again.',
  internal: 'The server failed. Try again later.',
  http_error: 'The server answered with an error. Try again later.',
};

/**
 * The web entry's VK ID sign-in refusals: only the `web` build signs in with VK ID, so the others leave these words
 * out when they are built (build-contents.ts), as they leave out the sign-in screen.
 */
const webEntry: Record<Language, Wording> = {
  ru: {
    web_entry_disabled: 'Вход через VK ID на этом сервере не настроен.',
    login_not_started: 'Вход не начат в этом браузере. Начните заново.',
    login_expired: 'Вход длился дольше 10 минут. Начните заново.',
    login_state_mismatch: 'VK ID вернул чужой вход. Начните заново.',
  },
  en: {
    web_entry_disabled: 'Signing in with VK ID is not set up on this server.',
    login_not_started: 'No sign-in was started in this browser. Start again.',
    login_expired: 'The sign-in took longer than 10 minutes. Start again.',
    login_state_mismatch: "VK ID returned another sign-in's answer. Start again.",
  },
};

export const REFUSAL_WORDING: Record<Language, Wording> = {
  ru: HAS_WEB_ENTRY ? { ...ru, ...webEntry.ru } : ru,
  en: HAS_WEB_ENTRY ? { ...en, ...webEntry.en } : en,
};

/** A table's own entry only: a code such as `constructor` is not a wording. */
const own = <T>(table: Record<string, T>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** One field problem in words, when this office words its code ("не длиннее 200 символов"). */
export function issueWording(issue: ApiRequestError['issues'][number], language: Language): string | undefined {
  const word = issue.code ? own(ISSUE_WORDING[language], issue.code) : undefined;
  return word?.(issue.params ?? {});
}

/** The refusal's field problems this office words, joined, or undefined when it words none. */
function issueText(error: ApiRequestError, language: Language): string | undefined {
  const worded = error.issues.flatMap((issue) => issueWording(issue, language) ?? []);
  // Several fields over the same bound read as one phrase.
  return worded.length > 0 ? [...new Set(worded)].join(', ') : undefined;
}

/**
 * What an office member reads when a call fails; `place` is the screen it is said on (refusal-place.ts).
 * @example refusalText(new ApiRequestError(409, 'pool_key_taken', 'Campaign 1 already has a pool "x"'), 'ru')
 *   // 'У этой акции уже есть пул с таким ключом.'
 */
export function refusalText(error: unknown, language: Language, place: RefusalPlace = 'brand'): string {
  if (!(error instanceof ApiRequestError)) return errorTexts[language].generic;
  const placed = place === 'brand' ? undefined : own(PLACE_WORDING[place][language], error.code);
  const refusal = placed ?? own(REFUSAL_WORDING[language], error.code) ?? own(errorTexts[language], error.code);
  if (!refusal) return error.message;
  const detail = issueText(error, language);
  return detail ? `${refusal.replace(/\.$/, '')}: ${detail}.` : refusal;
}
