/**
 * @module Brand-facing code pool routes: stock (low-stock visible), creating a pool (or a beta-test sandbox), CSV import
 * (chunked, watchable) and its progress.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireIdentity } from '../../auth/middleware.ts';
import { MAX_LOW_STOCK_THRESHOLD, MAX_POOL_NAME_LENGTH } from '../../campaigns/content-bounds.ts';
import { csvBodyHook, csvMissing } from '../../http/csv-body.ts';
import { csvText } from '../../http/csv-text.ts';
import { ApiError, fieldRefusal, payloadTooLarge } from '../../http/errors.ts';
import { officeRoute } from '../../http/office-route.ts';
import { type AppEnv, newRouter } from '../../http/router.ts';
import { RowIdParam } from '../../http/row-id.ts';
import { authErrors, errorResponse, jsonBody, LAUNCH_AUTH } from '../../http/schemas.ts';
import { visibleText } from '../../http/text-fields.ts';
import { CampaignParams, json } from '../promo.schemas.ts';
import { poolStock } from './code-pool.ts';
import { createPool, importStatus, listPools, setLowStockThreshold, startImport } from './pool-admin.service.ts';

export const PoolStockSchema = z
  .object({
    poolId: z.number().int(),
    key: z.string(),
    name: z.string(),
    purpose: z.enum(['reward', 'entry']),
    total: z.number().int(),
    used: z.number().int(),
    free: z.number().int(),
    lowStockThreshold: z.number().int(),
    lowStockAt: z
      .number()
      .int()
      .describe('Free codes at or below which the pool is low: its threshold, at most a tenth of its codes'),
    lowStock: z.boolean(),
    soldOut: z.boolean(),
    sandbox: z.boolean(),
    sandboxOf: z.number().int().nullable(),
  })
  .openapi('PoolStock');

/** The free codes at or below which a pool warns, as the brand sets it (low-stock.ts caps the line it warns at). */
const LowStockThreshold = z.number().int().min(0).max(MAX_LOW_STOCK_THRESHOLD);

export const NewPoolSchema = z.object({
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,47}$/, 'lower-case letters, digits, _ or -'),
  /** As long as the campaign document takes it (content-bounds.ts). */
  name: visibleText(MAX_POOL_NAME_LENGTH),
  purpose: z.enum(['reward', 'entry']).default('reward'),
  /** None: 20 for a prize pool, 0 for an entry pool (which takes no other: `entry_pool_threshold`). */
  lowStockThreshold: LowStockThreshold.optional(),
  sandboxOf: z.number().int().positive().optional(),
});

const adminErrors = {
  ...authErrors,
  403: errorResponse('No `prizes` rights on this brand'),
  404: errorResponse('No such campaign or pool'),
} as const;

const listRoute = officeRoute('prizes', {
  method: 'get',
  path: '/{id}/pools',
  tags: ['admin'],
  summary: "A campaign's code pools with stock and low-stock flags",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(z.object({ pools: z.array(PoolStockSchema) }), 'Pools'), ...adminErrors },
});

const createPoolRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/pools',
  tags: ['admin'],
  summary:
    'Create an empty code pool (codes come by CSV import); `sandboxOf` makes it the beta-test stand-in of a pool',
  security: LAUNCH_AUTH,
  request: {
    params: CampaignParams,
    ...jsonBody(NewPoolSchema),
  },
  responses: {
    201: json(PoolStockSchema, 'Created'),
    ...adminErrors,
    409: errorResponse('pool_key_taken | campaign_ended: an ended or archived campaign keeps its pools'),
    422: errorResponse('invalid_input | entry_pool_threshold: an entry pool warns only when none is left (0)'),
  },
});

export const PoolEditSchema = z.object({ lowStockThreshold: LowStockThreshold });

const PoolParams = CampaignParams.extend({ poolId: RowIdParam });

const editPoolRoute = officeRoute('prizes', {
  method: 'patch',
  path: '/{id}/pools/{poolId}',
  tags: ['admin'],
  summary:
    "Change a pool's low-stock threshold; the answer's `lowStockAt` is the line it warns at (at most a tenth of its " +
    'codes). The threshold it already has is answered as it is, with no audit entry',
  security: LAUNCH_AUTH,
  request: { params: PoolParams, ...jsonBody(PoolEditSchema) },
  responses: {
    200: json(PoolStockSchema, 'Changed'),
    ...adminErrors,
    409: errorResponse('campaign_ended: an ended or archived campaign keeps its pools'),
    422: errorResponse(
      'invalid_input: not a whole number from 0 to 1,000,000 | entry_pool_threshold: an entry pool warns only when ' +
        'none is left',
    ),
  },
});

const ignoredColumns = z
  .array(z.string())
  .describe(
    "The header's cells past the code column, as written (at most 50): a pool keeps codes only, so their data was " +
      'not imported',
  );

export const ImportSchema = z
  .object({
    importId: z.string(),
    campaignId: z.number().int(),
    poolId: z.number().int(),
    state: z.enum(['running', 'done', 'failed']),
    progress: z.object({
      phase: z.enum(['parsing', 'checking', 'writing']),
      lines: z.number().int(),
      linesParsed: z.number().int(),
      codes: z.number().int(),
      checked: z.number().int(),
      written: z.number().int(),
    }),
    result: z.object({ imported: z.number().int(), total: z.number().int(), ignoredColumns }).optional(),
    errors: z.array(
      z.object({
        line: z.number().int(),
        code: z.string().openapi({ description: 'Stable: the office words it (csv-line-error.ts)' }),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
        message: z.string(),
      }),
    ),
    errorCount: z.number().int(),
    duplicates: z.number().int(),
    startedAt: z.number().int(),
    finishedAt: z.number().int().optional(),
  })
  .openapi('CodeImport');

/** Largest CSV: 100,000 codes of up to 64 characters, with line ends. */
export const MAX_CSV_CHARS = 7_000_000;

const importRoute = officeRoute('prizes', {
  method: 'post',
  path: '/{id}/pools/{poolId}/codes',
  tags: ['admin'],
  summary:
    'Import codes from CSV (first column; an optional header line such as `code` or `Промокод`), as `text/csv` ' +
    'or JSON `{csv}`. Nothing is written unless the whole file is clean; 422 lists problems by line. Waits for ' +
    'the end (200) unless the request says `Prefer: respond-async`: then 202 at once with the import to watch at ' +
    '`Location`',
  security: LAUNCH_AUTH,
  request: {
    params: PoolParams,
    body: {
      content: {
        'application/json': { schema: z.object({ csv: z.string().min(1).max(MAX_CSV_CHARS) }) },
        'text/csv': { schema: z.string().min(1).max(MAX_CSV_CHARS) },
      },
      // Required in fact (csvOf); `true` here would make the JSON validator refuse every text/csv request.
      required: false,
    },
  },
  responses: {
    200: json(
      z.object({
        importId: z.string(),
        imported: z.number().int(),
        total: z.number().int(),
        ignoredColumns,
        stock: PoolStockSchema,
      }),
      'Imported',
    ),
    202: json(z.object({ import: ImportSchema }), 'Started; progress at the Location'),
    ...adminErrors,
    409: errorResponse(
      'import_running: another import into this pool has not finished (in any API process) | import_interrupted: this ' +
        'import was silent so long it was given up, nothing imported | campaign_ended: an ended or archived campaign keeps its pools',
    ),
    415: errorResponse('Send text/csv or application/json'),
    422: errorResponse(
      'invalid_csv: issues are `line N` with the reason; nothing was imported | invalid_input: the file is empty, or ' +
        'the JSON body has no `csv` text (issue at `csv`)',
    ),
  },
});

const importStatusRoute = officeRoute('prizes', {
  method: 'get',
  path: '/{id}/pools/{poolId}/imports/{importId}',
  tags: ['admin'],
  summary: 'One import: phase and counts while it runs, the result or the problems by line when it ends',
  security: LAUNCH_AUTH,
  request: { params: PoolParams.extend({ importId: z.string().uuid() }) },
  responses: { 200: json(ImportSchema, 'The import'), ...adminErrors },
});

const importsRoute = officeRoute('prizes', {
  method: 'get',
  path: '/{id}/pools/{poolId}/imports',
  tags: ['admin'],
  summary: "This pool's recent imports, latest first (a running one included)",
  security: LAUNCH_AUTH,
  request: { params: PoolParams },
  responses: { 200: json(z.object({ imports: z.array(ImportSchema) }), 'Imports'), ...adminErrors },
});

/** The CSV from either body form; zod has checked the JSON one. */
async function csvOf(c: Context<AppEnv>, json: () => unknown): Promise<string> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('text/csv')) {
    // The bytes, not `c.req.text()`: that reads UTF-8 only, and Russian Excel's CSV is Windows-1251.
    const text = csvText(await c.req.arrayBuffer());
    // Named as the JSON form's field, as every 422 names one (errors.ts).
    if (text.trim() === '') throw fieldRefusal('invalid_input', 'csv', 'The CSV is empty');
    if (text.length > MAX_CSV_CHARS) throw payloadTooLarge('characters', MAX_CSV_CHARS, 'The CSV is too large');
    return text;
  }
  if (type.startsWith('application/json')) {
    const csv = (json() as { csv?: string } | undefined)?.csv;
    if (!csv) throw csvMissing('codes');
    return csv;
  }
  throw new ApiError(415, 'unsupported_media_type', 'Send the codes as text/csv or as JSON {"csv": "..."}');
}

export const poolAdminRoutes = newRouter();
poolAdminRoutes.use('*', requireIdentity);
poolAdminRoutes.openapi(listRoute, async (c) =>
  c.json({ pools: await listPools(c.var.deps.db, c.var.identity, c.req.valid('param').id) }, 200),
);
poolAdminRoutes.openapi(createPoolRoute, async (c) =>
  c.json(await createPool(c.var.deps.db, c.var.identity, c.req.valid('param').id, c.req.valid('json')), 201),
);
poolAdminRoutes.openapi(editPoolRoute, async (c) => {
  const { id, poolId } = c.req.valid('param');
  const { lowStockThreshold } = c.req.valid('json');
  return c.json(await setLowStockThreshold(c.var.deps.db, c.var.identity, id, poolId, lowStockThreshold), 200);
});
poolAdminRoutes.openapi(
  importRoute,
  async (c) => {
    const { id, poolId } = c.req.valid('param');
    const deps = c.get('deps');
    const csv = await csvOf(c, () => c.req.valid('json'));
    const { job, finished, pool } = await startImport(deps, c.get('identity'), id, poolId, csv);
    if (/\brespond-async\b/i.test(c.req.header('prefer') ?? '')) {
      finished.catch(() => {}); // the outcome is kept in the import record
      c.header('Location', `/api/admin/campaigns/${id}/pools/${poolId}/imports/${job.importId}`);
      return c.json({ import: job }, 202);
    }
    const result = await finished;
    return c.json({ importId: job.importId, ...result, stock: await poolStock(deps.db, pool) }, 200);
  },
  csvBodyHook('codes'),
);
poolAdminRoutes.openapi(importStatusRoute, async (c) => {
  const { id, poolId, importId } = c.req.valid('param');
  const [job] = await importStatus(c.get('deps'), c.get('identity'), id, poolId, importId);
  if (!job) throw new ApiError(404, 'import_not_found', `No import ${importId}`);
  return c.json(job, 200);
});
poolAdminRoutes.openapi(importsRoute, async (c) => {
  const { id, poolId } = c.req.valid('param');
  return c.json({ imports: await importStatus(c.get('deps'), c.get('identity'), id, poolId) }, 200);
});
