/**
 * A quiz submission's answers over HTTP: at most one per question the quiz has (decision 058), keyed like question
 * ids. A body of tens of thousands of keys used to be read whole and answered with a 422 listing every key ("No such
 * question", megabytes of issues); now it is a short 422 naming `answers`, and the quiz's real answers still score.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { quizSettings } from '../../seed/demo-promo.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

const ALL_RIGHT = { q1: ['b'], q2: ['a', 'b'], q3: ['a'], q4: ['a'], q5: ['b'] };

async function quiz() {
  w = await createPromoWorld();
  const id = await w.campaign({ mechanic: 'quiz', settings: { quiz: quizSettings() } });
  await w.reward(id, 'quiz10', { poolId: await w.pool(id, 'p10', ['T1']), unlock: { quiz: true } });
  await w.reward(id, 'quiz25', { poolId: await w.pool(id, 'p25', ['X1']), unlock: { quiz: true } });
  await w.call('POST', `/api/campaigns/${id}/open`, 1, {});
  return (answers: unknown) => w.call('POST', `/api/campaigns/${id}/quiz/answers`, 1, { answers });
}

/** Status, size and issues of an answer. */
async function read(res: Response) {
  const text = await res.text();
  const body = JSON.parse(text) as { error?: { issues?: { path: string }[] } };
  return { status: res.status, bytes: text.length, issues: body.error?.issues ?? [] };
}

describe('quiz answers', () => {
  it('tens of thousands of keys are one short 422 naming answers, not one issue per key', async () => {
    const submit = await quiz();
    const many = (n: number, value: unknown) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));
    // Under the 1 MB body limit: 50,000 keys, each an empty or a wrong answer.
    for (const value of [[], 'x']) {
      const answer = await read(await submit(many(50_000, value)));
      expect(answer).toMatchObject({ status: 422 });
      expect(answer.issues.map((i) => i.path)).toEqual(['answers']);
      expect(answer.bytes).toBeLessThan(1000);
    }
    // One answer past the quiz's five questions is refused the same way; a key no question has is named.
    const over = await read(await submit({ ...ALL_RIGHT, ...many(1, []) }));
    expect(over).toMatchObject({ status: 422, issues: [{ path: 'answers' }] });
    const { q5: _, ...four } = ALL_RIGHT;
    const longKey = await read(await submit({ ...four, ['q'.repeat(41)]: ['a'] }));
    expect(longKey.status).toBe(422);
    expect(longKey.issues.map((i) => i.path)).toEqual([`answers.${'q'.repeat(41)}`, 'answers.q5']);
    // The quiz's own answers still score.
    expect((await submit(ALL_RIGHT)).status).toBe(200);
  });

  it("a quiz task's answers past the cap are one problem too, not one per key", async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'q', 'quiz', { questions: quizSettings().questions, passScore: 1 });
    await w.call('POST', `/api/campaigns/${id}/open`, 1, {});
    const answers = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, []]));
    const answer = await read(await w.call('POST', `/api/campaigns/${id}/tasks/q/complete`, 1, { answers }));
    expect(answer).toMatchObject({ status: 422 });
    expect(answer.issues.map((i) => i.path)).toEqual(['answers']);
    expect(answer.bytes).toBeLessThan(1000);
  });

  it('a question id that names an Object method is unanswered until answered (was a 500)', async () => {
    w = await createPromoWorld();
    const quiz = quizSettings();
    const questions = quiz.questions.map((q, i) => (i === 0 ? { ...q, id: 'constructor' } : q));
    const id = await w.campaign({ mechanic: 'quiz', settings: { quiz: { ...quiz, questions } } });
    await w.reward(id, 'quiz10', { poolId: await w.pool(id, 'p10', ['T1']), unlock: { quiz: true } });
    await w.reward(id, 'quiz25', { poolId: await w.pool(id, 'p25', ['X1']), unlock: { quiz: true } });
    await w.call('POST', `/api/campaigns/${id}/open`, 1, {});
    const submit = (answers: unknown) => w.call('POST', `/api/campaigns/${id}/quiz/answers`, 1, { answers });
    const { q1, ...rest } = ALL_RIGHT;
    const unanswered = await read(await submit(rest));
    expect(unanswered).toMatchObject({ status: 422, issues: [{ path: 'answers.constructor' }] });
    expect((await submit({ ...rest, constructor: q1 })).status).toBe(200);
  });

  it('answers to questions the quiz does not have are named once each, within the cap', async () => {
    const submit = await quiz();
    const { q5: _, ...four } = ALL_RIGHT;
    const answer = await read(await submit({ ...four, extra: ['a'] }));
    expect(answer).toMatchObject({ status: 422, issues: [{ path: 'answers.extra' }, { path: 'answers.q5' }] });
  });

  it('an answer that is not a list of option ids is named, without reading its ids', async () => {
    const submit = await quiz();
    for (const bad of ['b', [1], ['x'.repeat(41)], null]) {
      const answer = await read(await submit({ ...ALL_RIGHT, q1: bad }));
      expect(answer).toMatchObject({ status: 422, issues: [{ path: 'answers.q1' }] });
    }
  });
});
