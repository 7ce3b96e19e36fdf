/** The office's calls to the beta test routes (server/office/beta/beta.routes.ts). */
import type { ApiClient } from '../../api/client.ts';

export interface BetaGroup {
  status: string;
  open: boolean;
  testers: {
    id: number;
    platform: string;
    userId: string;
    /** The tester's profile page where the platform has one, from the server (server/profile-url.ts). */
    profileUrl: string | null;
    source: 'office' | 'link';
    addedAt: number;
  }[];
  link: { token: string; hash: string; url: string | null; createdAt: number } | null;
}

const base = (campaignId: number) => `/api/admin/campaigns/${campaignId}/testers`;

export const betaGroup = (api: ApiClient, campaignId: number) => api.request<BetaGroup>('GET', base(campaignId));
export const addTester = (api: ApiClient, campaignId: number, vkUserId: number) =>
  api.request('POST', base(campaignId), { vkUserId });
export const removeTester = (api: ApiClient, campaignId: number, testerId: number) =>
  api.request('DELETE', `${base(campaignId)}/${testerId}`);
export const rotateLink = (api: ApiClient, campaignId: number) =>
  api.request('POST', `/api/admin/campaigns/${campaignId}/tester-link`);
export const revokeLink = (api: ApiClient, campaignId: number) =>
  api.request('DELETE', `/api/admin/campaigns/${campaignId}/tester-link`);
