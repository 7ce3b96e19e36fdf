/**
 * @module Brand-facing prize calendar routes under `/api/admin/campaigns/{id}/calendar` (section `prizes`): the
 * moments with their use and a per-day table, generation, CSV import, and deletion of unwon future moments.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireIdentity } from '../../auth/middleware.ts';
import { ClientKey } from '../../http/client-key.ts';
import { csvBodyHook, csvMissing } from '../../http/csv-body.ts';
import { csvText } from '../../http/csv-text.ts';
import { ApiError, payloadTooLarge } from '../../http/errors.ts';
import { officeRoute } from '../../http/office-route.ts';
import { type AppEnv, newRouter } from '../../http/router.ts';
import { authErrors, errorResponse, jsonBody, LAUNCH_AUTH } from '../../http/schemas.ts';
import { CampaignParams, json } from '../promo.schemas.ts';
import { deleteFutureMoments, generateMoments, importMoments, listMoments } from './calendar-admin.service.ts';
import { GENERATION_MODES } from './moment-slots.ts';

const adminErrors = {
  ...authErrors,
  403: errorResponse('A member of the brand without `prizes` rights'),
  404: errorResponse('No such campaign in your brands'),
} as const;
const writeErrors = {
  ...adminErrors,
  409: errorResponse('campaign_ended: an ended or archived campaign keeps its calendar'),
  422: errorResponse('Bad input; `issues` name the field or the CSV line'),
} as const;

const MomentSchema = z.object({
  id: z.number().int(),
  rewardKey: z.string(),
  at: z.number().int(),
  day: z.string(),
  state: z.enum(['upcoming', 'waiting', 'won']),
  wonAt: z.number().int().nullable(),
  delayMs: z.number().int().nullable(),
});

const CalendarSchema = z
  .object({
    mode: z.enum(['odds', 'calendar']),
    timeZone: z.string(),
    startsAt: z.number().int(),
    endsAt: z.number().int(),
    prizes: z.array(z.object({ key: z.string(), title: z.string(), moments: z.number().int(), won: z.number().int() })),
    days: z.array(
      z.object({
        day: z.string(),
        moments: z.number().int(),
        won: z.number().int(),
        waiting: z.number().int(),
        upcoming: z.number().int(),
        rolledIn: z.number().int().openapi({ description: 'Earlier moments won on this day (rolled forward)' }),
      }),
    ),
    moments: z.array(MomentSchema),
    truncated: z.boolean(),
  })
  .openapi('PrizeCalendar');

const listRoute = officeRoute('prizes', {
  method: 'get',
  path: '/{id}/calendar',
  tags: ['admin'],
  summary: 'The prize calendar: mode, per-day moments and wins, each moment with its use (upcoming, waiting, won)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(CalendarSchema, 'The calendar'), ...adminErrors },
});

export const GenerateSchema = z
  .object({
    mode: z.enum(GENERATION_MODES).openapi({
      description:
        '`spread`: `count` moments at random over the window; `per_day`/`per_hour`: `count` in each local day/hour',
    }),
    rewards: z
      .array(
        z.object({
          rewardKey: z.string().min(1).max(64),
          count: z.number().int().min(1).max(10_000),
        }),
      )
      .min(1)
      .max(50),
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    /** One per composed request, kept across retries: a double click or a retry draws the moments once. */
    clientKey: ClientKey.optional(),
  })
  .openapi('CalendarGenerate');

const generateRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/calendar/generate',
  tags: ['admin'],
  summary:
    'Draw winning moments (crypto RNG, campaign time zone) from max(start, now) to the end, or the window given; ' +
    'sent again with its `clientKey`, the answer of the generation it made (nothing drawn)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams, ...jsonBody(GenerateSchema) },
  responses: {
    201: json(
      z.object({ created: z.number().int(), from: z.number().int(), to: z.number().int() }),
      'Created (or, sent again with its clientKey, what that generation created)',
    ),
    ...writeErrors,
    409: errorResponse(
      'campaign_ended: an ended or archived campaign keeps its calendar | client_key_reused: this clientKey ' +
        'generated with another mode, prizes, counts or window; make a new one per request',
    ),
  },
});

/** Largest moments CSV: 10,000 lines of a key and an instant fit easily, and so does the JSON form within the 1 MiB body limit (app.ts). */
const MAX_MOMENT_CSV_CHARS = 900_000;

const importRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/calendar/import',
  tags: ['admin'],
  summary:
    'Import scheduled moments from CSV `reward_key,at` (ISO 8601 with offset, or `DD.MM.YYYY HH:MM`, `DD.MM.YYYY`, ' +
    '`YYYY-MM-DD HH:MM` ' +
    "in the campaign's time zone; an optional header `reward_key,at` or " +
    '`Приз;Время`, either order), as `text/csv` or JSON `{csv}`; ' +
    '422 `invalid_csv` lists problems as `line N` (a file with no moments: `csv`, code `no_moments`), and nothing is ' +
    'imported unless the whole file is clean; a JSON body without its text is 422 `invalid_input` at `csv`',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParams,
    body: {
      content: {
        'application/json': { schema: z.object({ csv: z.string().min(1).max(MAX_MOMENT_CSV_CHARS) }) },
        'text/csv': { schema: z.string().min(1).max(MAX_MOMENT_CSV_CHARS) },
      },
      required: false,
    },
  },
  responses: {
    200: json(z.object({ imported: z.number().int() }), 'Imported'),
    ...writeErrors,
    415: errorResponse('Send text/csv or application/json'),
  },
});

const deleteRoute = officeRoute('prizes', {
  method: 'delete',
  path: '/{id}/calendar/moments',
  tags: ['admin'],
  summary: 'Delete the unwon moments still to come (of one prize with `?rewardKey=`); won and past ones stay',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams, query: z.object({ rewardKey: z.string().min(1).max(64).optional() }) },
  responses: { 200: json(z.object({ deleted: z.number().int() }), 'Deleted'), ...writeErrors },
});

async function csvOf(c: Context<AppEnv>, body: () => unknown): Promise<string> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('text/csv')) {
    // The bytes, not `c.req.text()`: that reads UTF-8 only, and Russian Excel's CSV is Windows-1251.
    const text = csvText(await c.req.arrayBuffer());
    if (text.length > MAX_MOMENT_CSV_CHARS) {
      throw payloadTooLarge('characters', MAX_MOMENT_CSV_CHARS, 'The CSV is too large');
    }
    return text;
  }
  if (type.startsWith('application/json')) {
    const csv = (body() as { csv?: string } | undefined)?.csv;
    if (!csv) throw csvMissing('moments');
    return csv;
  }
  throw new ApiError(415, 'unsupported_media_type', 'Send the moments as text/csv or as JSON {"csv": "..."}');
}

export const calendarRoutes = newRouter();
calendarRoutes.use('*', requireIdentity);
calendarRoutes.openapi(listRoute, async (c) =>
  c.json(await listMoments(c.var.deps, c.var.identity, c.req.valid('param').id), 200),
);
calendarRoutes.openapi(generateRoute, async (c) =>
  c.json(await generateMoments(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('json')), 201),
);
calendarRoutes.openapi(
  importRoute,
  async (c) => {
    const csv = await csvOf(c, () => c.req.valid('json'));
    return c.json(await importMoments(c.var.deps, c.var.identity, c.req.valid('param').id, csv), 200);
  },
  csvBodyHook('moments'),
);
calendarRoutes.openapi(deleteRoute, async (c) =>
  c.json(
    await deleteFutureMoments(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('query').rewardKey),
    200,
  ),
);
