/**
 * @module Content languages (decision 017): a campaign's texts are written in Russian in their columns, with other
 * languages beside them in a `translations` column; texts inside settings (quiz, wheel) are a string or
 * `{ ru?, en? }`. Everything is resolved on the server by the launch's language with one fallback rule:
 * the requested language, then Russian, then any language that has the text.
 */
import { z } from 'zod';
import { visibleText, visibleTextOrEmpty } from '../http/text-fields.ts';
import { shownText } from './resolve-text.ts';

export const CONTENT_LANGUAGES = ['ru', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/**
 * The content language of a stored language (a participant's `vk_language` at their last launch): one we write texts
 * in, else Russian.
 * @example contentLanguageOf('en') // 'en'; contentLanguageOf('uk') // 'ru'
 */
export const contentLanguageOf = (stored: string | null | undefined): ContentLanguage =>
  stored === 'en' ? 'en' : 'ru';

/** The per-language form: a language may be empty (not written), never blank-looking; each at most `max` characters. */
const perLanguageOrEmpty = (max: number | undefined) =>
  z.object({ ru: visibleTextOrEmpty(max).optional(), en: visibleTextOrEmpty(max).optional() });
/**
 * One of them has the text. None is named at the Russian field with the code a campaign's required titles have
 * (`text_required`, server/office/campaigns/required-texts.ts), so the office says it there in its words.
 */
const perLanguage = (max: number | undefined) =>
  perLanguageOrEmpty(max).refine((t) => Object.values(t).some((v) => v), {
    message: 'Required: write it at least in Russian; participants would see an empty place',
    path: ['ru'],
    params: { code: 'text_required' },
  });

/**
 * A text in settings JSON: plain (one language, read as Russian) or per language, at most `max` characters in each
 * (once trimmed; content-bounds.ts). A participant reads it (a quiz question, a wheel sector, a prize), so text with
 * nothing visible is refused (server/http/text-fields.ts).
 */
export const localizedText = (max?: number) => z.union([visibleText(max), perLanguage(max)]);
/**
 * A settings text that may be left empty (a quiz band's text under its title): as an empty string, or empty in every
 * language, which is what the office's two-language field holds once the brand clears it. It reads as not written
 * (resolve-text.ts), so the participant meets nothing there, as with ''. Blank-looking text is still refused.
 */
export const localizedTextOrEmpty = (max?: number) => z.union([visibleTextOrEmpty(max), perLanguageOrEmpty(max)]);
export type LocalizedText = z.infer<ReturnType<typeof localizedText>>;

/** Other-language versions of a row's text columns: `{ en: { title: '…', description: '…' } }`. */
export type Translations = Partial<Record<ContentLanguage, Record<string, string | undefined>>>;

/**
 * Resolves a column text: its translation in the requested language, else the column itself (Russian), else any
 * translation (a row written only in another language); one that shows nothing counts as not written.
 * @example columnText({ title: 'Скидка', translations: { en: { title: 'Discount' } } }, 'title', 'en') // 'Discount'
 */
export function columnText<F extends string>(
  row: { [K in F]: string } & { translations?: Translations | null },
  field: F,
  language: ContentLanguage,
): string {
  const translations = row.translations ?? {};
  // A text that shows nothing (stored before decision 051) is not written: the next language is read (decision 055).
  return (
    shownText(translations[language]?.[field]) ??
    shownText(row[field]) ??
    Object.values(translations)
      .map((t) => t?.[field])
      .find(shownText) ??
    ''
  );
}
