/** @module Task routes: start (get what the action needs) and complete (the server decides). Limits: http/route-limits.ts. */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { LAUNCH_AUTH } from '../../http/schemas.ts';
import { actionErrors, json, jsonBody, TaskParams, TaskSchema } from '../promo.schemas.ts';
import { QuizAnswersSchema } from '../quiz/quiz-answers.ts';
import { completeTask, startTask } from './task.service.ts';

const startRoute = createRoute({
  method: 'post',
  path: '/{id}/tasks/{taskKey}/start',
  tags: ['promo'],
  summary: 'Start a task: records task_started and returns the action payload (e.g. the allow_messages key)',
  security: LAUNCH_AUTH,
  request: { params: TaskParams },
  responses: { 200: json(z.object({ task: TaskSchema }), 'The task'), ...actionErrors },
});

const CompleteBody = z
  .object({
    result: z
      .enum(['done', 'denied', 'failed', 'unsupported'])
      .optional()
      .openapi({ description: "The platform action's result (trusted only for share_story and visit_link)" }),
    code: z.string().max(64).optional().openapi({ description: 'enter_code: the code the user typed' }),
    answers: QuizAnswersSchema.optional().openapi({ description: 'quiz task: option ids chosen per question id' }),
  })
  .openapi('TaskCompletion');

const completeRoute = createRoute({
  method: 'post',
  path: '/{id}/tasks/{taskKey}/complete',
  tags: ['promo'],
  summary: 'Complete a task; verified kinds are checked on the server. 200 with state done, failed or in_progress',
  security: LAUNCH_AUTH,
  request: { params: TaskParams, ...jsonBody(CompleteBody) },
  responses: { 200: json(z.object({ task: TaskSchema }), 'The task after the check'), ...actionErrors },
});

export const taskRoutes = newRouter();
taskRoutes.openapi(startRoute, async (c) => {
  const { id, taskKey } = c.req.valid('param');
  return c.json({ task: await startTask(c.var.deps, c.var.identity, id, taskKey) }, 200);
});
taskRoutes.openapi(completeRoute, async (c) => {
  const { id, taskKey } = c.req.valid('param');
  return c.json({ task: await completeTask(c.var.deps, c.var.identity, id, taskKey, c.req.valid('json')) }, 200);
});
