/**
 * @module How many options a quiz question may have when a brand member saves it (server/promo/settings.ts). An
 * answer's chosen set is bounded by the stored question's own options instead (quiz-answers.ts, decision 058): a
 * question an earlier release stored with more than 20 right options is still answered right. Plain, without zod: the
 * office's editor reads it too, to stop offering "Add an option" at the cap.
 */

/** The most options a quiz question is saved with. */
export const MAX_QUIZ_OPTIONS = 20;

/** The longest option id a question is saved with (settings.ts), and so the longest one an answer names (quiz-answers.ts). */
export const MAX_OPTION_ID_LENGTH = 40;
