/**
 * @module Free text a person writes and another reads, as a zod field: trimmed, at least one visible character
 * (visible-text.ts), at most `max` characters. Every such text of the API uses it — support, campaign documents,
 * settings texts (quiz, wheel, draw, calculator), mailings, pools, brands and communities — so blank-looking text is
 * one 422 everywhere: `{ path: <field>, code: 'blank_text' }`. `visibleTextOrEmpty` is the form for a text that may be
 * missing (a translation not written yet): empty is allowed, anything else must show something.
 */
import { z } from '@hono/zod-openapi';
import { hasVisibleText } from './visible-text.ts';

/** The issue code of text with nothing visible in it; field-issues.ts passes it on for the client to word. */
export const BLANK_TEXT = 'blank_text';

const blank = {
  message: 'Must contain visible text, not only spaces, zero-width or control characters',
  params: { code: BLANK_TEXT },
};

/** Trimmed, at most `max` characters when the field has a bound (settings texts have none). */
const trimmed = (max: number | undefined) => (max === undefined ? z.string().trim() : z.string().trim().max(max));

/**
 * @example visibleText(120).safeParse('\u200b\u200b').success // false: issue { code: 'blank_text' }
 */
export const visibleText = (max?: number) =>
  trimmed(max)
    .min(1)
    // An empty string is already `too_small`; one issue per field.
    .refine((s) => s.length === 0 || hasVisibleText(s), blank)
    .openapi({ description: 'At least one visible character (not only spaces, zero-width or control characters)' });

/**
 * A text that may be left empty (after trimming), but not filled with characters that show nothing.
 * @example visibleTextOrEmpty(200).safeParse('').success // true; '\u200b' → { code: 'blank_text' }
 */
export const visibleTextOrEmpty = (max?: number) =>
  trimmed(max)
    .refine((s) => s.length === 0 || hasVisibleText(s), blank)
    .openapi({ description: 'Empty, or at least one visible character (not only zero-width or control characters)' });
