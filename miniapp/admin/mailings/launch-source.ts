/**
 * A participant's launch source (`vk_ref`, kept from the first open) as an office member reads it. The values VK
 * documents (dev.vk.com: mini-app launch parameters, games' vk_ref list, apps.addSnippet) get names in ru/en; a value
 * of a known family (`catalog_*`, `ad_*`, …) gets the family's name with the raw value beside it; anything else is
 * said to be unknown and keeps its raw value, so a new source is still pickable and recognisable.
 */
import type { Language } from './mailing-api.ts';

type Words = { ru: string; en: string };

const KNOWN: Record<string, Words> = {
  catalog_recent: { ru: 'Каталог: недавние', en: 'Catalog: recent' },
  catalog_recommendation: { ru: 'Каталог: рекомендации', en: 'Catalog: recommended' },
  catalog_friends_recommendations: { ru: 'Каталог: советуют друзья', en: 'Catalog: recommended by friends' },
  catalog_top_dau: { ru: 'Каталог: популярные', en: 'Catalog: popular' },
  catalog_sport: { ru: 'Каталог: спорт', en: 'Catalog: sports' },
  catalog_entertainment: { ru: 'Каталог: развлечения', en: 'Catalog: entertainment' },
  catalog_communication: { ru: 'Каталог: общение', en: 'Catalog: communication' },
  catalog_tools: { ru: 'Каталог: инструменты', en: 'Catalog: tools' },
  catalog_shopping: { ru: 'Каталог: покупки', en: 'Catalog: shopping' },
  catalog_lifestyle: { ru: 'Каталог: образ жизни', en: 'Catalog: lifestyle' },
  catalog_travel: { ru: 'Каталог: путешествия', en: 'Catalog: travel' },
  catalog_finance: { ru: 'Каталог: финансы', en: 'Catalog: finance' },
  catalog_food: { ru: 'Каталог: еда и напитки', en: 'Catalog: food and drink' },
  catalog_events: { ru: 'Каталог: мероприятия', en: 'Catalog: events' },
  catalog_education: { ru: 'Каталог: образование', en: 'Catalog: education' },
  catalog_health: { ru: 'Каталог: здоровье', en: 'Catalog: health' },
  featuring_discover: { ru: 'Подборка VK: главная', en: 'VK featuring: discover' },
  featuring_menu: { ru: 'Подборка VK: меню', en: 'VK featuring: menu' },
  featuring_new: { ru: 'Подборка VK: новые', en: 'VK featuring: new' },
  left_nav: { ru: 'Избранное в левом меню', en: 'Favourites in the left menu' },
  apps_direct_link: { ru: 'Прямая ссылка', en: 'Direct link' },
  home_screen: { ru: 'Ярлык на главном экране', en: 'Home screen shortcut' },
  quick_search: { ru: 'Поиск ВКонтакте', en: 'VK search' },
  im_chat: { ru: 'Чат ВКонтакте', en: 'A VK chat' },
  snippet_im: { ru: 'Ссылка в сообщении', en: 'A link in a message' },
  snippet_post: { ru: 'Ссылка в записи', en: 'A link in a post' },
  notifications: { ru: 'Уведомления', en: 'Notifications' },
  notifications_grouped: { ru: 'Уведомления (сгруппированные)', en: 'Notifications (grouped)' },
  notifications_auto: { ru: 'Автоматические уведомления', en: 'Automatic notifications' },
  feed: { ru: 'Лента новостей', en: 'News feed' },
  feed_post: { ru: 'Запись в ленте', en: 'A post in the feed' },
  club: { ru: 'Запись сообщества', en: 'A community post' },
  group: { ru: 'Сообщество', en: 'Community' },
  other: { ru: 'Другие места ВКонтакте', en: 'Elsewhere in VK' },
};

/** Families VK adds values to (a new catalog category, one ad per id): named, with the raw value beside. */
const FAMILIES: [RegExp, Words][] = [
  [/^catalog_/, { ru: 'Каталог', en: 'Catalog' }],
  [/^featuring_/, { ru: 'Подборка VK', en: 'VK featuring' }],
  [/^ads?(_|$)/, { ru: 'Реклама', en: 'Ad' }],
  [/^(group|club)_/, { ru: 'Сообщество', en: 'Community' }],
  [/^stor(y|ies)(_|$)/, { ru: 'Истории', en: 'Stories' }],
  [/^notifications/, { ru: 'Уведомления', en: 'Notifications' }],
  [/^snippet_/, { ru: 'Ссылка', en: 'A link' }],
  [/^feed_/, { ru: 'Лента новостей', en: 'News feed' }],
];

const UNKNOWN: Words = { ru: 'Неизвестный источник', en: 'Unknown source' };

/**
 * @example sourceLabel('catalog_recent', 'ru') === 'Каталог: недавние'
 * @example sourceLabel('ad_123', 'en') === 'Ad (ad_123)'
 * @example sourceLabel('mystery', 'en') === 'Unknown source (mystery)'
 */
export function sourceLabel(ref: string, language: Language): string {
  const known = Object.hasOwn(KNOWN, ref) ? KNOWN[ref] : undefined;
  if (known) return known[language];
  const family = FAMILIES.find(([pattern]) => pattern.test(ref))?.[1] ?? UNKNOWN;
  return `${family[language]} (${ref})`;
}
