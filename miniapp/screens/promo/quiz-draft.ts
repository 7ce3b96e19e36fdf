/**
 * @module A participant's unsent quiz choices and the question they were on, kept on this device so that a reload
 * (VK's «Обновить»), a webview the phone dropped, or Back and in again, resumes the quiz instead of starting it over.
 * localStorage, not sessionStorage: the last two open a new webview, whose sessionStorage starts empty. Kept per
 * person (`LaunchInfo.person`, read by miniapp/platform from the launch: one browser may launch several accounts;
 * without one nothing is kept), per campaign and per quiz (the campaign's own or a task's); dropped once sent. Only the person's own choices to show again: the server scores what is sent.
 */
import type { QuizAnswers, QuizQuestion } from '../../api/client.ts';

export interface QuizDraft {
  index: number;
  answers: QuizAnswers;
}

/** Storage may be missing or throw (some webviews, private modes, a full quota): then the quiz works as before. */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** Where a quiz's draft is kept: `quiz` names the quiz within the campaign ('quiz' or a task's key). */
export const quizDraftKey = (person: string | undefined, campaignId: number, quiz: string) =>
  person ? `promo.quiz.${person}.${campaignId}.${quiz}` : undefined;

export function keepQuizDraft(key: string | undefined, draft: QuizDraft): void {
  try {
    if (key) storage()?.setItem(key, JSON.stringify(draft));
  } catch {
    // Over quota: the choices stay on screen only.
  }
}

export function dropQuizDraft(key: string | undefined): void {
  try {
    if (key) storage()?.removeItem(key);
  } catch {
    // Nothing was kept then either.
  }
}

/**
 * The kept draft fitted to the questions as they are now (the brand may have edited the quiz): choices of questions
 * or options that are gone are left out, a single-choice question keeps one, and the index is clamped — never past
 * the first question left unanswered, whose Next would otherwise be skipped. Nothing readable: a fresh start.
 */
export function readQuizDraft(key: string | undefined, questions: QuizQuestion[]): QuizDraft {
  const answers: QuizAnswers = {};
  let index = 0;
  try {
    const kept = JSON.parse((key && storage()?.getItem(key)) || '{}') as Partial<QuizDraft>;
    const saved = kept.answers ?? {};
    let open = questions.length - 1;
    questions.forEach((question, i) => {
      const was = saved[question.id];
      const ids = question.options.map((o) => o.id);
      const chosen = Array.isArray(was) ? was.filter((id) => ids.includes(id)) : [];
      const fitted = question.multiple ? [...new Set(chosen)] : chosen.slice(0, 1);
      if (fitted.length) answers[question.id] = fitted;
      else open = Math.min(open, i);
    });
    const at = Number(kept.index);
    index = Number.isInteger(at) ? Math.max(0, Math.min(at, open)) : 0;
  } catch {
    return { index: 0, answers: {} };
  }
  return { index, answers };
}
