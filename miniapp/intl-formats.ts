/**
 * One `Intl` formatter per (language, options), made on first use and kept. Building a `DateTimeFormat` with a
 * `timeZone` loads and resolves ICU's time-zone and calendar data each time — the largest single cost of the first
 * screen's render when every campaign subtitle made its own (docs/decisions/018). Formatters are immutable, so one
 * shared instance gives exactly the strings a fresh one would.
 */

export type Language = 'ru' | 'en';

const LOCALES: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' };

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<Language, Intl.PluralRules>();
const relativeTimeFormats = new Map<Language, Intl.RelativeTimeFormat>();

/** The `Intl.DateTimeFormat` for this language and these options (a `timeZone` among them), shared. */
export function dateTimeFormat(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], options);
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** The `Intl.NumberFormat` for this language and these options, shared. */
export function numberFormat(language: Language, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${language}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], options);
    numberFormats.set(key, format);
  }
  return format;
}

/** The language's `Intl.PluralRules`, made when first asked (not while the entry chunk is evaluated). */
export function pluralRulesOf(language: Language): Intl.PluralRules {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[language]);
    pluralRules.set(language, rules);
  }
  return rules;
}

/** The language's `Intl.RelativeTimeFormat` ("3 дня назад", "3 days ago"), shared. */
export function relativeTimeFormat(language: Language): Intl.RelativeTimeFormat {
  let format = relativeTimeFormats.get(language);
  if (!format) {
    format = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'always' });
    relativeTimeFormats.set(language, format);
  }
  return format;
}

/** How many formatters have been made so far (for tests). */
export function formattersMade(): number {
  return dateTimeFormats.size + numberFormats.size + pluralRules.size + relativeTimeFormats.size;
}
