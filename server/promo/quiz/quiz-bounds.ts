/**
 * @module How many options a quiz question may have: one bound for the question (server/promo/settings.ts) and for an
 * answer's chosen set (quiz-answers.ts). They were apart (options unbounded, an answer at most 20), so a
 * multiple-choice question with more than 20 right options could never be answered right. Plain, without zod: the
 * office's editor reads it too, to stop offering "Add an option" at the cap.
 */

/** The most options a quiz question has, and so the most one answer names. */
export const MAX_QUIZ_OPTIONS = 20;
