/**
 * @module What a participant's calculator screen shows (no formula: the server computes). One projection for both
 * places that draw it: the participant's screen (calculator.service.ts) and the office's live preview of a
 * configuration not saved yet (miniapp/admin/calculator/), so the preview cannot drift from what participants get.
 * Pure, and free of zod at run time (types only): no database, no HTTP, so the office's bundle can carry it.
 */
import type { z } from '@hono/zod-openapi';
import type { ContentLanguage } from '../campaigns/content-language.ts';
import { resolveText } from '../campaigns/resolve-text.ts';
import type { CalculatorConfigSchema } from './calculator-config.ts';

/** A configuration as saved, or as the editor holds it before the schema's defaults (`resultDigits` may be absent). */
type ConfigLike = z.input<typeof CalculatorConfigSchema>;

export type ParticipantInputView =
  | { name: string; kind: 'number'; label: string; min: number; max: number; default: number | null }
  | { name: string; kind: 'slider'; label: string; min: number; max: number; step: number; default: number | null }
  | { name: string; kind: 'select'; label: string; options: { value: number; label: string }[] }
  | { name: string; kind: 'yes_no'; label: string; default: boolean };

export interface ParticipantCalculatorView {
  inputs: ParticipantInputView[];
  resultDigits: number;
  lead: { policyUrl: string; consentText: string; consentVersion: string };
}

function inputView(input: ConfigLike['inputs'][number], language: ContentLanguage): ParticipantInputView {
  const { name } = input;
  const label = resolveText(input.label, language);
  switch (input.kind) {
    case 'number':
      return { name, kind: 'number', label, min: input.min, max: input.max, default: input.default ?? null };
    case 'slider':
      return {
        name,
        kind: 'slider',
        label,
        min: input.min,
        max: input.max,
        step: input.step,
        default: input.default ?? null,
      };
    case 'select':
      return {
        name,
        kind: 'select',
        label,
        options: input.options.map((o) => ({ value: o.value, label: resolveText(o.label, language) })),
      };
    case 'yes_no':
      return { name, kind: 'yes_no', label, default: input.default ?? false };
  }
}

/**
 * The participant's view of `config` in `language` (texts by the fallback rule: the language asked, then Russian).
 * @example participantView(calculator.config, 'en').inputs[0]?.label // 'Area, m²'
 */
export function participantView(config: ConfigLike, language: ContentLanguage): ParticipantCalculatorView {
  return {
    inputs: config.inputs.map((input) => inputView(input, language)),
    resultDigits: config.resultDigits ?? 0,
    lead: {
      policyUrl: config.lead.policyUrl,
      consentText: resolveText(config.lead.consentText, language),
      consentVersion: config.lead.consentVersion,
    },
  };
}
