/** A quiz left mid-way comes back as it was, fitted to the questions as they are now, and only to the same person. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryStorage } from '../../admin/testing/memory-storage.ts';
import type { QuizQuestion } from '../../api/client.ts';
import { dropQuizDraft, keepQuizDraft, QUIZ_DRAFT_LIFETIME_MS, quizDraftKey, readQuizDraft } from './quiz-draft.ts';

afterEach(() => vi.unstubAllGlobals());

const question = (id: string, options: string[], multiple = false) =>
  ({ id, text: id, multiple, options: options.map((o) => ({ id: o, text: o })) }) as unknown as QuizQuestion;
const five = [
  question('q1', ['a', 'b', 'c']),
  question('q2', ['a', 'b', 'c'], true),
  question('q3', ['a', 'b']),
  question('q4', ['a', 'b']),
  question('q5', ['a', 'b']),
];

describe('quiz drafts', () => {
  it('come back with the question and the choices kept; a sent one does not', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const key = quizDraftKey('vk:100001', 2, 'quiz');
    keepQuizDraft(key, { index: 2, answers: { q1: ['b'], q2: ['a', 'b'] } });
    expect(readQuizDraft(key, five)).toEqual({ index: 2, answers: { q1: ['b'], q2: ['a', 'b'] } });
    dropQuizDraft(key);
    expect(readQuizDraft(key, five)).toEqual({ index: 0, answers: {} });
  });

  it("are each person's and each quiz's own", () => {
    vi.stubGlobal('localStorage', memoryStorage());
    keepQuizDraft(quizDraftKey('vk:100001', 2, 'quiz'), { index: 1, answers: { q1: ['b'] } });
    expect(readQuizDraft(quizDraftKey('vk:100003', 2, 'quiz'), five)).toEqual({ index: 0, answers: {} });
    expect(readQuizDraft(quizDraftKey('vk:100001', 2, 'task.brand-quiz'), five)).toEqual({ index: 0, answers: {} });
    expect(readQuizDraft(quizDraftKey('vk:100001', 3, 'quiz'), five)).toEqual({ index: 0, answers: {} });
  });

  it('leave out questions and options the brand removed, and stop at the first question left unanswered', () => {
    vi.stubGlobal('localStorage', memoryStorage());
    const key = quizDraftKey('vk:100001', 2, 'quiz');
    keepQuizDraft(key, { index: 4, answers: { q1: ['c'], q2: ['a', 'z'], q3: ['a'], gone: ['a'], q4: ['b'] } });
    // q1 lost its option c, q3 is now single choice among x/y: q1 is the first without an answer.
    const edited = [
      question('q1', ['a', 'b']),
      five[1],
      question('q3', ['x', 'y']),
      five[3],
      five[4],
    ] as QuizQuestion[];
    expect(readQuizDraft(key, edited)).toEqual({ index: 0, answers: { q2: ['a'], q4: ['b'] } });
    // All answered but the quiz got shorter: the index is clamped to the last question.
    keepQuizDraft(key, { index: 9, answers: { q1: ['a', 'b'], q2: ['c'] } });
    expect(readQuizDraft(key, five.slice(0, 2))).toEqual({ index: 1, answers: { q1: ['a'], q2: ['c'] } });
  });

  it('start afresh from broken JSON, a wrong shape, no storage or a storage that throws', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const key = quizDraftKey('vk:100001', 2, 'quiz');
    for (const broken of ['{"index":', 'null', '"text"', '{"index":"x","answers":{"q1":"b"}}', '{"index":-3}']) {
      storage.setItem(key ?? '', broken);
      expect(readQuizDraft(key, five)).toEqual({ index: 0, answers: {} });
    }
    vi.stubGlobal('localStorage', undefined);
    keepQuizDraft(key, { index: 1, answers: { q1: ['a'] } });
    expect(readQuizDraft(key, five)).toEqual({ index: 0, answers: {} });
    const refusing = memoryStorage();
    refusing.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    refusing.getItem = () => {
      throw new DOMException('denied', 'SecurityError');
    };
    vi.stubGlobal('localStorage', refusing);
    expect(() => keepQuizDraft(key, { index: 1, answers: { q1: ['a'] } })).not.toThrow();
    expect(readQuizDraft(key, five)).toEqual({ index: 0, answers: {} });
  });

  it('are dropped 30 days after they were last on screen, and reading sweeps every old one on the device', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const day = 24 * 60 * 60 * 1000;
    const t0 = Date.UTC(2026, 0, 1);
    const key = quizDraftKey('vk:100001', 2, 'quiz');
    const draft = { index: 1, answers: { q1: ['b'] } };
    keepQuizDraft(key, draft, t0);
    expect(readQuizDraft(key, five, t0 + 29 * day)).toEqual(draft);
    // Another quiz of this person, another person's, and one kept before drafts had an age: all old by then.
    keepQuizDraft(quizDraftKey('vk:100001', 3, 'task.brand-quiz'), draft, t0);
    keepQuizDraft(quizDraftKey('vk:100003', 2, 'quiz'), draft, t0);
    storage.setItem('promo.quiz.vk:100001.4.quiz', JSON.stringify(draft));
    const fresh = quizDraftKey('vk:100003', 5, 'quiz');
    keepQuizDraft(fresh, draft, t0 + 20 * day);
    storage.setItem('office.something', '{}');
    expect(readQuizDraft(key, five, t0 + QUIZ_DRAFT_LIFETIME_MS + 1)).toEqual({ index: 0, answers: {} });
    expect(Array.from({ length: storage.length }, (_, i) => storage.key(i))).toEqual([fresh, 'office.something']);
  });

  it('nothing chosen is nothing kept: opening a quiz, or unticking the last choice, leaves no draft', () => {
    const storage = memoryStorage();
    vi.stubGlobal('localStorage', storage);
    const key = quizDraftKey('vk:100001', 2, 'quiz');
    keepQuizDraft(key, { index: 0, answers: {} });
    expect(storage.length).toBe(0);
    keepQuizDraft(key, { index: 0, answers: { q1: ['a'] } });
    keepQuizDraft(key, { index: 0, answers: { q1: [] } });
    expect(storage.length).toBe(0);
  });

  it('keeps nothing without a person (signed out on the web entry, the office preview: LaunchInfo.person absent)', () => {
    expect(quizDraftKey(undefined, 2, 'quiz')).toBeUndefined();
  });
});
