/**
 * @module The participant's calculator routes under `/api/campaigns/{id}/calculator`: open it and calculate. The
 * lead form's route is server/leads/lead.routes.ts.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { requireIdentity } from '../auth/middleware.ts';
import { newRouter } from '../http/router.ts';
import { errorResponse, jsonBody, LAUNCH_AUTH } from '../http/schemas.ts';
import { actionErrors, CampaignParams, json } from '../promo/promo.schemas.ts';
import { calculateFor, openCalculator } from './calculator.service.ts';

const errors = {
  ...actionErrors,
  409: errorResponse('campaign_not_started | campaign_paused | campaign_ended | not_joined | no_calculator'),
  422: errorResponse(
    'invalid_input (issues name the input) | calculation_failed (e.g. division by zero; issues name the inputs whose ' +
      'values it could not compute with, or `inputs` when no one input is to blame)',
  ),
} as const;

const label = z.string();
const InputViewSchema = z
  .union([
    z.object({
      name: z.string(),
      kind: z.literal('number'),
      label,
      min: z.number(),
      max: z.number(),
      default: z.number().nullable(),
    }),
    z.object({
      name: z.string(),
      kind: z.literal('slider'),
      label,
      min: z.number(),
      max: z.number(),
      step: z.number(),
      default: z.number().nullable(),
    }),
    z.object({
      name: z.string(),
      kind: z.literal('select'),
      label,
      options: z.array(z.object({ value: z.number(), label })),
    }),
    z.object({ name: z.string(), kind: z.literal('yes_no'), label, default: z.boolean() }),
  ])
  .openapi('CalculatorInputView');

export const ParticipantCalculatorSchema = z
  .object({
    inputs: z.array(InputViewSchema),
    resultDigits: z.number().int(),
    lead: z.object({ policyUrl: z.string(), consentText: z.string(), consentVersion: z.string() }),
  })
  .openapi('ParticipantCalculator');

/** Input values by name: numbers, or booleans for yes/no. */
export const RawInputsSchema = z
  .record(z.string().max(32), z.union([z.number(), z.boolean()]))
  .refine((r) => Object.keys(r).length <= 20, 'at most 20 inputs')
  .openapi('CalculatorInputs');

export const CalculationSchema = z
  .object({
    inputs: z.record(z.string(), z.number()),
    result: z.number(),
    text: z.string().openapi({ description: "The result text in the caller's language, the result filled in" }),
  })
  .openapi('Calculation');

const openRoute = createRoute({
  method: 'post',
  path: '/{id}/calculator/open',
  tags: ['calculator'],
  summary: 'Open the calculator (funnel stage calculator_opened): its inputs and the lead form consent',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams },
  responses: { 200: json(ParticipantCalculatorSchema, 'The calculator'), ...errors },
});

const calculateRoute = createRoute({
  method: 'post',
  path: '/{id}/calculator/calculate',
  tags: ['calculator'],
  summary: 'Compute the result on the server from validated inputs (funnel stage calculated)',
  security: LAUNCH_AUTH,
  request: { params: CampaignParams, ...jsonBody(z.object({ inputs: RawInputsSchema })) },
  responses: { 200: json(CalculationSchema, 'The result'), ...errors },
});

export const calculatorRoutes = newRouter();
calculatorRoutes.use('/:id/calculator/*', requireIdentity);
calculatorRoutes.openapi(openRoute, async (c) =>
  c.json(await openCalculator(c.var.deps, c.var.identity, c.req.valid('param').id), 200),
);
calculatorRoutes.openapi(calculateRoute, async (c) =>
  c.json(await calculateFor(c.var.deps, c.var.identity, c.req.valid('param').id, c.req.valid('json').inputs), 200),
);
