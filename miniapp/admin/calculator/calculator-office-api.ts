/**
 * The office's calculator calls (`/api/admin/campaigns/{id}/calculator`, section `campaigns`): read, save, and the
 * live preview's compute with the configuration as it is now (nothing stored).
 */
import type { z } from 'zod';
import type { CalculatorConfigSchema } from '../../../server/calculator/calculator-config.ts';
import type { ApiClient } from '../../api/client.ts';
import type { Calculation, CalculatorValues } from '../../screens/calculator/calculator-api.ts';

/** A configuration as the editor holds and sends it (before the server's defaults are applied). */
export type CalculatorConfig = z.input<typeof CalculatorConfigSchema>;
export type CalculatorInputConfig = CalculatorConfig['inputs'][number];
export type InputKind = CalculatorInputConfig['kind'];

/** The configuration as saved (null: none yet) and `savedAt`, the copy a save names (server/office/one-save-per-copy.ts). */
export interface SavedCalculator {
  config: CalculatorConfig | null;
  savedAt: number | null;
}

export function calculatorOfficeApi(api: Pick<ApiClient, 'request'>, campaignId: number) {
  const base = `/api/admin/campaigns/${campaignId}/calculator`;
  return {
    get: () => api.request<SavedCalculator>('GET', base),
    /** Saves on the copy read as `savedAt` (refused as `saved_meanwhile` if someone saved it since). */
    save: (config: CalculatorConfig, savedAt: number | null) =>
      api.request<SavedCalculator & { config: CalculatorConfig }>('PUT', base, { config, savedAt }),
    preview: (config: CalculatorConfig, inputs: CalculatorValues) =>
      api.request<Calculation>('POST', `${base}/preview`, { config, inputs }),
  };
}
export type CalculatorOfficeApi = ReturnType<typeof calculatorOfficeApi>;
