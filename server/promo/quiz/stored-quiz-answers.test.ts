/**
 * Decision 058: an answer is bounded by the stored quiz it answers, not by today's write bounds. An earlier release
 * stored a question with 25 right options and a quiz of 120 questions (rows inserted directly); the participant was
 * shown them (decision 055) but the answer route capped an answer at 20 options and a submission at 100 answers, so
 * choosing every right option, or answering every question, was a 422. Now both score; one option or one answer past
 * what the stored quiz has is still a short 422.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

const PARTICIPANT = 1;
/** A second participant, for the refusals: a participant's first scored answer is their result. */
const OTHER = 2;

/** A multiple-choice question of `n` options, every one of them right. */
function allRight(id: string, n: number) {
  const ids = Array.from({ length: n }, (_, i) => `o${i + 1}`);
  return {
    id,
    text: { ru: `Вопрос ${id}`, en: `Question ${id}` },
    multiple: true,
    options: ids.map((o) => ({ id: o, text: { ru: o, en: o } })),
    correct: ids,
    points: 1,
  };
}

/** `count` questions of two options each, the first the right one. */
function manyQuestions(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: `q${i + 1}`,
    text: { ru: `Вопрос ${i + 1}`, en: `Question ${i + 1}` },
    multiple: false,
    options: [
      { id: 'a', text: { ru: 'Да', en: 'Yes' } },
      { id: 'b', text: { ru: 'Нет', en: 'No' } },
    ],
    correct: ['a'],
    points: 1,
  }));
}

type Question = ReturnType<typeof allRight>;
const rightAnswers = (questions: Question[] | ReturnType<typeof manyQuestions>) =>
  Object.fromEntries(questions.map((q) => [q.id, q.correct]));

/** A quiz campaign as an earlier release stored it, opened by both participants; `submit` posts answers. */
async function storedQuiz(questions: Question[] | ReturnType<typeof manyQuestions>) {
  w = await createPromoWorld();
  const bands = [{ key: 'all', minScore: 0, title: { ru: 'Итог', en: 'Result' }, text: '' }];
  const id = await w.campaign({ mechanic: 'quiz', settings: { quiz: { questions, bands } } });
  for (const who of [PARTICIPANT, OTHER])
    expect((await w.call('POST', `/api/campaigns/${id}/open`, who, {})).status).toBe(200);
  return async (answers: unknown, who = PARTICIPANT) => {
    const res = await w.call('POST', `/api/campaigns/${id}/quiz/answers`, who, { answers });
    const text = await res.text();
    return { status: res.status, bytes: text.length, body: JSON.parse(text) };
  };
}

describe('answers to a quiz stored before the stricter write rules', () => {
  it('a question with 25 right options is answered right by choosing all 25; a 26th choice is a 422 at it', async () => {
    const question = allRight('many', 25);
    const submit = await storedQuiz([question]);
    const right = await submit({ many: question.correct });
    expect(right.status, JSON.stringify(right.body).slice(0, 300)).toBe(200);
    expect(right.body).toMatchObject({ score: 1, maxScore: 1, correct: { many: true } });
    const over = await submit({ many: [...question.correct, 'o1'] }, OTHER);
    expect(over.status).toBe(422);
    expect(over.body.error.issues).toEqual([
      expect.objectContaining({
        path: 'answers.many',
        code: 'too_big',
        params: { limit: 25, origin: 'array', inclusive: 1 },
      }),
    ]);
  });

  it('a quiz of 120 questions is answered whole; a 121st answer is one short 422 naming answers', async () => {
    const questions = manyQuestions(120);
    const submit = await storedQuiz(questions);
    const right = await submit(rightAnswers(questions));
    expect(right.status, JSON.stringify(right.body).slice(0, 300)).toBe(200);
    expect(right.body).toMatchObject({ score: 120, maxScore: 120 });
    const over = await submit({ ...rightAnswers(questions), extra: ['a'] }, OTHER);
    expect(over.status).toBe(422);
    expect(over.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['answers']);
    const flood = await submit(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, []])), OTHER);
    expect(flood.status).toBe(422);
    expect(flood.bytes).toBeLessThan(1000);
  });

  it('a quiz task stored with 25 right options and 120 questions is done by its right answers', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    const questions = [allRight('many', 25), ...manyQuestions(119)];
    await w.task(id, 'quiz', 'quiz', { questions, passScore: 120 });
    await w.call('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {});
    const res = await w.call('POST', `/api/campaigns/${id}/tasks/quiz/complete`, PARTICIPANT, {
      answers: rightAnswers(questions as Question[]),
    });
    const body = await res.json();
    expect(res.status, JSON.stringify(body).slice(0, 300)).toBe(200);
    expect(body.task).toMatchObject({ state: 'done' });
  });
});
