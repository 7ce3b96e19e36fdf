/**
 * @module What a participant submits for a quiz: the option ids chosen per question id, bounded by the stored quiz
 * they answer. A fixed cap (100 answers, 20 options each) refused the right answer to a quiz an earlier release stored
 * with more (decision 058), so the route takes an object (the body limit bounds its bytes) and the answers are read
 * against the quiz's questions: their count before any answer is read (a 1 MB body carries 50,000 keys, and naming
 * each unknown one was a 422 of megabytes), each answer's length against its question's options before its ids are.
 */
import { z } from '@hono/zod-openapi';
import { ApiError, type ErrorIssue } from '../../http/errors.ts';
import type { QuizQuestion } from '../settings.ts';
import { MAX_OPTION_ID_LENGTH } from './quiz-bounds.ts';
import { answered, type QuizAnswers } from './quiz-scoring.ts';

/** The route's shape: an object, read against the stored quiz by `answerProblems`. */
export const QuizAnswersSchema = z.record(z.string(), z.unknown()).openapi({
  description:
    'Option ids chosen per question id: at most one answer per question of the quiz, each naming at most as many ' +
    'options as its question has',
  additionalProperties: { type: 'array', items: { type: 'string', maxLength: MAX_OPTION_ID_LENGTH } },
  example: { q1: ['b'], q2: ['a', 'b'] },
});

/** Whether `answers` has more keys than the quiz has questions. */
const pastAnswerCap = (questions: QuizQuestion[], answers: object): boolean =>
  Object.keys(answers).length > questions.length;

/** An answer's chosen set, if it is one: a list of strings that could be option ids. */
const chosenSet = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((c) => typeof c === 'string' && c.length <= MAX_OPTION_ID_LENGTH)
    ? value
    : undefined;

/** Problems with one question's answer: its shape, its length against the question's options, then its ids. */
function questionAnswerProblems(q: QuizQuestion, value: unknown, path: string): ErrorIssue[] {
  const chosen = chosenSet(value);
  if (!chosen)
    return [{ path, message: `Expected a list of option ids of at most ${MAX_OPTION_ID_LENGTH} characters` }];
  const limit = q.options.length;
  // The same too-big issue a schema's bound gives (field-issues.ts), before any id is read.
  if (chosen.length > limit)
    return [
      { path, message: `At most ${limit} options`, code: 'too_big', params: { limit, origin: 'array', inclusive: 1 } },
    ];
  const options = new Set(q.options.map((o) => o.id));
  const problems: ErrorIssue[] = chosen
    .filter((c) => !options.has(c))
    .map((c) => ({ path, message: `No option ${c}` }));
  if (!q.multiple && chosen.length > 1) problems.push({ path, message: 'Single-choice question takes one option' });
  return problems;
}

/**
 * Problems with a submission against the stored quiz: more answers than it has questions is one problem naming
 * `answers`; otherwise unknown questions, answers that are not option ids or name more options than their question
 * has, unknown options, several options on a single-choice question, unanswered questions.
 */
function answerProblems(questions: QuizQuestion[], answers: Record<string, unknown>): ErrorIssue[] {
  if (pastAnswerCap(questions, answers))
    return [{ path: 'answers', message: `At most ${questions.length} answers, one per question` }];
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: ErrorIssue[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const q = byId.get(id);
    if (q) problems.push(...questionAnswerProblems(q, value, `answers.${id}`));
    else problems.push({ path: `answers.${id}`, message: 'No such question' });
  }
  for (const q of questions)
    if (answered(answers, q.id) === undefined) problems.push({ path: `answers.${q.id}`, message: 'Not answered' });
  return problems;
}

/**
 * The submission as answers to the stored quiz, what scoring reads; a 422 naming each problem otherwise.
 * @example requireAnswers(quiz.questions, { q1: ['b'], q2: ['a', 'b'] })
 */
export function requireAnswers(questions: QuizQuestion[], answers: Record<string, unknown>): QuizAnswers {
  const problems = answerProblems(questions, answers);
  if (problems.length > 0) throw new ApiError(422, 'invalid_input', 'Invalid answers', problems);
  return answers as QuizAnswers;
}
