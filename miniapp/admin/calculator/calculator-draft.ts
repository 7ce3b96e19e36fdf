/**
 * The calculator editor's draft, as plain functions: a starting configuration, inputs added, removed, moved and
 * switched to another kind (keeping name and label), texts missing a language, the stand-in policy link the live
 * preview computes with, and the server's formula error with its position. What a participant would see with the
 * draft is the server's own projection (server/calculator/participant-view.ts), imported by the preview.
 */
import { ApiRequestError } from '../../api/client.ts';
import type { CalculatorConfig, CalculatorInputConfig, InputKind } from './calculator-office-api.ts';

export type Text = { ru: string; en: string };
export type AnyText = CalculatorInputConfig['label'];

export function asText(text: AnyText | undefined): Text {
  if (text === undefined) return { ru: '', en: '' };
  if (typeof text === 'string') return { ru: text, en: '' };
  return { ru: text.ru ?? '', en: text.en ?? '' };
}

/** One language filled and the other empty: the language that is missing. */
export function missingLanguage(text: AnyText): 'ru' | 'en' | null {
  const t = asText(text);
  if (t.ru && !t.en) return 'en';
  if (t.en && !t.ru) return 'ru';
  return null;
}

export const NEW_CALCULATOR: CalculatorConfig = {
  inputs: [
    { name: 'area', kind: 'number', label: { ru: 'Площадь, м²', en: 'Area, m²' }, min: 10, max: 500, default: 50 },
  ],
  formula: 'area * 100',
  resultText: { ru: 'Стоимость: {result} ₽', en: 'Cost: {result} RUB' },
  resultDigits: 0,
  lead: {
    policyUrl: '',
    consentText: {
      ru: 'Я согласен на обработку персональных данных',
      en: 'I agree to the processing of my personal data',
    },
    consentVersion: '1',
  },
};

/** A fresh input of `kind`, keeping the name and label of the one it replaces. */
export function inputOfKind(
  kind: InputKind,
  from: Pick<CalculatorInputConfig, 'name' | 'label'>,
): CalculatorInputConfig {
  const base = { name: from.name, label: from.label };
  switch (kind) {
    case 'number':
      return { ...base, kind, min: 0, max: 100, default: 0 };
    case 'slider':
      return { ...base, kind, min: 1, max: 10, step: 1, default: 1 };
    case 'select':
      return {
        ...base,
        kind,
        options: [
          { value: 1, label: { ru: 'Вариант 1', en: 'Option 1' } },
          { value: 2, label: { ru: 'Вариант 2', en: 'Option 2' } },
        ],
      };
    case 'yes_no':
      return { ...base, kind, default: false };
  }
}

/** A name not yet taken: `x1`, `x2`, … */
export function freeName(inputs: readonly { name: string }[]): string {
  for (let n = inputs.length + 1; ; n++) if (!inputs.some((i) => i.name === `x${n}`)) return `x${n}`;
}

export function addInput(config: CalculatorConfig): CalculatorConfig {
  const name = freeName(config.inputs);
  return {
    ...config,
    inputs: [...config.inputs, inputOfKind('number', { name, label: { ru: name, en: name } })],
  };
}

export function removeInput(config: CalculatorConfig, index: number): CalculatorConfig {
  return { ...config, inputs: config.inputs.filter((_, i) => i !== index) };
}

export function moveInput(config: CalculatorConfig, index: number, by: -1 | 1): CalculatorConfig {
  const to = index + by;
  if (to < 0 || to >= config.inputs.length) return config;
  const inputs = [...config.inputs];
  [inputs[index], inputs[to]] = [inputs[to] as CalculatorInputConfig, inputs[index] as CalculatorInputConfig];
  return { ...config, inputs };
}

export function replaceInput(config: CalculatorConfig, index: number, input: CalculatorInputConfig): CalculatorConfig {
  return { ...config, inputs: config.inputs.map((old, i) => (i === index ? input : old)) };
}

/**
 * The preview computes before the brand has typed the policy link; the check of that link is the save's, so the
 * preview is sent a stand-in for an empty one: a path on the office's own origin, because an external sample host
 * in the bundle is what the package checks refuse (no-external-resources).
 */
export function forPreview(config: CalculatorConfig, origin = location.origin): CalculatorConfig {
  return config.lead.policyUrl.trim()
    ? config
    : { ...config, lead: { ...config.lead, policyUrl: new URL('/privacy', origin).href } };
}

export interface FormulaProblem {
  /** The server's issue code, e.g. `formula_unknown_name`. */
  code: string;
  message: string;
  /** 0-based character offset in the formula, when the problem has a place. */
  position?: number;
}

/** The server's `invalid_formula` refusal as the problem under the formula field; undefined for anything else. */
export function formulaProblem(error: unknown): FormulaProblem | undefined {
  if (!(error instanceof ApiRequestError) || error.code !== 'invalid_formula') return undefined;
  const issue = error.issues.find((i) => i.path === 'formula');
  if (!issue) return { code: 'formula_syntax', message: error.message };
  const position = issue.params?.position;
  return {
    code: issue.code ?? 'formula_syntax',
    message: issue.message,
    ...(typeof position === 'number' ? { position } : {}),
  };
}

/** The configuration's other refusals (`invalid_input`) by path, e.g. `inputs.0.max` → 'max is below min'. */
export function configIssues(error: unknown): { path: string; message: string }[] {
  if (!(error instanceof ApiRequestError) || error.code !== 'invalid_input') return [];
  // `inputs.<name>` is about the preview's values, not the configuration (whose inputs are `inputs.<index>.…`).
  return error.issues
    .filter((i) => !/^inputs\.[A-Za-z_]/.test(i.path))
    .map((i) => ({ path: i.path, message: i.message }));
}
