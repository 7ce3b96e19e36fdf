/**
 * @module The office's calculator routes under `/api/admin/campaigns/{id}/calculator` (section `campaigns`): read,
 * save, and preview a configuration not yet saved.
 */
import { z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { authErrors, errorResponse, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { SavedAtField } from '../office/one-save-per-copy.ts';
import { CampaignParams, json } from '../promo/promo.schemas.ts';
import { CalculationSchema, RawInputsSchema } from './calculator.routes.ts';
import { CalculatorConfigSchema } from './calculator-config.ts';
import { officeCalculator, previewCalculator, saveCalculator } from './calculator-office.service.ts';

const errors = {
  ...authErrors,
  403: errorResponse('forbidden: no `campaigns` rights on this brand'),
  404: errorResponse('campaign_not_found'),
  422: errorResponse(
    'invalid_input (issues name the field) | invalid_formula (issue code formula_*, params.position = 0-based offset) | calculation_failed',
  ),
} as const;
const tags = ['admin: calculator'];
/** The body is checked by validateCalculatorConfig (zod issues, then the formula with its position). */
const ConfigBody = z.record(z.string(), z.unknown()).openapi({ description: 'A CalculatorConfig' });
/** The configuration and the copy it was edited on (`null`: the campaign had no calculator when it was opened). */
const SaveBody = z.object({ config: ConfigBody, savedAt: SavedAtField.nullable() }).openapi('CalculatorSave');
const Saved = z.object({ config: CalculatorConfigSchema, savedAt: z.number().int() });

const getRoute = officeRoute('campaigns', {
  method: 'get',
  path: '/{id}/calculator',
  tags,
  summary: "The campaign's calculator configuration (null when it has none) and `savedAt`, which a save names",
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: {
    200: json(
      z.object({ config: CalculatorConfigSchema.nullable(), savedAt: z.number().int().nullable() }),
      'The configuration',
    ),
    ...errors,
  },
});

const saveRoute = officeRoute('campaigns', {
  method: 'put',
  path: '/{id}/calculator',
  tags,
  summary:
    'Save the calculator: inputs, formula (compiled; an error names its position), texts, consent — on the copy named ' +
    'by `savedAt`; the copy saved as it is is answered as it is, with no audit entry',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams, ...jsonBody(SaveBody) },
  responses: {
    200: json(Saved, 'Saved'),
    ...errors,
    409: errorResponse('saved_meanwhile: someone saved the calculator after this copy was read (nothing written)'),
  },
});

const previewRoute = officeRoute('campaigns', {
  method: 'post',
  path: '/{id}/calculator/preview',
  tags,
  summary: 'Compute with a configuration not yet saved (the editor’s live preview); nothing is stored',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams, ...jsonBody(z.object({ config: ConfigBody, inputs: RawInputsSchema })) },
  responses: { 200: json(CalculationSchema, 'The result'), ...errors },
});

export const calculatorOfficeRoutes = newRouter();
calculatorOfficeRoutes.use('/:id/calculator', requireIdentity);
calculatorOfficeRoutes.use('/:id/calculator/*', requireIdentity);
calculatorOfficeRoutes.openapi(getRoute, async (c) =>
  c.json(await officeCalculator(c.var.deps.db, c.var.identity, c.req.valid('param').id), 200),
);
calculatorOfficeRoutes.openapi(saveRoute, async (c) => {
  const { config, savedAt } = c.req.valid('json');
  return c.json(await saveCalculator(c.var.deps, c.var.identity, c.req.valid('param').id, config, savedAt), 200);
});
calculatorOfficeRoutes.openapi(previewRoute, async (c) => {
  const { config, inputs } = c.req.valid('json');
  return c.json(await previewCalculator(c.var.deps.db, c.var.identity, c.req.valid('param').id, config, inputs), 200);
});
