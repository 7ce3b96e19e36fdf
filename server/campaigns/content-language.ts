/**
 * @module Content languages (decision 017): a campaign's texts are written in Russian in their columns, with other
 * languages beside them in a `translations` column; texts inside settings (quiz, wheel) are a string or
 * `{ ru?, en? }`. Everything is resolved on the server by the launch's language with one fallback rule:
 * the requested language, then Russian, then any language that has the text.
 */
import { z } from 'zod';

export const CONTENT_LANGUAGES = ['ru', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

/**
 * The content language of a stored language (a participant's `vk_language` at their last launch): one we write texts
 * in, else Russian.
 * @example contentLanguageOf('en') // 'en'; contentLanguageOf('uk') // 'ru'
 */
export const contentLanguageOf = (stored: string | null | undefined): ContentLanguage =>
  stored === 'en' ? 'en' : 'ru';

/** A text in settings JSON: plain (one language, read as Russian) or per language. */
export const LocalizedTextSchema = z.union([
  z.string(),
  z
    .object({ ru: z.string().optional(), en: z.string().optional() })
    .refine((t) => Object.values(t).some((v) => v), 'At least one language must have the text'),
]);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Other-language versions of a row's text columns: `{ en: { title: '…', description: '…' } }`. */
export type Translations = Partial<Record<ContentLanguage, Record<string, string | undefined>>>;

/**
 * Resolves a column text: its translation in the requested language, else the column itself (Russian), else any
 * translation (a row written only in another language).
 * @example columnText({ title: 'Скидка', translations: { en: { title: 'Discount' } } }, 'title', 'en') // 'Discount'
 */
export function columnText<F extends string>(
  row: { [K in F]: string } & { translations?: Translations | null },
  field: F,
  language: ContentLanguage,
): string {
  const translations = row.translations ?? {};
  return (
    translations[language]?.[field] ||
    row[field] ||
    Object.values(translations)
      .map((t) => t?.[field])
      .find((v) => v) ||
    ''
  );
}
