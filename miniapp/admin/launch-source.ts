/**
 * A launch source in words, ru and en: VK's `vk_ref` (where in VK the app was opened) or Telegram's `start_param`, as
 * the server stores it with the participant (`participants.source`). One home for the statistics breakdown, the
 * stuck list and the mailing audience picker; the CSVs keep the raw value. VK's values are those its launch-parameter docs list (dev.vk.com,
 * /work/shared/platform/vk-ok-telegram.md §1.4): known ones get words, a known family (`catalog_…`, `featuring_…`,
 * `notifications…`, `story…`, `snippet…`, `ad…`) its family's words with the value after them, anything else is
 * shown as sent: a Telegram `start_param` is whatever the brand's own link said, so calling it «unknown» would be wrong.
 */
type Words = { ru: string; en: string };

const EXACT: Record<string, Words> = {
  other: { ru: 'Другое (VK не уточнил)', en: 'Other (VK did not say)' },
  menu: { ru: 'Меню ВКонтакте', en: 'VK menu' },
  left_nav: { ru: 'Левое меню ВКонтакте', en: 'VK left menu' },
  group: { ru: 'Стена сообщества', en: 'Community wall' },
  group_menu: { ru: 'Меню сообщества', en: 'Community menu' },
  widget: { ru: 'Виджет сообщества', en: 'Community widget' },
  home_screen: { ru: 'Ярлык на главном экране', en: 'Home screen shortcut' },
  quick_search: { ru: 'Поиск ВКонтакте', en: 'VK search' },
  feed: { ru: 'Лента новостей', en: 'News feed' },
  feed_post: { ru: 'Ссылка в записи в ленте', en: 'Link in a feed post' },
  feed_comments: { ru: 'Комментарии в ленте', en: 'Feed comments' },
  fave: { ru: 'Закладки', en: 'Bookmarks' },
  fave_links: { ru: 'Закладки: ссылки', en: 'Bookmarks: links' },
  fave_posts: { ru: 'Закладки: записи', en: 'Bookmarks: posts' },
  board_topic_all: { ru: 'Обсуждения сообщества', en: 'Community discussions' },
  board_topic_view: { ru: 'Обсуждение сообщества', en: 'A community discussion' },
  catalog_recent: { ru: 'Каталог: недавние', en: 'Catalogue: recent' },
  catalog_favourites: { ru: 'Каталог: избранные', en: 'Catalogue: favourites' },
  catalog_recommendation: { ru: 'Каталог: рекомендации', en: 'Catalogue: recommended' },
  catalog_friends_recommendations: { ru: 'Каталог: рекомендации друзей', en: "Catalogue: friends' picks" },
  catalog_top_dau: { ru: 'Каталог: популярные', en: 'Catalogue: popular' },
  catalog_entertainment: { ru: 'Каталог: развлечения', en: 'Catalogue: entertainment' },
  catalog_sport: { ru: 'Каталог: спорт', en: 'Catalogue: sports' },
  catalog_communication: { ru: 'Каталог: общение', en: 'Catalogue: communication' },
  catalog_tools: { ru: 'Каталог: инструменты', en: 'Catalogue: tools' },
  catalog_shopping: { ru: 'Каталог: покупки', en: 'Catalogue: shopping' },
  catalog_lifestyle: { ru: 'Каталог: образ жизни', en: 'Catalogue: lifestyle' },
  catalog_travel: { ru: 'Каталог: путешествия', en: 'Catalogue: travel' },
  catalog_finance: { ru: 'Каталог: финансы', en: 'Catalogue: finance' },
  catalog_food: { ru: 'Каталог: еда и напитки', en: 'Catalogue: food and drink' },
  catalog_events: { ru: 'Каталог: мероприятия', en: 'Catalogue: events' },
  catalog_education: { ru: 'Каталог: образование', en: 'Catalogue: education' },
  catalog_health: { ru: 'Каталог: здоровье', en: 'Catalogue: health' },
  featuring_discover: { ru: 'Подборка ВК: «Открытия»', en: 'VK featuring: discover' },
  featuring_menu: { ru: 'Подборка ВК в меню', en: 'VK featuring: menu' },
  featuring_new: { ru: 'Подборка ВК: новое', en: 'VK featuring: new' },
  notifications: { ru: 'Уведомление', en: 'Notification' },
  notifications_grouped: { ru: 'Уведомления (группой)', en: 'Notifications (grouped)' },
  notifications_auto: { ru: 'Автоматическое уведомление', en: 'Automatic notification' },
  story: { ru: 'История', en: 'Story' },
  snippet_post: { ru: 'Карточка ссылки в записи', en: 'Link card in a post' },
  snippet_im: { ru: 'Карточка ссылки в сообщении', en: 'Link card in a message' },
  apps_direct_link: { ru: 'Прямая ссылка', en: 'Direct link' },
  im_chat: { ru: 'Чат ВКонтакте', en: 'A VK chat' },
  club: { ru: 'Запись сообщества', en: 'A community post' },
};

/** Families VK adds values to (a new catalogue category, one ad per id): their words, then the value as sent. */
const FAMILIES: Array<[pattern: RegExp, words: Words]> = [
  [/^notifications/, { ru: 'Уведомления', en: 'Notifications' }],
  [/^catalog_/, { ru: 'Каталог', en: 'Catalogue' }],
  [/^featuring_/, { ru: 'Подборка ВК', en: 'VK featuring' }],
  [/^snippet/, { ru: 'Карточка ссылки', en: 'Link card' }],
  [/^stor(y|ies)(_|$)/, { ru: 'История', en: 'Story' }],
  [/^ads?(_|$)/, { ru: 'Реклама', en: 'Ad' }],
  [/^(group|club)_/, { ru: 'Сообщество', en: 'Community' }],
  [/^feed_/, { ru: 'Лента новостей', en: 'News feed' }],
];

/** No source: the launch carried none (or an empty one), and the funnel report's `(none)` for those people. */
const NONE: Words = { ru: 'Без источника', en: 'No source' };

/** The funnel report's value for people whose launch named no source. */
export const NO_SOURCE = '(none)';

/**
 * @example launchSourceText('group_menu', 'ru') // 'Меню сообщества'
 * @example launchSourceText('catalog_games', 'en') // 'Catalogue (catalog_games)'
 * @example launchSourceText('ad_12345', 'ru') // 'Реклама (ad_12345)'
 * @example launchSourceText('promo_autumn', 'ru') // 'promo_autumn' (as sent)
 * @example launchSourceText(null, 'en') // 'No source'
 */
export function launchSourceText(source: string | null | undefined, language: 'ru' | 'en'): string {
  if (source === null || source === undefined || source === '' || source === NO_SOURCE) return NONE[language];
  const exact = Object.hasOwn(EXACT, source) ? EXACT[source] : undefined;
  if (exact) return exact[language];
  const family = FAMILIES.find(([pattern]) => pattern.test(source));
  return family ? `${family[1][language]} (${source})` : source;
}
