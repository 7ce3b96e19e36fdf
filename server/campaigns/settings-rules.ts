/**
 * @module The two ways stored-settings shapes are checked (decision 055). Writing, a brand member's save: a text a
 * person reads must show something (decision 051) and a list, a text or a number keeps its bound (a quiz question's 20
 * options, the lengths and numbers of server/campaigns/content-bounds.ts). Reading,
 * JSON already stored, perhaps by a release that had neither rule: any string and any length is taken, and a text that
 * shows nothing reads as not written, so an optional one takes its default and resolveText falls back past it. One
 * definition per shape, built for both (server/promo/settings.ts, server/support/faq.ts, calculator-config.ts): a
 * participant never gets a 500 for what an earlier release let through, and the next save still names the field.
 */
import { z } from 'zod';
import { visibleText, visibleTextOrEmpty } from '../http/text-fields.ts';
import { hasVisibleText } from '../http/visible-text.ts';
import { type LocalizedText, localizedText, localizedTextOrEmpty } from './content-language.ts';

export interface SettingsRules {
  /** A plain text a person reads (at most `max` characters when writing). */
  plain(max?: number): z.ZodType<string, string>;
  /** A plain text that may be left empty. */
  plainOrEmpty(max?: number): z.ZodType<string, string>;
  /** A settings text, plain or per language (at most `max` characters in each when writing). */
  text(max?: number): z.ZodType<LocalizedText, LocalizedText>;
  /** A settings text that may be left empty. */
  textOrEmpty(max?: number): z.ZodType<LocalizedText, LocalizedText>;
  /**
   * `schema`, reading a stored value that shows nothing as absent (its default, or undefined). Typed as `schema`: it
   * answers the same values, and only the written shape's input type is used (templates, the office's client).
   */
  blankIsAbsent<T extends z.ZodType>(schema: T): T;
  /**
   * `schema` at most `max` when writing (a list's length, a string's length, a number); as it was stored when
   * reading, so a value an earlier release let past a bound still reads and only its next save names the field.
   */
  capped<T extends z.ZodArray | z.ZodString | z.ZodNumber>(schema: T, max: number): T;
  /**
   * A link the participant's tap opens: `link` when writing; when reading, a stored one `link` refuses (a
   * `javascript:` address saved before the web-address rule) reads as not written (''), so it never reaches the page.
   */
  safeLink(link: z.ZodType<string, string>): z.ZodType<string, string>;
  /**
   * An object of these fields: writing, a key it does not name is refused (`unrecognized_keys`), so a typo or another
   * kind's key is not kept while the setting meant goes unapplied; reading, such a key stored by an earlier release
   * is left out, as a field it never had.
   */
  fields<S extends z.ZodRawShape>(shape: S): z.ZodObject<S>;
}

/** What a brand member saves now. */
export const WRITING: SettingsRules = {
  plain: (max) => visibleText(max),
  plainOrEmpty: (max) => visibleTextOrEmpty(max),
  text: (max) => localizedText(max),
  textOrEmpty: (max) => localizedTextOrEmpty(max),
  blankIsAbsent: (schema) => schema,
  // ZodArray's, ZodString's and ZodNumber's `max` alike; one call for the three.
  capped: (schema, max) => (schema as unknown as { max(n: number): typeof schema }).max(max),
  safeLink: (link) => link,
  fields: (shape) => z.strictObject(shape) as unknown as z.ZodObject<typeof shape>,
};

/** Whether a stored settings text shows anything in some language. */
const shows = (v: unknown): boolean =>
  typeof v === 'string'
    ? hasVisibleText(v)
    : typeof v === 'object' && v !== null && Object.values(v).some((t) => typeof t === 'string' && hasVisibleText(t));

const storedText = z.union([z.string(), z.object({ ru: z.string().optional(), en: z.string().optional() })]);

/** What any release may have stored. */
export const READING: SettingsRules = {
  plain: () => z.string(),
  plainOrEmpty: () => z.string(),
  text: () => storedText,
  textOrEmpty: () => storedText,
  blankIsAbsent: <T extends z.ZodType>(schema: T) =>
    z.preprocess((v) => (shows(v) ? v : undefined), schema) as unknown as T,
  capped: (schema) => schema,
  safeLink: (link) => z.string().transform((v) => (link.safeParse(v).success ? v : '')),
  fields: (shape) => z.object(shape) as unknown as z.ZodObject<typeof shape>,
};
