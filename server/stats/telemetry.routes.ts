/**
 * @module `POST /api/telemetry`: the mini app's batched session starts, heartbeats, screen views and client errors,
 * sent with the verified launch data (the route-limits middleware verifies it and spends the `telemetry` bucket).
 * Client errors with a campaign and an identity come here; `/api/client-errors` keeps the reports that have neither
 * (a broken launch), with the same field limits.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { TELEMETRY_KINDS } from '../db/schema/telemetry.ts';
import { limitBody } from '../http/body-limit.ts';
import { errorBody } from '../http/errors.ts';
import { newRouter } from '../http/router.ts';
import { rowId } from '../http/row-id.ts';
import { authErrors, errorResponse, json, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { MAX_EVENT_AGE_MS, storeTelemetry } from './telemetry-ingest.ts';

/** Events in one batch at most: a minute of heavy use; the client flushes well before. */
export const MAX_BATCH_EVENTS = 50;
export const MAX_TELEMETRY_BYTES = 32 * 1024;

const TelemetryBatchSchema = z
  .object({
    campaignId: rowId(),
    build: z.string().max(64).optional(),
    events: z
      .array(
        z.object({
          kind: z.enum(TELEMETRY_KINDS),
          ageMs: z
            .number()
            .min(0)
            .max(MAX_EVENT_AGE_MS * 6),
          screen: z.string().max(100).optional(),
          message: z.string().max(2000).optional(),
        }),
      )
      .min(1)
      .max(MAX_BATCH_EVENTS),
  })
  .openapi('TelemetryBatch');

const route = createRoute({
  method: 'post',
  path: '/',
  tags: ['telemetry'],
  summary: 'Store a batch of the mini app telemetry (sessions, heartbeats, screen views, client errors)',
  security: LAUNCH_AUTH,
  request: jsonBody(TelemetryBatchSchema),
  responses: {
    202: json(z.object({ stored: z.number().int() }), 'Stored (0 for a beta tester: not statistics)'),
    ...authErrors,
    409: errorResponse('Not a participant of this campaign yet'),
    413: errorResponse('Batch larger than 32 KB'),
    422: errorResponse('Invalid batch'),
    429: errorResponse('Too many batches; see Retry-After'),
  },
});

export const telemetryRoutes = newRouter();
telemetryRoutes.use(
  '/',
  limitBody(MAX_TELEMETRY_BYTES, (c) =>
    c.json(errorBody('payload_too_large', 'A telemetry batch is at most 32 KB'), 413),
  ),
  requireIdentity,
);
telemetryRoutes.openapi(route, async (c) =>
  c.json(await storeTelemetry(c.var.deps, c.var.identity, c.req.valid('json')), 202),
);
