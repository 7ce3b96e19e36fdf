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
afterEach(() => w.close());

const ALL_RIGHT = { q1: ['b'], q2: ['a', 'b'], q3: ['a'], q4: ['a'], q5: ['b'] };

function setup(codes10 = ['T1', 'T2'], codes25 = ['X1']) {
  w = createPromoWorld();
  const id = w.campaign({ mechanic: 'quiz', settings: { quiz: quizSettings() } });
  w.reward(id, 'quiz10', { poolId: w.pool(id, 'p10', codes10), unlock: { quiz: true } });
  w.reward(id, 'quiz25', { poolId: w.pool(id, 'p25', codes25), unlock: { quiz: true } });
  return id;
}

function join(id: number, user: number) {
  openCampaign(w.deps, w.identity(user), id, {});
  return w.identity(user);
}

describe('quiz', () => {
  it('scores on the server (multiple choice must match exactly) and issues the band reward', () => {
    const id = setup();
    const result = submitQuiz(w.deps, join(id, 1), id, { ...ALL_RIGHT, q2: ['a'], q5: ['a'] });
    expect(result).toMatchObject({ score: 3, maxScore: 5, band: { key: 'fan' }, rewardStatus: 'issued' });
    expect(result.correct).toMatchObject({ q1: true, q2: false, q5: false });
    expect(result.reward?.code).toBe('T1');
    const expert = submitQuiz(w.deps, join(id, 2), id, ALL_RIGHT);
    expect(expert).toMatchObject({ band: { key: 'expert' }, reward: { code: 'X1', rewardKey: 'quiz25' } });
    const low = submitQuiz(w.deps, join(id, 3), id, { q1: ['a'], q2: ['c'], q3: ['b'], q4: ['b'], q5: ['c'] });
    expect(low).toMatchObject({ score: 0, band: { key: 'novice' }, rewardStatus: 'none', reward: null });
    const finished = w.deps.db.select().from(schema.events).where(eq(schema.events.type, 'quiz_finished')).all();
    expect(finished.map((e) => e.data.score)).toEqual([3, 5, 0]);
    const p = w.deps.db.select().from(schema.participants).where(eq(schema.participants.platformUserId, '2')).get();
    expect(p?.stage).toBe('reward_issued');
  });

  it('keeps the first result: a resubmission changes nothing', () => {
    const id = setup();
    const user = join(id, 1);
    const first = submitQuiz(w.deps, user, id, { ...ALL_RIGHT, q1: ['a'] });
    expect(submitQuiz(w.deps, user, id, ALL_RIGHT)).toEqual(first);
  });

  it('rejects unknown questions, options and several answers to a single-choice question', () => {
    const id = setup();
    const user = join(id, 1);
    try {
      submitQuiz(w.deps, user, id, { ...ALL_RIGHT, q1: ['a', 'b'], q3: ['z'], q9: ['a'] });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).issues?.map((i) => i.path).sort()).toEqual(['answers.q1', 'answers.q3', 'answers.q9']);
    }
  });

  it('shows sold-out when the band pool is empty, and the prize cannot be claimed around it', () => {
    const id = setup(['T1'], []);
    submitQuiz(w.deps, join(id, 1), id, { ...ALL_RIGHT, q1: ['a'], q2: ['a'] });
    const second = submitQuiz(w.deps, join(id, 2), id, { ...ALL_RIGHT, q1: ['a'], q2: ['a'] });
    expect(second).toMatchObject({ band: { key: 'fan' }, rewardStatus: 'sold_out', reward: null });
    expect(() => claimReward(w.deps, w.identity(2), id, 'quiz10')).toThrow(/given out/);
    expect(() => claimReward(w.deps, w.identity(2), id, 'quiz25')).toThrow(/not unlocked/);
    expect(claimReward(w.deps, w.identity(1), id, 'quiz10').status).toBe('already_issued');
  });
});
