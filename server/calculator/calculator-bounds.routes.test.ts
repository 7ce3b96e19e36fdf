/**
 * A calculator's texts have the bounds of every other settings text (content-bounds.ts): an input's or an option's
 * label at most MAX_LABEL_LENGTH characters per language, the result and consent texts MAX_SETTINGS_TEXT_LENGTH. One
 * past is a 422 naming the field and nothing is stored; at the bound the save goes through. Before, any length was
 * stored and sent to every participant who opened the calculator.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_LABEL_LENGTH, MAX_SETTINGS_TEXT_LENGTH } from '../campaigns/content-bounds.ts';
import { type CalculatorWorld, createCalculatorWorld, INSURANCE, OFFICE_USER } from './testing/calculator-world.ts';

let w: CalculatorWorld;
afterEach(() => w?.close());

const text = (n: number) => ({ ru: 'ж'.repeat(n), en: 'w'.repeat(n) });
const [area, price, ...rest] = INSURANCE.inputs;

const cases: { field: string; max: number; with: (n: number) => unknown }[] = [
  {
    field: 'inputs.0.label.ru',
    max: MAX_LABEL_LENGTH,
    with: (n) => ({ ...INSURANCE, inputs: [{ ...area, label: text(n) }, price, ...rest] }),
  },
  {
    field: 'inputs.1.options.0.label.ru',
    max: MAX_LABEL_LENGTH,
    with: (n) => ({
      ...INSURANCE,
      inputs: [
        area,
        { ...price, options: [{ value: 1, label: text(n) }, ...(price?.options ?? []).slice(1)] },
        ...rest,
      ],
    }),
  },
  { field: 'resultText.ru', max: MAX_SETTINGS_TEXT_LENGTH, with: (n) => ({ ...INSURANCE, resultText: text(n) }) },
  {
    field: 'lead.consentText.ru',
    max: MAX_SETTINGS_TEXT_LENGTH,
    with: (n) => ({ ...INSURANCE, lead: { ...INSURANCE.lead, consentText: text(n) } }),
  },
];

describe('a calculator text past its bound is refused, naming the field', () => {
  for (const c of cases) {
    it(`${c.field}: ${c.max + 1} characters → 422, nothing stored; ${c.max} saved`, async () => {
      w = await createCalculatorWorld();
      const past = await w.saveCalculator(c.with(c.max + 1));
      expect(past.status).toBe(422);
      const refusal = (await past.json()) as { error: { code: string; issues: { path: string }[] } };
      expect(refusal.error.code).toBe('invalid_input');
      expect(refusal.error.issues.map((i) => i.path)).toContain(c.field);
      const stored = await w.call('GET', `/api/admin/campaigns/${w.campaignId}/calculator`, OFFICE_USER);
      expect(((await stored.json()) as { config: unknown }).config).toBeNull();

      expect((await w.saveCalculator(c.with(c.max))).status).toBe(200);
    });
  }
});
