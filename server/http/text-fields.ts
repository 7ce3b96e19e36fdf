/**
 * @module Free text a person writes, as a zod field: trimmed, at least one visible character (visible-text.ts),
 * at most `max` characters. Every support text a participant or an agent writes uses it (ticket subject and
 * message, replies on both sides, canned answers, help articles), so blank-looking text is one 422 everywhere:
 * `{ path: <field>, code: 'blank_text' }`.
 */
import { z } from '@hono/zod-openapi';
import { hasVisibleText } from './visible-text.ts';

/** The issue code of text with nothing visible in it; field-issues.ts passes it on for the client to word. */
export const BLANK_TEXT = 'blank_text';

/**
 * @example visibleText(120).safeParse('\u200b\u200b').success // false: issue { code: 'blank_text' }
 */
export const visibleText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // An empty string is already `too_small`; one issue per field.
    .refine((s) => s.length === 0 || hasVisibleText(s), {
      message: 'Must contain visible text, not only spaces, zero-width or control characters',
      params: { code: BLANK_TEXT },
    })
    .openapi({ description: `At least one visible character (not only spaces, zero-width or control characters)` });
