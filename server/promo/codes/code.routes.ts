/** @module Pack-code routes for participants: play a code from a pack, and one's plays (rate limits in http/route-limits.ts). */
import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../../http/router.ts';
import { errorResponse, LAUNCH_AUTH } from '../../http/schemas.ts';
import { actionErrors, CampaignParams, GrantSchema, json, jsonBody } from '../promo.schemas.ts';
import { codePlays, playCode } from './code-play.service.ts';

const PlaySchema = z
  .object({
    outcome: z.enum(['win', 'lose']),
    prize: GrantSchema.nullable(),
    playedAt: z.number().int(),
    repeated: z.boolean().openapi({ description: 'This participant had played the code already: the first answer' }),
  })
  .openapi('CodePlay');

const playRoute = createRoute({
  method: 'post',
  path: '/{id}/code/play',
  tags: ['promo'],
  summary:
    'Play a code from a pack: each code of the campaign once ever; won or lost, with the prize. 404 code_unknown, ' +
    '409 code_used (both count as wrong codes: 429 too_many_attempts after too many)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams, ...jsonBody(z.object({ code: z.string().min(1).max(64) })) },
  responses: {
    200: json(PlaySchema, 'The play'),
    ...actionErrors,
    404: errorResponse('code_unknown: not a code of this promotion; or no such campaign'),
  },
});

const playsRoute = createRoute({
  method: 'get',
  path: '/{id}/code/plays',
  tags: ['promo'],
  summary: "This participant's pack-code plays, latest first",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: {
    200: json(
      z.object({
        mode: z.enum(['odds', 'calendar']),
        plays: z.array(PlaySchema.omit({ repeated: true })),
      }),
      'Plays',
    ),
    ...actionErrors,
  },
});

export const codeRoutes = newRouter();
codeRoutes.openapi(playRoute, async (c) =>
  c.json(await playCode(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('json').code), 200),
);
codeRoutes.openapi(playsRoute, async (c) =>
  c.json(await codePlays(c.var.deps, c.var.identity, c.req.valid('param').id), 200),
);
