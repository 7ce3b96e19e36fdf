/** The office's draw calls (`/api/admin/campaigns/{id}/draw…`), typed from the server's schemas (type-only). */
import type { z } from 'zod';
import type {
  AnnouncementSchema,
  OfficeDrawSchema,
  OfficeEntrantsSchema,
  VerificationSchema,
} from '../../../server/promo/draw/draw.schemas.ts';
import type { ApiClient } from '../../api/client.ts';
import type { OfficeCsv } from '../office-csv-download.ts';

export type OfficeDraw = z.infer<typeof OfficeDrawSchema>;
export type OfficePick = OfficeDraw['picks'][number];
export type Verification = z.infer<typeof VerificationSchema>;
export type Announcement = z.infer<typeof AnnouncementSchema>;
export type OfficeEntrants = z.infer<typeof OfficeEntrantsSchema>;
export type OfficeEntrant = OfficeEntrants['entrants'][number];

export function drawOfficeApi(api: ApiClient, campaignId: number) {
  const base = `/api/admin/campaigns/${campaignId}/draw`;
  return {
    view: () => api.request<OfficeDraw>('GET', base),
    run: () => api.request<OfficeDraw & { already: boolean }>('POST', base),
    verify: (pickId: number) => api.request<Verification>('POST', `${base}/picks/${pickId}/verify`),
    repick: (pickId: number, reason: string) =>
      api.request<OfficeDraw & { replacementPickId: number }>('POST', `${base}/picks/${pickId}/repick`, { reason }),
    announce: () => api.request<Announcement>('POST', `${base}/announce`),
    /** Every pick as CSV, for downloadOfficeCsv. */
    winnersCsv: {
      csvPath: `${base}/winners.csv`,
      linkPath: `${base}/winners.csv/download-link`,
      fileName: `draw-${campaignId}-winners.csv`,
    } satisfies OfficeCsv,
    entrants: () => api.request<OfficeEntrants>('GET', `${base}/entrants`),
    exclude: (participantId: number, reason: string) =>
      api.request<OfficeEntrants>('POST', `${base}/exclusions`, { participantId, reason }),
    include: (participantId: number) => api.request<OfficeEntrants>('DELETE', `${base}/exclusions/${participantId}`),
  };
}
export type DrawOfficeApi = ReturnType<typeof drawOfficeApi>;
