/** The office's leads calls (`/api/admin/campaigns/{id}/leads…`, section `leads`). Types from the server's contract. */
import type { z } from 'zod';
import type { LEAD_STATUSES } from '../../../server/db/schema/calculator.ts';
import type { LeadDetailSchema, LeadSchema, WebhookSchema } from '../../../server/leads/lead-office.routes.ts';
import type { ApiClient } from '../../api/client.ts';
import type { OfficeCsv } from '../office-csv-download.ts';

export type Lead = z.infer<typeof LeadSchema>;
export type LeadDetail = z.infer<typeof LeadDetailSchema>;
export type LeadWebhook = z.infer<typeof WebhookSchema>;
export type LeadStatus = (typeof LEAD_STATUSES)[number];
/** The server's statuses in the order the inbox shows them (a type-only import of the server's tuple is erased). */
export const STATUSES: readonly LeadStatus[] = ['new', 'in_progress', 'converted', 'rejected'];

export function leadsApi(api: Pick<ApiClient, 'request'>, campaignId: number) {
  const base = `/api/admin/campaigns/${campaignId}`;
  return {
    list: async () => (await api.request<{ leads: Lead[] }>('GET', `${base}/leads`)).leads,
    get: (leadId: number) => api.request<LeadDetail>('GET', `${base}/leads/${leadId}`),
    setStatus: (leadId: number, status: LeadStatus) =>
      api.request<Lead>('PATCH', `${base}/leads/${leadId}`, { status }),
    /** Every lead as CSV, for downloadOfficeCsv. */
    csv: {
      csvPath: `${base}/leads.csv`,
      linkPath: `${base}/leads.csv/download-link`,
      fileName: `leads-${campaignId}.csv`,
    } satisfies OfficeCsv,
    webhook: () => api.request<LeadWebhook>('GET', `${base}/leads-webhook`),
    saveWebhook: (body: { url: string | null; secret?: string }) =>
      api.request<LeadWebhook>('PUT', `${base}/leads-webhook`, body),
  };
}
export type LeadsApi = ReturnType<typeof leadsApi>;
