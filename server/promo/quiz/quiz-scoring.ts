/**
 * @module Server-side quiz scoring: the client sends the option ids it chose (read against the quiz by
 * quiz-answers.ts), never a score. A question scores its points only when the chosen set equals the correct set; the
 * result band is the one with the highest `minScore` not above the score.
 */
import type { ContentLanguage } from '../../campaigns/content-language.ts';
import { resolveText } from '../../campaigns/resolve-text.ts';
import type { QuizQuestion, ScoreBand } from '../settings.ts';

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
export const answered = <T>(answers: Record<string, T>, id: string): T | undefined =>
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
