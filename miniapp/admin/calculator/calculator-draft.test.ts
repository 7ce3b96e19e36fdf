import { describe, expect, it } from 'vitest';
import { participantView } from '../../../server/calculator/participant-view.ts';
import { ApiRequestError } from '../../api/client.ts';
import {
  addInput,
  configIssues,
  formulaProblem,
  forPreview,
  inputOfKind,
  missingLanguage,
  moveInput,
  NEW_CALCULATOR,
  removeInput,
} from './calculator-draft.ts';

describe('calculator editor draft', () => {
  it('item 3: inputs are added, reordered, removed and switched to another kind keeping name and label', () => {
    const two = addInput(NEW_CALCULATOR);
    expect(two.inputs.map((i) => i.name)).toEqual(['area', 'x2']);
    const moved = moveInput(two, 1, -1);
    expect(moved.inputs.map((i) => i.name)).toEqual(['x2', 'area']);
    expect(moveInput(moved, 0, -1)).toBe(moved);
    expect(removeInput(moved, 0).inputs.map((i) => i.name)).toEqual(['area']);
    const select = inputOfKind('select', { name: 'home', label: { ru: 'Жильё', en: 'Home' } });
    expect(select).toMatchObject({ name: 'home', kind: 'select', label: { ru: 'Жильё', en: 'Home' } });
    expect(select.kind === 'select' && select.options.length).toBe(2);
  });

  it('item 3: the preview shows what a participant would see, in the chosen language, with missing texts marked', () => {
    const config = {
      ...NEW_CALCULATOR,
      inputs: [
        ...NEW_CALCULATOR.inputs,
        { name: 'gas', kind: 'yes_no' as const, label: { ru: 'Газовая плита', en: '' } },
      ],
    };
    const en = participantView(config, 'en');
    expect(en.inputs.map((i) => i.label)).toEqual(['Area, m²', 'Газовая плита']);
    expect(en.inputs[1]).toMatchObject({ kind: 'yes_no', default: false });
    expect(en.lead.consentText).toBe('I agree to the processing of my personal data');
    expect(missingLanguage(config.inputs[1]?.label ?? '')).toBe('en');
    expect(missingLanguage({ ru: 'a', en: 'b' })).toBeNull();
    // An empty policy link does not stop the preview; the save checks it.
    expect(forPreview(NEW_CALCULATOR, 'https://office.test').lead.policyUrl).toBe('https://office.test/privacy');
  });

  it("item 3: the server's formula error keeps its position; configuration issues keep their path", () => {
    const refusal = new ApiRequestError(422, 'invalid_formula', 'Unknown name', {
      issues: [{ path: 'formula', message: 'Unknown name', code: 'formula_unknown_name', params: { position: 15 } }],
    });
    expect(formulaProblem(refusal)).toEqual({ code: 'formula_unknown_name', message: 'Unknown name', position: 15 });
    const invalid = new ApiRequestError(422, 'invalid_input', 'x', {
      issues: [
        { path: 'inputs.0.max', message: 'max is below min' },
        { path: 'inputs.area', message: 'required' },
        { path: 'lead.policyUrl', message: 'Invalid URL' },
      ],
    });
    expect(formulaProblem(invalid)).toBeUndefined();
    expect(configIssues(invalid)).toEqual([
      { path: 'inputs.0.max', message: 'max is below min' },
      { path: 'lead.policyUrl', message: 'Invalid URL' },
    ]);
  });
});
