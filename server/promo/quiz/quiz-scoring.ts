/**
 * @module Server-side quiz scoring: the client sends the option ids it chose, never a score. A question scores
 * its points only when the chosen set equals the correct set; the result band is the one with the highest
 * `minScore` not above the score.
 */
import type { ContentLanguage } from '../../campaigns/content-language.ts';
import { resolveText } from '../../campaigns/resolve-text.ts';
import type { QuizQuestion, ScoreBand } from '../settings.ts';
import { pastAnswerCap, TOO_MANY_ANSWERS } from './quiz-answers.ts';

export type QuizAnswers = Record<string, string[]>;

export interface QuizScore {
  score: number;
  maxScore: number;
  correct: Record<string, boolean>;
}

/**
 * The options chosen for a question, if it was answered: an own key only. A question id such as `toString` or
 * `constructor` is on every object's prototype, so `in` took it as answered and scoring read a function (a 500).
 */
const answered = (answers: QuizAnswers, id: string): string[] | undefined =>
  Object.hasOwn(answers, id) ? answers[id] : undefined;

export function scoreQuiz(questions: QuizQuestion[], answers: QuizAnswers): QuizScore {
  let score = 0;
  let maxScore = 0;
  const correct: Record<string, boolean> = {};
  for (const q of questions) {
    maxScore += q.points;
    const chosen = new Set(answered(answers, q.id) ?? []);
    const right = new Set(q.correct);
    const ok = chosen.size === right.size && [...chosen].every((id) => right.has(id));
    correct[q.id] = ok;
    if (ok) score += q.points;
  }
  return { score, maxScore, correct };
}

/**
 * Names unknown question or option ids, and several options on a single-choice question; answers past any quiz's
 * size are one problem, not one per key (a quiz task's answers reach here with no cap of their own).
 */
export function answerProblems(questions: QuizQuestion[], answers: QuizAnswers): { path: string; message: string }[] {
  if (pastAnswerCap(answers)) return [{ path: 'answers', message: TOO_MANY_ANSWERS }];
  const problems: { path: string; message: string }[] = [];
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const [id, chosen] of Object.entries(answers)) {
    const q = byId.get(id);
    if (!q) {
      problems.push({ path: `answers.${id}`, message: 'No such question' });
      continue;
    }
    const options = new Set(q.options.map((o) => o.id));
    for (const c of chosen) if (!options.has(c)) problems.push({ path: `answers.${id}`, message: `No option ${c}` });
    if (!q.multiple && chosen.length > 1)
      problems.push({ path: `answers.${id}`, message: 'Single-choice question takes one option' });
  }
  for (const q of questions)
    if (!answered(answers, q.id)) problems.push({ path: `answers.${q.id}`, message: 'Not answered' });
  return problems;
}

export function bandFor(bands: ScoreBand[], score: number): ScoreBand {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  return sorted.find((b) => b.minScore <= score) ?? (sorted.at(-1) as ScoreBand);
}

/** Questions as the participant sees them, in their language: no correct answers, no points. */
export function publicQuestions(questions: QuizQuestion[], language: ContentLanguage) {
  return questions.map(({ id, text, imageUrl, multiple, options }) => ({
    id,
    text: resolveText(text, language),
    ...(imageUrl ? { imageUrl } : {}),
    multiple,
    options: options.map((o) => ({ id: o.id, text: resolveText(o.text, language) })),
  }));
}
