/**
 * The office's catalogue calls (`/api/admin/campaigns/{id}/offers`, section `campaigns`, server/catalogue/
 * catalogue-office.routes.ts): import a feed (the answer is the import report) and list the offers with their status.
 */
import type { z } from 'zod';
import type { ImportReportSchema, OfficeOfferSchema } from '../../../server/catalogue/catalogue-office.routes.ts';
import type { ApiClient } from '../../api/client.ts';

export type ImportReport = z.infer<typeof ImportReportSchema>;
export type ImportFormat = ImportReport['format'];
export type ImportIssue = ImportReport['issues'][number];
export type OfficeOffer = z.infer<typeof OfficeOfferSchema>;
export type OfferStatus = OfficeOffer['status'];

export interface OfficeCatalogue {
  offers: OfficeOffer[];
  categories: { externalId: string; name: string }[];
  total: number;
}

export function offersOfficeApi(api: Pick<ApiClient, 'request'>, campaignId: number) {
  const base = `/api/admin/campaigns/${campaignId}/offers`;
  return {
    list: () => api.request<OfficeCatalogue>('GET', base),
    importFeed: (body: { format: ImportFormat; content: string }) =>
      api.request<ImportReport>('POST', `${base}/import`, body),
  };
}
export type OffersOfficeApi = ReturnType<typeof offersOfficeApi>;
