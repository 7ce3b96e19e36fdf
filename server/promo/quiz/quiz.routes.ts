/** @module Quiz route: submit all answers once; the server scores them and issues the band's reward. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { LAUNCH_AUTH } from '../../http/schemas.ts';
import { actionErrors, CampaignParams, json, jsonBody, QuizResultSchema } from '../promo.schemas.ts';
import { submitQuiz } from './quiz.service.ts';
import { QuizAnswersSchema } from './quiz-answers.ts';

const submitRoute = createRoute({
  method: 'post',
  path: '/{id}/quiz/answers',
  tags: ['promo'],
  summary: 'Submit quiz answers (option ids per question id); one result per participant, a repeat returns it',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParams,
    ...jsonBody(z.object({ answers: QuizAnswersSchema })),
  },
  responses: { 200: json(QuizResultSchema, 'Score, band and reward'), ...actionErrors },
});

export const quizRoutes = newRouter();
quizRoutes.openapi(submitRoute, async (c) =>
  c.json(await submitQuiz(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('json').answers), 200),
);
