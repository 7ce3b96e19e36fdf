/**
 * @module A calculator's configuration as the brand saves it: inputs (number with a range, slider, select, yes/no),
 * the formula over the inputs' names, the result text with `{result}`, and what the lead form shows for consent
 * (152-FZ: the consent text, its version and the brand's policy link are stored with every lead). The formula is
 * compiled on save, so a bad one is refused with its position and never reaches a participant.
 */
import { z } from '@hono/zod-openapi';
import { MAX_LABEL_LENGTH, MAX_SETTINGS_TEXT_LENGTH } from '../campaigns/content-bounds.ts';
import { READING, type SettingsRules, WRITING } from '../campaigns/settings-rules.ts';
import { ApiError } from '../http/errors.ts';
import { fieldIssues } from '../http/field-issues.ts';
import { type CompiledFormula, compileFormula, FORMULA_FUNCTIONS } from './formula.ts';
import { FormulaError } from './formula-error.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/;
const RESERVED = new Set([...FORMULA_FUNCTIONS, 'true', 'false', 'this', 'null', 'undefined']);
const finite = z.number().refine(Number.isFinite, 'must be a finite number');

/** The configuration's shape under one set of rules (a save's, or a stored row's: settings-rules.ts). */
function calculatorShape(rules: SettingsRules) {
  const base = {
    name: z.string().regex(NAME, 'a letter or _, then letters, digits or _ (up to 32)'),
    label: rules.text(MAX_LABEL_LENGTH),
  };
  const input = z.discriminatedUnion('kind', [
    z.object({ ...base, kind: z.literal('number'), min: finite, max: finite, default: finite.optional() }),
    z.object({
      ...base,
      kind: z.literal('slider'),
      min: finite,
      max: finite,
      step: z.number().positive().refine(Number.isFinite),
      default: finite.optional(),
    }),
    z.object({
      ...base,
      kind: z.literal('select'),
      options: z
        .array(z.object({ value: finite, label: rules.text(MAX_LABEL_LENGTH) }))
        .min(2)
        .max(30),
    }),
    z.object({ ...base, kind: z.literal('yes_no'), default: z.boolean().optional() }),
  ]);
  return z
    .object({
      inputs: z.array(input).min(1).max(20),
      formula: z.string().min(1).max(1000),
      /** Shown with the result; `{result}` is replaced by the computed value. */
      resultText: rules.text(MAX_SETTINGS_TEXT_LENGTH),
      /** Decimal places the result is rounded to for display (half away from zero). */
      resultDigits: z.number().int().min(0).max(6).default(0),
      lead: z.object({
        /** The brand's personal-data policy (152-FZ), linked from the consent checkbox. */
        policyUrl: z.url({ protocol: /^https?$/ }).max(500),
        consentText: rules.text(MAX_SETTINGS_TEXT_LENGTH),
        /** Changes whenever the consent text changes in substance; stored with each lead. */
        consentVersion: z.string().min(1).max(40),
      }),
    })
    .superRefine((config, ctx) => {
      const seen = new Set<string>();
      config.inputs.forEach((input, i) => {
        if (seen.has(input.name))
          ctx.addIssue({ code: 'custom', path: ['inputs', i, 'name'], message: 'duplicate name' });
        if (RESERVED.has(input.name)) {
          ctx.addIssue({ code: 'custom', path: ['inputs', i, 'name'], message: 'reserved word' });
        }
        seen.add(input.name);
        if ((input.kind === 'number' || input.kind === 'slider') && input.min > input.max) {
          ctx.addIssue({ code: 'custom', path: ['inputs', i, 'max'], message: 'max is below min' });
        }
        if ((input.kind === 'number' || input.kind === 'slider') && input.default !== undefined) {
          if (input.default < input.min || input.default > input.max) {
            ctx.addIssue({ code: 'custom', path: ['inputs', i, 'default'], message: 'default is out of range' });
          }
        }
      });
    });
}

export const CalculatorConfigSchema = calculatorShape(WRITING).openapi('CalculatorConfig');
export type CalculatorConfig = z.infer<typeof CalculatorConfigSchema>;
export type CalculatorInput = CalculatorConfig['inputs'][number];
/** What any release may have stored (decision 055): read back whatever its texts. */
const StoredCalculatorConfig = calculatorShape(READING);

/** A configuration, parsed and compiled. */
export interface Calculator {
  config: CalculatorConfig;
  formula: CompiledFormula;
}

/**
 * Parses a configuration and compiles its formula; a bad formula is a 422 `invalid_formula` whose issue carries the
 * position (0-based character offset) as `params.position`.
 */
export function validateCalculatorConfig(raw: unknown): Calculator {
  return compiled(raw, CalculatorConfigSchema);
}

/** A stored configuration, parsed and compiled: what an earlier release saved reads back (decision 055). */
export function readCalculatorConfig(raw: unknown): Calculator {
  return compiled(raw, StoredCalculatorConfig);
}

function compiled(raw: unknown, shape: z.ZodType<CalculatorConfig>): Calculator {
  const parsed = shape.safeParse(raw);
  if (!parsed.success) {
    throw new ApiError(
      422,
      'invalid_input',
      'Invalid calculator configuration',
      parsed.error.issues.flatMap(fieldIssues),
    );
  }
  const config = parsed.data;
  try {
    return {
      config,
      formula: compileFormula(
        config.formula,
        config.inputs.map((i) => i.name),
      ),
    };
  } catch (e) {
    if (e instanceof FormulaError) throw formulaRefused(e);
    throw e;
  }
}

export function formulaRefused(e: FormulaError): ApiError {
  return new ApiError(422, 'invalid_formula', e.message, [
    {
      path: 'formula',
      message: e.message,
      code: `formula_${e.code}`,
      ...(e.position === undefined ? {} : { params: { position: e.position } }),
    },
  ]);
}
