/**
 * @module How many help questions a campaign is saved with (`settings.faq`, faq.ts). Plain, without zod: the office's
 * editor reads it too, to stop offering "Add a question" at the cap, and its preview to send no text past its bound.
 */

/** The most help questions a campaign's help screen is saved with: a screen of questions, not a manual. */
export const MAX_FAQ_QUESTIONS = 30;

/** The longest help question or answer, in each language. */
export const MAX_FAQ_TEXT_LENGTH = 2000;
