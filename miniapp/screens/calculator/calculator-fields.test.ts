import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../api/client.ts';
import type { CalculatorView } from './calculator-api.ts';
import { initialValues, inputErrors, parseNumber, toInputs } from './calculator-fields.ts';
import { calculatorEn, calculatorRu } from './i18n-calculator.ts';

const view: CalculatorView = {
  inputs: [
    { name: 'area', kind: 'number', label: 'Area', min: 10, max: 500, default: 50 },
    {
      name: 'price',
      kind: 'select',
      label: 'Home',
      options: [
        { value: 12.5, label: 'Flat' },
        { value: 20, label: 'House' },
      ],
    },
    { name: 'gas', kind: 'yes_no', label: 'Gas', default: false },
    { name: 'months', kind: 'slider', label: 'Months', min: 1, max: 12, step: 1, default: null },
  ],
  resultDigits: 2,
  lead: { policyUrl: 'https://brand.example/privacy', consentText: 'I agree', consentVersion: 'v1' },
};

describe('calculator fields', () => {
  it('item 1: every input kind starts from its default and is sent as the server reads it', () => {
    const values = initialValues(view);
    expect(values).toEqual({ area: '50', price: 12.5, gas: false, months: 1 });
    expect(toInputs(view, { ...values, area: ' 54,5 ', gas: true })).toEqual({
      area: 54.5,
      price: 12.5,
      gas: true,
      months: 1,
    });
    // A number field without a number is left out, so the server names it rather than the client guessing.
    expect(toInputs(view, { ...values, area: 'abc' })).not.toHaveProperty('area');
    expect(parseNumber('')).toBeUndefined();
    expect(parseNumber('1e400')).toBeUndefined();
  });

  it("item 1: the server's refusal is shown under the input it names, in the participant's language", () => {
    const refusal = new ApiRequestError(422, 'invalid_input', 'Invalid calculator inputs', {
      issues: [
        { path: 'inputs.area', message: 'must be from 10 to 500' },
        { path: 'inputs.months', message: 'must be on a step of 1' },
        { path: 'inputs.constructor', message: 'not an input' },
      ],
    });
    expect(inputErrors(view, refusal, calculatorRu, 'ru')).toEqual({
      area: 'Введите число от 10 до 500',
      months: 'Выберите значение с шагом 1',
    });
    expect(inputErrors(view, refusal, calculatorEn, 'en')?.area).toBe('Enter a number from 10 to 500');
    // Large bounds are grouped as each language writes numbers (they read "-1000000000000000", found from outside).
    const wide = { ...view, inputs: view.inputs.map((i) => (i.name === 'area' ? { ...i, min: -1e15, max: 1e15 } : i)) };
    expect(inputErrors(wide as typeof view, refusal, calculatorEn, 'en')?.area).toBe(
      'Enter a number from -1,000,000,000,000,000 to 1,000,000,000,000,000',
    );
    expect(inputErrors(wide as typeof view, refusal, calculatorRu, 'ru')?.area?.replace(/\s/g, ' ')).toBe(
      'Введите число от -1 000 000 000 000 000 до 1 000 000 000 000 000',
    );
    // Not about inputs: left to the screen's general error line.
    expect(inputErrors(view, new ApiRequestError(422, 'calculation_failed', 'x'), calculatorEn, 'en')).toBeUndefined();
  });
});
