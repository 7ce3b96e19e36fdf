/**
 * A quiz task's attempts are counted on the server (decision 073). Before, a participant could answer again and again
 * until every answer was right, and the reward behind the task followed: four tries opened a two-question quiz. Now a
 * task gives `maxAttempts` scored answers (3 when its brand set none); the next is a 409 `quiz_attempts_used` that
 * writes nothing, the task view says how many are left, a malformed answer (422) spends none, and answers sent at once
 * spend one each, never more than there are.
 */
import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';

let w: PromoWorld;
let campaignId: number;
afterEach(async () => w?.close());

const option = (id: string) => ({ id, text: id.toUpperCase() });
const QUESTIONS = [
  { id: 'q1', text: 'One?', options: [option('a'), option('b')], correct: ['a'] },
  { id: 'q2', text: 'Two?', options: [option('a'), option('b')], correct: ['b'] },
];
const WRONG = { q1: ['b'], q2: ['a'] };
const RIGHT = { q1: ['a'], q2: ['b'] };

async function setup(config: Record<string, unknown> = {}) {
  w = await createPromoWorld();
  campaignId = await w.campaign();
  await w.task(campaignId, 'quiz', 'quiz', { questions: QUESTIONS, passScore: 2, ...config });
  await w.pool(campaignId, 'codes', ['CODE-1', 'CODE-2']);
  const [pool] = await w.deps.db.select().from(schema.codePools).where(eq(schema.codePools.key, 'codes'));
  await w.reward(campaignId, 'prize', { unlock: { tasks: 'all' }, poolId: pool?.id });
  expect((await w.call('POST', `/api/campaigns/${campaignId}/open`, 1, {})).status).toBe(200);
}

async function answer(answers: unknown) {
  const res = await w.call('POST', `/api/campaigns/${campaignId}/tasks/quiz/complete`, 1, { answers });
  return { status: res.status, body: await res.json() };
}

const claim = async () => (await w.call('POST', `/api/campaigns/${campaignId}/rewards/prize/claim`, 1)).status;

async function attemptsStored(): Promise<number | undefined> {
  const [row] = await w.deps.db
    .select({ attempts: schema.taskCompletions.attempts })
    .from(schema.taskCompletions)
    .innerJoin(schema.tasks, eq(schema.tasks.id, schema.taskCompletions.taskId))
    .where(and(eq(schema.tasks.campaignId, campaignId), eq(schema.tasks.key, 'quiz')));
  return row?.attempts;
}

describe('a quiz task’s attempts', () => {
  it('are 3 by default: the fourth answer is refused, right or not, and no reward follows', async () => {
    await setup();
    for (const left of [2, 1, 0]) {
      const wrong = await answer(WRONG);
      expect(wrong.status).toBe(200);
      expect(wrong.body.task).toMatchObject({ state: 'failed', failure: 'score_too_low' });
      expect(wrong.body.task.action).toMatchObject({ maxAttempts: 3, attemptsLeft: left });
    }
    const fourth = await answer(RIGHT);
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe('quiz_attempts_used');
    expect(await attemptsStored()).toBe(3);
    expect(await claim()).toBe(409);
    // Started again by hand, it stays failed (the screen would have said "in progress").
    const start = await w.call('POST', `/api/campaigns/${campaignId}/tasks/quiz/start`, 1);
    expect(start.status).toBe(409);
    const state = await (await w.call('GET', `/api/campaigns/${campaignId}/state`, 1)).json();
    expect(state.tasks[0]).toMatchObject({ state: 'failed', action: { attemptsLeft: 0 } });
  });

  it('are what the brand set; a right answer within them completes the task and opens the reward', async () => {
    await setup({ maxAttempts: 2 });
    expect((await answer({ q1: ['a'] })).status).toBe(422); // not every question answered: no attempt spent
    expect((await answer(WRONG)).body.task.action).toMatchObject({ maxAttempts: 2, attemptsLeft: 1 });
    const right = await answer(RIGHT);
    expect(right.body.task).toMatchObject({ state: 'done', action: { attemptsLeft: 0 } });
    expect(await attemptsStored()).toBe(2);
    expect(await claim()).toBe(200);
    // Done stays done: answering again changes nothing and is not refused.
    expect((await answer(WRONG)).body.task).toMatchObject({ state: 'done' });
  });

  it('answers sent at once spend one attempt each and never pass the limit', async () => {
    await setup({ maxAttempts: 2 });
    const results = await Promise.all(Array.from({ length: 6 }, () => answer(WRONG)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    expect(results.filter((r) => r.status === 409)).toHaveLength(4);
    expect(await attemptsStored()).toBe(2);
  });

  it('a brand cannot save more than 10, or fewer than 1', async () => {
    await setup();
    const { TaskConfigSchemas } = await import('../settings.ts');
    const base = { questions: QUESTIONS, passScore: 2 };
    expect(TaskConfigSchemas.quiz.safeParse({ ...base, maxAttempts: 11 }).success).toBe(false);
    expect(TaskConfigSchemas.quiz.safeParse({ ...base, maxAttempts: 0 }).success).toBe(false);
    expect(TaskConfigSchemas.quiz.parse(base).maxAttempts).toBe(3);
  });
});
