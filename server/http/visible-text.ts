/**
 * @module Whether free text shows anything. `.trim().min(1)` lets through a subject or a message made only of
 * zero-width spaces (U+200B–U+200D, U+2060, U+FEFF), control characters, soft hyphens, Hangul fillers or the blank
 * Braille cell: a ticket or an answer that reads as empty. This is the one rule for it; text-fields.ts makes it a zod
 * field for the API, and the mini app's forms and the bot's support messages ask it too. No imports, so the mini app's
 * bundle can take it as it is.
 */

/**
 * One character a reader can see: anything but white space, control and format characters, lone surrogates,
 * separators, Unicode's default-ignorable code points (zero-width characters, variation selectors, fillers) and
 * U+2800, the Braille pattern that prints nothing and is a favourite "invisible" character.
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Cs}\p{Z}\p{Default_Ignorable_Code_Point}\u2800]/u;

/**
 * @example hasVisibleText('\u200b \u2060') // false
 * @example hasVisibleText('\u200bПривет') // true
 */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}
