/**
 * The calculator's inputs on the client: their starting values, what is sent to the server (which alone checks and
 * computes), and the server's per-input refusals (`issues` with `path: inputs.<name>`) turned into messages in the
 * participant's language, worded from the input's own settings.
 */
import { ApiRequestError } from '../../api/client.ts';
import { fill } from '../../i18n-fill.ts';
import { type Language, numberFormat } from '../../intl-formats.ts';
import type { CalculatorInputView, CalculatorValues, CalculatorView } from './calculator-api.ts';
import type { CalculatorMessages } from './i18n-calculator.ts';

/** What the fields hold: a number field keeps the text being typed. */
export type FieldValues = Record<string, string | number | boolean>;

export function initialValues(view: CalculatorView): FieldValues {
  const values: FieldValues = {};
  for (const input of view.inputs) {
    switch (input.kind) {
      case 'number':
        values[input.name] = String(input.default ?? input.min);
        break;
      case 'slider':
        values[input.name] = input.default ?? input.min;
        break;
      case 'select':
        values[input.name] = input.options[0]?.value ?? 0;
        break;
      case 'yes_no':
        values[input.name] = input.default;
        break;
    }
  }
  return values;
}

/** The typed text as a number (a decimal comma accepted), or undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.').replace(/\s/g, '');
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

/** The values the server reads; a number field that holds no number is left out, so the server names it. */
export function toInputs(view: CalculatorView, values: FieldValues): CalculatorValues {
  const inputs: CalculatorValues = {};
  for (const input of view.inputs) {
    const value = values[input.name];
    if (input.kind === 'yes_no') inputs[input.name] = value === true;
    else if (typeof value === 'number') inputs[input.name] = value;
    else if (typeof value === 'string') {
      const n = parseNumber(value);
      if (n !== undefined) inputs[input.name] = n;
    }
  }
  return inputs;
}

/**
 * A number as the participant reads it, grouped ("1 000 000", not "1000000": found from outside) with at most `digits`
 * decimals, by the shared formatter (intl-formats.ts): the result in the lead's receipt, as the server writes it in the
 * result text (server/calculator/calculation.ts), and an input's bounds.
 * @example calculatorNumber(1234.5, 2, 'ru') // '1 234,5'
 */
export function calculatorNumber(value: number, digits: number, language: Language): string {
  return numberFormat(language, { maximumFractionDigits: digits }).format(value);
}

function messageFor(input: CalculatorInputView, t: CalculatorMessages, language: Language): string {
  switch (input.kind) {
    case 'number': {
      const n = (value: number) => calculatorNumber(value, 6, language);
      return fill(t.fieldRange, { min: n(input.min), max: n(input.max) });
    }
    case 'slider':
      return fill(t.fieldStep, { step: input.step });
    case 'select':
      return t.fieldOption;
    case 'yes_no':
      return t.fieldRequired;
  }
}

/** The server's refusal of inputs as one message per input name; undefined when it is not about inputs. */
export function inputErrors(
  view: CalculatorView,
  error: unknown,
  t: CalculatorMessages,
  language: Language,
): Record<string, string> | undefined {
  if (!(error instanceof ApiRequestError) || error.code !== 'invalid_input') return undefined;
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.replace(/^inputs\./, '');
    const input = view.inputs.find((i) => i.name === name);
    if (input) errors[name] = messageFor(input, t, language);
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}
