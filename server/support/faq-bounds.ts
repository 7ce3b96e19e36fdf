/**
 * @module How many help questions a campaign is saved with (`settings.faq`, faq.ts). Plain, without zod: the office's
 * editor reads it too, to stop offering "Add a question" at the cap.
 */

/** The most help questions a campaign's help screen is saved with: a screen of questions, not a manual. */
export const MAX_FAQ_QUESTIONS = 30;
