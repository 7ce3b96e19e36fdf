/**
 * @module A participant's unsent quiz choices and the question they were on, kept on this device so that a reload
 * (VK's «Обновить»), a webview the phone dropped, or Back and in again, resumes the quiz instead of starting it over.
 * localStorage, not sessionStorage: the last two open a new webview, whose sessionStorage starts empty. Kept per
 * person (`LaunchInfo.person`, read by miniapp/platform from the launch or, on the web entry, from the session the
 * server names after VK ID login: one browser may launch several accounts; without one nothing is kept), per campaign
 * and per quiz (the campaign's own or a task's); dropped once the server accepted the answers. Only the person's own
 * choices to show again: the server scores what is sent.
 *
 * A draft lives 30 days from when it was last on screen (opened or changed), then is dropped (at the next read on this device, of any person's: one
 * who never comes back would otherwise keep theirs forever). Not the campaign's end: a draft knows no dates, the end
 * may be moved or left open, and a campaign that ended shows no quiz to read it; 30 days outlasts any pause a person
 * would still remember their choices across. Nothing chosen, nothing kept: opening a quiz writes no draft.
 */
import type { QuizAnswers, QuizQuestion } from '../../api/client.ts';

export interface QuizDraft {
  index: number;
  answers: QuizAnswers;
}

const PREFIX = 'promo.quiz.';
/** How long an untouched draft is kept (see the module comment). */
export const QUIZ_DRAFT_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

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
  person ? `${PREFIX}${person}.${campaignId}.${quiz}` : undefined;

export function keepQuizDraft(key: string | undefined, draft: QuizDraft, now = Date.now()): void {
  const chosen = Object.values(draft.answers).some((ids) => ids.length > 0);
  try {
    if (key && !chosen) storage()?.removeItem(key);
    else if (key) storage()?.setItem(key, JSON.stringify({ ...draft, savedAt: now }));
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

/** When a kept draft was last changed; NaN when it cannot be told (unreadable, or kept before drafts had one). */
function savedAt(json: string | null): number {
  try {
    return Number(JSON.parse(json ?? '{}')?.savedAt);
  } catch {
    return Number.NaN;
  }
}

/** Drops every draft on this device past its lifetime or of no readable age. */
function sweepOldDrafts(now: number): void {
  try {
    const kept = storage();
    if (!kept) return;
    const keys = Array.from({ length: kept.length }, (_, i) => kept.key(i) ?? '').filter((k) => k.startsWith(PREFIX));
    for (const key of keys)
      if (!(Math.abs(now - savedAt(kept.getItem(key))) < QUIZ_DRAFT_LIFETIME_MS)) kept.removeItem(key);
  } catch {
    // Storage refused: nothing can be read from it either.
  }
}

/**
 * The kept draft fitted to the questions as they are now (the brand may have edited the quiz): choices of questions
 * or options that are gone are left out, a single-choice question keeps one, and the index is clamped — never past
 * the first question left unanswered, whose Next would otherwise be skipped. Nothing readable: a fresh start.
 */
export function readQuizDraft(key: string | undefined, questions: QuizQuestion[], now = Date.now()): QuizDraft {
  const answers: QuizAnswers = {};
  let index = 0;
  if (key) sweepOldDrafts(now);
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
