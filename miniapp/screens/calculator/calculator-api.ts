/**
 * The participant's calculator calls (`/api/campaigns/{id}/calculator/…`): open, calculate on the server, send the
 * lead. Types come from the server's zod schemas as type-only imports, so no server code reaches the bundle.
 */
import type { z } from 'zod';
import type { CalculationSchema, ParticipantCalculatorSchema } from '../../../server/calculator/calculator.routes.ts';
import type { LeadBodySchema } from '../../../server/leads/lead.routes.ts';
import type { ApiClient } from '../../api/client.ts';

export type CalculatorView = z.infer<typeof ParticipantCalculatorSchema>;
export type CalculatorInputView = CalculatorView['inputs'][number];
export type Calculation = z.infer<typeof CalculationSchema>;
export type LeadBody = z.input<typeof LeadBodySchema>;
/** Input values by name, as the server reads them: numbers, booleans for yes/no. */
export type CalculatorValues = Record<string, number | boolean>;

/** The lead route's answer (its schema is inline in server/leads/lead.routes.ts). */
export interface LeadReceipt {
  key: string;
  result: number;
  phoneVerified: boolean;
  emailVerified: boolean;
  /** This participant had sent a lead before: the first one is answered, nothing new stored. */
  already: boolean;
}

export interface CalculatorApi {
  open(campaignId: number): Promise<CalculatorView>;
  calculate(campaignId: number, inputs: CalculatorValues): Promise<Calculation>;
  sendLead(campaignId: number, body: LeadBody): Promise<LeadReceipt>;
}

export function calculatorApi(api: Pick<ApiClient, 'request'>): CalculatorApi {
  const base = (id: number) => `/api/campaigns/${id}/calculator`;
  return {
    open: (id) => api.request('POST', `${base(id)}/open`),
    calculate: (id, inputs) => api.request('POST', `${base(id)}/calculate`, { inputs }),
    sendLead: (id, body) => api.request('POST', `${base(id)}/lead`, body),
  };
}
