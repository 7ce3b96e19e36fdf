/**
 * @module How many questions a quiz and options a question may have when a brand member saves it
 * (server/promo/settings.ts), how many points and bands it may have, and how many attempts a quiz task gives. An answer's chosen set is bounded by the stored
 * question's own options instead (quiz-answers.ts, decision 058): a question an earlier release stored with more than
 * 20 right options is still answered right. Plain, without zod: the office's editor reads it too, to stop offering
 * "Add an option" at the cap, to bound the attempts field, and for its preview to send no quiz the server refuses
 * (previewable.ts).
 */

/**
 * The most questions a quiz is saved with (a campaign's quiz and a quiz task alike). A hundred is far past any quiz a
 * participant finishes on a phone (the demo has 5). A submission's answers are bounded by the stored quiz's own
 * questions (quiz-answers.ts), so a quiz an earlier release stored with more is still answered whole.
 */
export const MAX_QUIZ_QUESTIONS = 100;

/** The most options a quiz question is saved with. */
export const MAX_QUIZ_OPTIONS = 20;

/** The longest option id a question is saved with (settings.ts), and so the longest one an answer names (quiz-answers.ts). */
export const MAX_OPTION_ID_LENGTH = 40;

/**
 * A quiz task's scored answers per participant when its brand sets none (decision 073): answering again until every
 * answer was right made the pass score, and the reward behind it, a matter of patience. Three forgive a slip.
 */
export const DEFAULT_QUIZ_TASK_ATTEMPTS = 3;

/** The most attempts a brand may give a quiz task: past ten, retrying is guessing. */
export const MAX_QUIZ_TASK_ATTEMPTS = 10;

/** The most points one question scores. */
export const MAX_QUESTION_POINTS = 1000;

/** The highest score a quiz reaches (every question at its most): a pass score's and a score band's bound. */
export const MAX_QUIZ_SCORE = MAX_QUIZ_QUESTIONS * MAX_QUESTION_POINTS;

/** The most score bands a quiz is saved with. */
export const MAX_SCORE_BANDS = 20;
