/**
 * @module What a participant submits for a quiz: the option ids chosen per question id. At most one answer per
 * question a quiz may have, counted before any answer is read: a 1 MB body carries 50,000 keys, and reading each
 * (then naming each unknown one) cost CPU and a 422 of megabytes. Past the cap it is one issue naming `answers`.
 */
import { z } from '@hono/zod-openapi';
import { MAX_QUIZ_QUESTIONS, QuizQuestionId } from '../settings.ts';
import { MAX_QUIZ_OPTIONS } from './quiz-bounds.ts';

/** A multiple-choice question's chosen set: at most as many options as a question has (quiz-bounds.ts). */
const Answer = z.array(z.string().max(40)).max(MAX_QUIZ_OPTIONS);

/** Why answers past the cap are refused: the one issue they get, at `answers`. */
export const TOO_MANY_ANSWERS = `At most ${MAX_QUIZ_QUESTIONS} answers, one per question`;

/** Whether `answers` has more keys than any quiz has questions. */
export const pastAnswerCap = (answers: object): boolean => Object.keys(answers).length > MAX_QUIZ_QUESTIONS;

/**
 * @example QuizAnswersSchema.parse({ q1: ['b'], q2: ['a', 'b'] })
 */
export const QuizAnswersSchema = z
  .record(z.string(), z.unknown())
  .refine((answers) => !pastAnswerCap(answers), { message: TOO_MANY_ANSWERS })
  // A pipe reads the answers only once the count passed.
  .pipe(z.record(QuizQuestionId, Answer))
  // The document shows the answers as read, not the count's first look (which takes any values).
  .openapi({
    description: 'Option ids chosen per question id',
    maxProperties: MAX_QUIZ_QUESTIONS,
    additionalProperties: { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: MAX_QUIZ_OPTIONS },
  });
