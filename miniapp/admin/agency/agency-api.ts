/** The office's calls to the agency API (server/office/agency/agency.routes.ts); shapes from its schemas. */
import type { z } from 'zod';
import type { AgencyBrandSchema, AgencySettingsSchema } from '../../../server/office/agency/agency.schemas.ts';
import type { ApiClient } from '../../api/client.ts';

export type AgencyBrand = z.infer<typeof AgencyBrandSchema>;
export type AgencySettings = z.infer<typeof AgencySettingsSchema>;

const base = '/api/admin/agency';

export function agencyApi(api: Pick<ApiClient, 'request'>) {
  const r = api.request;
  return {
    brands: async () => (await r<{ brands: AgencyBrand[] }>('GET', `${base}/brands`)).brands,
    brand: (id: number) => r<AgencyBrand>('GET', `${base}/brands/${id}`),
    /** `clientKey`: this new brand's key, the same on a retry (api/client-key.ts), so a double click makes one. */
    createBrand: (agencyId: number, name: string, clientKey: string) =>
      r<AgencyBrand>('POST', `${base}/brands`, { agencyId, name, clientKey }),
    /** Renames the copy read as `savedAt` (its `updatedAt`); 409 `saved_meanwhile` if someone renamed it since. */
    renameBrand: (id: number, body: { name: string; savedAt: number }) =>
      r<AgencyBrand>('PATCH', `${base}/brands/${id}`, body),
    switchBrand: (id: number, off: boolean) =>
      r<AgencyBrand>('POST', `${base}/brands/${id}/${off ? 'switch-off' : 'switch-on'}`),
    connectCommunity: (id: number, body: { vkGroupId: number; name: string; token?: string }) =>
      r<AgencyBrand>('POST', `${base}/brands/${id}/communities`, body),
    /**
     * Edits the copy read as `savedAt` (its `updatedAt`); 409 `saved_meanwhile` if someone saved it since. The
     * callback secret goes in and never comes back (decision 084).
     */
    editCommunity: (
      id: number,
      communityId: number,
      body: {
        name?: string;
        token?: string;
        callbackConfirmation?: string;
        callbackSecret?: string;
        savedAt: number;
      },
    ) => r<AgencyBrand>('PATCH', `${base}/brands/${id}/communities/${communityId}`, body),
    connectApp: (id: number, body: Record<string, string | number>) =>
      r<AgencyBrand>('POST', `${base}/brands/${id}/apps`, body),
    /** Edits the copy read as `savedAt` (its `updatedAt`); 409 `saved_meanwhile` if someone saved it since. */
    editApp: (id: number, appId: number, body: Record<string, string | number> & { savedAt: number }) =>
      r<AgencyBrand>('PATCH', `${base}/brands/${id}/apps/${appId}`, body),
    settings: (agencyId: number) => r<AgencySettings>('GET', `${base}/settings?agencyId=${agencyId}`),
    /** Saves over the copy read as `savedAt` (its `updatedAt`); 409 `saved_meanwhile` if someone saved it since. */
    saveSettings: (
      agencyId: number,
      body: { name?: string; logoUrl?: string | null; accent?: string | null; savedAt: number },
    ) => r<AgencySettings>('PATCH', `${base}/settings`, { agencyId, ...body }),
    setCommunityClaim: (agencyId: number, allow: boolean) =>
      r<{ agencyId: number; allowCommunityAdminClaim: boolean }>(
        'PUT',
        `/api/admin/team/agency/${agencyId}/community-claim`,
        { allow },
      ),
  };
}
