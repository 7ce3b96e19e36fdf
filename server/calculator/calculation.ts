/**
 * @module One calculation: the participant's raw inputs checked against the calculator's inputs (every input present,
 * numbers in range, a slider on its step, a select one of its options, yes/no a boolean), the formula evaluated on
 * the server, and the result text filled in. The client's own idea of the result is never read.
 */
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { resolveText } from '../campaigns/resolve-text.ts';
import { ApiError, type ErrorIssue } from '../http/errors.ts';
import type { Calculator, CalculatorInput } from './calculator-config.ts';
import { evaluateFormula, roundHalfAway } from './formula.ts';
import { FormulaError } from './formula-error.ts';

export type RawInputs = Record<string, unknown>;

export interface CalculationResult {
  /** The inputs as numbers (yes/no as 1/0), as the formula saw them. */
  inputs: Record<string, number>;
  /** Rounded to the calculator's `resultDigits`. */
  result: number;
  text: string;
}

function inputValue(input: CalculatorInput, raw: unknown): number | string {
  if (raw === undefined || raw === null) return 'required';
  switch (input.kind) {
    case 'yes_no':
      return typeof raw === 'boolean' ? Number(raw) : 'must be true or false';
    case 'select':
      return typeof raw === 'number' && input.options.some((o) => o.value === raw) ? raw : 'not one of the options';
    case 'number':
    case 'slider': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return 'must be a number';
      if (raw < input.min || raw > input.max) return `must be from ${input.min} to ${input.max}`;
      if (input.kind === 'slider') {
        const steps = (raw - input.min) / input.step;
        if (Math.abs(steps - Math.round(steps)) > 1e-9) return `must be on a step of ${input.step}`;
      }
      return raw;
    }
  }
}

/** The inputs as the formula's values, or 422 `invalid_input` with one issue per bad or missing input. */
export function readInputs(calculator: Calculator, raw: RawInputs): Map<string, number> {
  const values = new Map<string, number>();
  const issues: ErrorIssue[] = [];
  for (const input of calculator.config.inputs) {
    const value = inputValue(input, Object.hasOwn(raw, input.name) ? raw[input.name] : undefined);
    if (typeof value === 'string') issues.push({ path: `inputs.${input.name}`, message: value });
    else values.set(input.name, value);
  }
  for (const name of Object.keys(raw)) {
    if (!calculator.formula.inputs.has(name)) issues.push({ path: `inputs.${name}`, message: 'not an input' });
  }
  if (issues.length > 0) throw new ApiError(422, 'invalid_input', 'Invalid calculator inputs', issues);
  return values;
}

/** Formats the number for the text in the participant's language (a decimal comma in Russian). */
export function formatResult(value: number, digits: number, language: ContentLanguage): string {
  return new Intl.NumberFormat(language === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: digits }).format(value);
}

/**
 * 422 `calculation_failed` naming the inputs whose values the formula could not compute with (the divisor that was 0),
 * so the participant knows which answer to change; `inputs` as a whole when no one input is to blame.
 */
function calculationFailed(message: string, blamed: readonly string[]): ApiError {
  const paths = blamed.length > 0 ? blamed.map((name) => `inputs.${name}`) : ['inputs'];
  return new ApiError(
    422,
    'calculation_failed',
    message,
    paths.map((path) => ({ path, message })),
  );
}

/**
 * Checks the inputs and computes the result; a value the formula cannot produce (division by zero, too large) is a
 * 422 `calculation_failed` naming the inputs to blame, never a 500.
 * @example calculate(calculator, { area: 50, floor: 3 }, 'ru')
 */
export function calculate(calculator: Calculator, raw: RawInputs, language: ContentLanguage): CalculationResult {
  const values = readInputs(calculator, raw);
  let value: number;
  try {
    value = evaluateFormula(calculator.formula, values);
  } catch (e) {
    if (e instanceof FormulaError) throw calculationFailed(e.message, e.inputs ?? []);
    throw e;
  }
  const { resultDigits, resultText } = calculator.config;
  const result = roundHalfAway(value, resultDigits);
  // Never a result that is not a number (it was answered as "не число" and stored with a lead as null).
  if (!Number.isFinite(result)) throw calculationFailed('The result is too large or not a number', [...values.keys()]);
  const text = resolveText(resultText, language).replaceAll('{result}', formatResult(result, resultDigits, language));
  return { inputs: Object.fromEntries(values), result, text };
}
