/** The office's calls to the beta test routes (server/office/beta/beta.routes.ts). */
import type { z } from 'zod';
import type { BetaGroupSchema } from '../../../server/office/beta/beta.routes.ts';
import type { ApiClient } from '../../api/client.ts';

/** The test group; its shape is the route's (server/office/beta/beta.routes.ts). */
export type BetaGroup = z.infer<typeof BetaGroupSchema>;

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
