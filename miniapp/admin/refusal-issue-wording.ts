/**
 * The office's wording of a refusal's field problems (`issues[].code` with params): the detail a refusal names, such
 * as the webhook's private address, a placeholder without a value, a limit and the number that broke it. Worded
 * after the refusal itself by refusal-text.ts.
 */
import { plural } from '../i18n.ts';
import { type Language, numberFormat } from '../intl-formats.ts';

type Params = Record<string, string | number>;
type IssueWording = Record<string, (p: Params) => string>;

/** The address classes the webhook guard refuses (server/leads/webhook-address-guard.ts), as a member reads them. */
const addressClassRu: Record<string, string> = {
  metadata: 'служебный адрес облака',
  loopback: 'этот же компьютер',
  unspecified: 'неуказанный адрес',
  private: 'внутренняя сеть',
  'unique-local': 'внутренняя сеть IPv6',
  'link-local': 'адрес локального сегмента',
  multicast: 'групповой адрес',
  reserved: 'зарезервированный адрес',
};

/** A count as the member's language writes it (1 670 000, 1,670,000), with the app's shared formatter. */
const count = (n: string | number | undefined, language: Language) => numberFormat(language, {}).format(Number(n));

/** A length in characters or items, in the genitive a limit takes ("не длиннее 200 символов", "не больше 1 элемента"). */
const unitsRu = (n: number, origin: string) =>
  `${count(n, 'ru')} ${plural(
    'ru',
    n,
    origin === 'string'
      ? { one: 'символа', few: 'символов', many: 'символов', other: 'символа' }
      : { one: 'элемента', few: 'элементов', many: 'элементов', other: 'элемента' },
  )}`;

/** A value over its bound (server/http/field-issues.ts): what the bound counts decides the sentence. */
function tooBigRu(p: Params): string {
  const n = Number(p.limit);
  if (p.origin === 'string') return `не длиннее ${unitsRu(n, 'string')}`;
  if (p.origin === 'array') return `не больше ${unitsRu(n, 'array')}`;
  return p.inclusive === 0 ? `меньше ${count(n, 'ru')}` : `не больше ${count(n, 'ru')}`;
}

function tooSmallRu(p: Params): string {
  const n = Number(p.limit);
  if (p.origin === 'string') return n === 1 ? 'поле не может быть пустым' : `не короче ${unitsRu(n, 'string')}`;
  if (p.origin === 'array') return n === 1 ? 'нужен хотя бы один элемент' : `не меньше ${unitsRu(n, 'array')}`;
  return p.inclusive === 0 ? `больше ${count(n, 'ru')}` : `не меньше ${count(n, 'ru')}`;
}

const unitsEn = (n: number, origin: string) =>
  `${count(n, 'en')} ${origin === 'string' ? 'character' : 'item'}${n === 1 ? '' : 's'}`;

function tooBigEn(p: Params): string {
  const n = Number(p.limit);
  if (p.origin === 'string' || p.origin === 'array') return `at most ${unitsEn(n, String(p.origin))}`;
  return p.inclusive === 0 ? `less than ${count(n, 'en')}` : `at most ${count(n, 'en')}`;
}

function tooSmallEn(p: Params): string {
  const n = Number(p.limit);
  if (p.origin === 'string') return n === 1 ? 'a field must not be empty' : `at least ${unitsEn(n, 'string')}`;
  if (p.origin === 'array') return n === 1 ? 'at least one item is needed' : `at least ${unitsEn(n, 'array')}`;
  return p.inclusive === 0 ? `more than ${count(n, 'en')}` : `at least ${count(n, 'en')}`;
}

/** A byte count as a size the member reads: whole megabytes or kilobytes where it divides, else bytes. */
function sizeText(bytes: number, language: Language): string {
  const [mb, kb, b] = language === 'ru' ? ['МБ', 'КБ', 'байт'] : ['MB', 'KB', 'bytes'];
  if (bytes % (1024 * 1024) === 0) return `${count(bytes / (1024 * 1024), language)} ${mb}`;
  if (bytes % 1024 === 0) return `${count(bytes / 1024, language)} ${kb}`;
  return `${count(bytes, language)} ${b}`;
}

/** Field problems a refusal names by code (`issues[].code`), worded after the refusal itself. */
const issuesRu: IssueWording = {
  not_a_url: () => 'это не адрес',
  not_a_web_address: () => 'нужен адрес сайта, начинающийся с https://',
  not_a_date: () => 'такой даты нет в календаре',
  not_https: () => 'нужен https',
  has_credentials: () => 'в адресе не должно быть логина и пароля',
  forbidden_host: (p) =>
    `${p.host} — ${addressClassRu[String(p.addressClass)] ?? 'недоступный адрес'} (${p.addressClass})`,
  no_value: (p) => `{${p.variable}}`,
  missing_task: (p) => String(p.task),
  moment_limit: (p) => `${count(p.planned, 'ru')}, а можно не больше ${count(p.max, 'ru')}`,
  day_limit: (p) =>
    `не больше ${count(p.max, 'ru')} ${plural('ru', Number(p.max), { one: 'дня', few: 'дней', many: 'дней', other: 'дня' })}`,
  too_big: tooBigRu,
  too_small: tooSmallRu,
  byte_limit: (p) => `не больше ${sizeText(Number(p.max), 'ru')}`,
  char_limit: (p) => `не больше ${unitsRu(Number(p.max), 'string')}`,
  text_required: () => 'текст пуст на всех языках — напишите его хотя бы по-русски, иначе участник увидит пустое место',
  community_without_token: (p) => `«${p.community}» (VK ${p.vkGroupId}) — агентство не сохранило его токен`,
  community_brand_switched_off: (p) => `«${p.community}» (VK ${p.vkGroupId}) — агентство выключило его бренд`,
  person_without_platform: () => 'по одному id не понять, кто это: выберите человека в списке заново',
  not_a_person: () => 'это не человек из списка: выберите его заново',
  unknown_key: (p) => `здесь нет настройки «${p.key}»`,
};

const issuesEn: IssueWording = {
  not_a_url: () => 'this is not a URL',
  not_a_web_address: () => 'a web address starting with https:// is needed',
  not_a_date: () => 'there is no such date in the calendar',
  not_https: () => 'https is needed',
  has_credentials: () => 'the address must not carry a login or password',
  forbidden_host: (p) => `${p.host} is a ${p.addressClass} address`,
  no_value: (p) => `{${p.variable}}`,
  missing_task: (p) => String(p.task),
  moment_limit: (p) => `${count(p.planned, 'en')}, at most ${count(p.max, 'en')}`,
  day_limit: (p) => `at most ${count(p.max, 'en')} days`,
  too_big: tooBigEn,
  too_small: tooSmallEn,
  byte_limit: (p) => `at most ${sizeText(Number(p.max), 'en')}`,
  char_limit: (p) => `at most ${unitsEn(Number(p.max), 'string')}`,
  text_required: () => 'empty in every language: write it at least in Russian, or participants see an empty place',
  community_without_token: (p) => `“${p.community}” (VK ${p.vkGroupId}), whose token the agency has not stored`,
  community_brand_switched_off: (p) => `“${p.community}” (VK ${p.vkGroupId}), whose brand the agency switched off`,
  person_without_platform: () => 'an id alone does not say who it is: pick the person from the list again',
  not_a_person: () => 'this is not a person from the list: pick them again',
  unknown_key: (p) => `there is no setting “${p.key}” here`,
};

export const ISSUE_WORDING: Record<Language, IssueWording> = { ru: issuesRu, en: issuesEn };
