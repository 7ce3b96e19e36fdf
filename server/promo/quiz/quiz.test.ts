import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../../db/client.ts';
import { ApiError } from '../../http/errors.ts';
import { quizSettings } from '../../seed/demo-promo.ts';
import { openCampaign } from '../participation/participation.service.ts';
import { claimReward } from '../rewards/reward.service.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';
import { submitQuiz } from './quiz.service.ts';

let w: PromoWorld;
afterEach(async () => w.close());

const ALL_RIGHT = { q1: ['b'], q2: ['a', 'b'], q3: ['a'], q4: ['a'], q5: ['b'] };

async function setup(codes10 = ['T1', 'T2'], codes25 = ['X1']) {
  w = await createPromoWorld();
  const id = await w.campaign({ mechanic: 'quiz', settings: { quiz: quizSettings() } });
  await w.reward(id, 'quiz10', { poolId: await w.pool(id, 'p10', codes10), unlock: { quiz: true } });
  await w.reward(id, 'quiz25', { poolId: await w.pool(id, 'p25', codes25), unlock: { quiz: true } });
  return id;
}

async function join(id: number, user: number) {
  await openCampaign(w.deps, w.identity(user), id, {});
  return w.identity(user);
}

describe('quiz', () => {
  it('scores on the server (multiple choice must match exactly) and issues the band reward', async () => {
    const id = await setup();
    const result = await submitQuiz(w.deps, await join(id, 1), id, { ...ALL_RIGHT, q2: ['a'], q5: ['a'] });
    expect(result).toMatchObject({ score: 3, maxScore: 5, band: { key: 'fan' }, rewardStatus: 'issued' });
    expect(result.correct).toMatchObject({ q1: true, q2: false, q5: false });
    expect(result.reward?.code).toBe('T1');
    const expert = await submitQuiz(w.deps, await join(id, 2), id, ALL_RIGHT);
    expect(expert).toMatchObject({ band: { key: 'expert' }, reward: { code: 'X1', rewardKey: 'quiz25' } });
    const low = await submitQuiz(w.deps, await join(id, 3), id, {
      q1: ['a'],
      q2: ['c'],
      q3: ['b'],
      q4: ['b'],
      q5: ['c'],
    });
    expect(low).toMatchObject({ score: 0, band: { key: 'novice' }, rewardStatus: 'none', reward: null });
    const finished = await w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'quiz_finished'));
    expect(finished.map((e) => e.data.score)).toEqual([3, 5, 0]);
    const p = (
      await w.deps.db.select().from(schema.participants).where(eq(schema.participants.platformUserId, '2')).limit(1)
    )[0];
    expect(p?.stage).toBe('reward_issued');
  });

  it('keeps the first result: a resubmission changes nothing', async () => {
    const id = await setup();
    const user = await join(id, 1);
    const first = await submitQuiz(w.deps, user, id, { ...ALL_RIGHT, q1: ['a'] });
    expect(await submitQuiz(w.deps, user, id, ALL_RIGHT)).toEqual(first);
  });

  it('rejects unknown questions, options and several answers to a single-choice question', async () => {
    const id = await setup();
    const user = await join(id, 1);
    try {
      // q9 in place of q5: within the quiz's five answers, so each problem is named (decision 058).
      const { q5: _, ...four } = ALL_RIGHT;
      await submitQuiz(w.deps, user, id, { ...four, q1: ['a', 'b'], q3: ['z'], q9: ['a'] });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      const paths = (err as ApiError).issues?.map((i) => i.path).sort();
      expect(paths).toEqual(['answers.q1', 'answers.q3', 'answers.q5', 'answers.q9']);
    }
  });

  it('shows sold-out when the band pool is empty, and the prize cannot be claimed around it', async () => {
    const id = await setup(['T1'], []);
    await submitQuiz(w.deps, await join(id, 1), id, { ...ALL_RIGHT, q1: ['a'], q2: ['a'] });
    const second = await submitQuiz(w.deps, await join(id, 2), id, { ...ALL_RIGHT, q1: ['a'], q2: ['a'] });
    expect(second).toMatchObject({ band: { key: 'fan' }, rewardStatus: 'sold_out', reward: null });
    await expect(claimReward(w.deps, w.identity(2), id, 'quiz10')).rejects.toThrow(/given out/);
    await expect(claimReward(w.deps, w.identity(2), id, 'quiz25')).rejects.toThrow(/not unlocked/);
    expect((await claimReward(w.deps, w.identity(1), id, 'quiz10')).status).toBe('already_issued');
  });
});
