/**
 * @module The participant-facing promo API under `/api/campaigns/{id}/...`, one router per concept, identity
 * verified once (the campaigns router mounted at the same prefix may already have done it).
 */
import { createMiddleware } from 'hono/factory';
import { requireIdentity } from '../auth/middleware.ts';
import { type AppEnv, newRouter } from '../http/router.ts';
import { codeRoutes } from './codes/code.routes.ts';
import { drawRoutes } from './draw/draw.routes.ts';
import { participationRoutes } from './participation/participation.routes.ts';
import { quizRoutes } from './quiz/quiz.routes.ts';
import { rewardRoutes } from './rewards/reward.routes.ts';
import { rulesRoutes } from './rules/rules.routes.ts';
import { taskRoutes } from './tasks/task.routes.ts';
import { wheelRoutes } from './wheel/wheel.routes.ts';

const identified = createMiddleware<AppEnv>((c, next) => (c.get('identity') ? next() : requireIdentity(c, next)));

export const promoRoutes = newRouter();
promoRoutes.use('*', identified);
promoRoutes
  .route('/', participationRoutes)
  .route('/', taskRoutes)
  .route('/', rewardRoutes)
  .route('/', quizRoutes)
  .route('/', wheelRoutes)
  .route('/', codeRoutes)
  .route('/', rulesRoutes)
  .route('/', drawRoutes);

export { calendarRoutes } from './calendar/calendar.routes.ts';
export { drawAdminRoutes } from './draw/draw-admin.routes.ts';
export { poolAdminRoutes } from './rewards/pool-admin.routes.ts';
