/** The prize calendar's office calls; types from the server's route schemas (type-only: no server code in the bundle). */
import type { z } from 'zod';
import type { GenerateSchema } from '../../../server/promo/calendar/calendar.routes.ts';
import type { ApiClient } from '../../api/client.ts';

export type GenerateRequest = z.input<typeof GenerateSchema>;

export interface CalendarDay {
  day: string;
  moments: number;
  won: number;
  waiting: number;
  upcoming: number;
  rolledIn: number;
}

export interface PrizeCalendar {
  mode: 'odds' | 'calendar';
  timeZone: string;
  startsAt: number;
  endsAt: number;
  prizes: { key: string; title: string; moments: number; won: number }[];
  days: CalendarDay[];
  moments: { id: number; rewardKey: string; at: number; day: string; state: 'upcoming' | 'waiting' | 'won' }[];
  truncated: boolean;
}

export function calendarApi(api: ApiClient, campaignId: number) {
  const base = `/api/admin/campaigns/${campaignId}/calendar`;
  return {
    load: () => api.request<PrizeCalendar>('GET', base),
    /** `clientKey`: this request's key, the same on a retry (api/client-key.ts), so a double click draws once. */
    generate: (body: GenerateRequest & { clientKey: string }) =>
      api.request<{ created: number }>('POST', `${base}/generate`, body),
    importCsv: (csv: string) => api.request<{ imported: number }>('POST', `${base}/import`, { csv }),
    deleteFuture: () => api.request<{ deleted: number }>('DELETE', `${base}/moments`),
  };
}
