/** The participant's catalogue calls (server/catalogue/catalogue.routes.ts), over the app's one request function. */

import type { OfferView } from '../../../server/catalogue/catalogue.service.ts';
import type { ApiClient } from '../../api/client.ts';
import { numberFormat } from '../../intl-formats.ts';

export type Offer = OfferView;

export interface Catalogue {
  messagesGroupId: number | null;
  /** Whether following a category can work here (the server decides from the verified launch). */
  categoryAlerts: boolean;
  categories: { id: string; name: string; count: number }[];
  regions: string[];
  offers: Offer[];
  total: number;
  subscribedCategories: string[];
}

export interface CatalogueFilter {
  q?: string;
  category?: string;
  region?: string;
}

export function catalogueApi(api: Pick<ApiClient, 'request'>) {
  const base = (id: number) => `/api/campaigns/${id}`;
  return {
    list: (campaignId: number, filter: CatalogueFilter) => {
      const query = new URLSearchParams(
        Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
      ).toString();
      return api.request<Catalogue>('GET', `${base(campaignId)}/offers${query ? `?${query}` : ''}`);
    },
    favourites: async (campaignId: number) =>
      (await api.request<{ offers: Offer[] }>('GET', `${base(campaignId)}/offer-favourites`)).offers,
    offer: (campaignId: number, offerId: number) =>
      api.request<Offer & { shareUrl: string | null }>('GET', `${base(campaignId)}/offers/${offerId}`),
    setFavourite: (campaignId: number, offerId: number, on: boolean) =>
      api.request<{ favourite: boolean }>(on ? 'PUT' : 'DELETE', `${base(campaignId)}/offers/${offerId}/favourite`),
    subscribe: (campaignId: number, categoryId: string, on: boolean) =>
      api.request<{ subscribed: boolean }>(
        on ? 'PUT' : 'DELETE',
        `${base(campaignId)}/offer-categories/${encodeURIComponent(categoryId)}/subscription`,
      ),
  };
}

/**
 * `30` → `−30 %` (ru, with the no-break space Russian typography puts there) / `−30%`: Intl's percent, as the office
 * writes a discount (admin/percent-text.ts); before, the participant read «−30%» where the office read «−30 %».
 */
export const formatDiscount = (percent: number, language: 'ru' | 'en'): string =>
  `−${numberFormat(language, { style: 'percent' }).format(percent / 100)}`;

/** `129990, 'RUB'` → `1 299,90 ₽` (prices are kept in minor units). */
export function formatPrice(minor: number, currency: string, language: 'ru' | 'en'): string {
  try {
    return numberFormat(language, { style: 'currency', currency }).format(minor / 100);
  } catch {
    return `${(minor / 100).toFixed(2)} ${currency}`;
  }
}
