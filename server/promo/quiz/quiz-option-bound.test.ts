/**
 * A quiz question's options and an answer's chosen set have one bound (quiz-bounds.ts). An answer named at most 20
 * options while a question's options were unbounded: the office saved a multiple-choice question with 21 right
 * options, which no participant could ever answer right (their answer was a 422). Now the office's save refuses the
 * 21st option with a 422 at the question's `options`, worded by the shared too-big issue; at the cap the question
 * saves and its whole right set is an answer that scores.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Body,
  createOfficeWorld,
  EDITOR,
  type OfficeWorld,
} from '../../office/campaigns/office-campaign.test-world.ts';
import { quizSettings } from '../../seed/demo-promo.ts';
import { createPromoWorld, type PromoWorld } from '../testing/promo-world.ts';
import { MAX_QUIZ_OPTIONS } from './quiz-bounds.ts';

let w: OfficeWorld | PromoWorld | undefined;
afterEach(async () => w?.close());

/** A multiple-choice question of `n` options, every one of them right. */
function allRight(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `o${i + 1}`);
  return {
    id: 'many',
    text: { ru: 'Что из этого верно?', en: 'Which of these are true?' },
    multiple: true,
    options: ids.map((id) => ({ id, text: { ru: id, en: id } })),
    correct: ids,
    points: 1,
  };
}

describe('a quiz question’s options and an answer’s chosen set', () => {
  it('the office refuses a question past the cap with a 422 at its options; at the cap it saves', async () => {
    const office = await createOfficeWorld();
    w = office;
    const created = await office.json('POST', '/api/admin/campaigns', EDITOR, {
      brandId: office.brandId,
      templateKey: 'quiz-tiers',
    });
    expect(created.status).toBe(201);
    const doc: Body = created.body;
    const withQuestion = (n: number) => ({
      ...doc,
      settings: { ...doc.settings, quiz: { ...doc.settings.quiz, questions: [allRight(n)] } },
    });
    const over = await office.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, withQuestion(MAX_QUIZ_OPTIONS + 1));
    expect(over.status).toBe(422);
    const paths = over.body.error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(['settings.quiz.questions.0.options', 'settings.quiz.questions.0.correct']);
    // The shared too-big issue, which the office words ("не больше 20 элементов").
    expect(over.body.error.issues[0]).toMatchObject({ code: 'too_big', params: { limit: MAX_QUIZ_OPTIONS } });
    const at = await office.json('PUT', `/api/admin/campaigns/${doc.id}`, EDITOR, withQuestion(MAX_QUIZ_OPTIONS));
    expect(at.status, JSON.stringify(at.body).slice(0, 300)).toBe(200);
  });

  it('a question at the cap is answered right by choosing every option', async () => {
    const promo = await createPromoWorld();
    w = promo;
    const question = allRight(MAX_QUIZ_OPTIONS);
    const id = await promo.campaign({
      mechanic: 'quiz',
      settings: { quiz: { ...quizSettings(), questions: [question] } },
    });
    await promo.call('POST', `/api/campaigns/${id}/open`, 1, {});
    const res = await promo.call('POST', `/api/campaigns/${id}/quiz/answers`, 1, {
      answers: { many: question.correct },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ score: 1 });
  });
});
