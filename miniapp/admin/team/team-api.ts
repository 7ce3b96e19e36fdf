/** The office's calls to the team and invitation routes (server/office/team/); types from the server's schemas. */

import type { z } from 'zod';
import { BRAND_SECTIONS } from '../../../server/auth/sections.ts';
import type {
  CreatedInvitationSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  MemberSchema,
} from '../../../server/office/team/team.schemas.ts';
import type { ApiClient } from '../../api/client.ts';

export type TeamMember = z.infer<typeof MemberSchema>;
export type Invitation = z.infer<typeof InvitationSchema>;
export type CreatedInvitation = z.infer<typeof CreatedInvitationSchema>;
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;
export type Role = TeamMember['role'];

/** The sections a membership can hold, in the order the checkboxes show them. */
export const SECTIONS = BRAND_SECTIONS;

const base = '/api/admin/team';
type Api = Pick<ApiClient, 'request'>;

export const teamApi = (api: Api) => ({
  team: (brandId: number) => api.request<{ members: TeamMember[]; roles: Role[] }>('GET', `${base}?brandId=${brandId}`),
  add: (body: { brandId: number; vkUserId: number; role: Role; sections: string[] }) =>
    api.request<TeamMember>('POST', `${base}/members`, body),
  update: (id: number, body: { role?: Role; sections?: string[] }) =>
    api.request<TeamMember>('PATCH', `${base}/members/${id}`, body),
  remove: (id: number) => api.request<void>('DELETE', `${base}/members/${id}`),
  invitations: (brandId: number) =>
    api.request<{ invitations: Invitation[] }>('GET', `${base}/invitations?brandId=${brandId}`),
  invite: (body: { brandId: number; role: Role; sections: string[]; expiresInHours: number; clientKey: string }) =>
    api.request<CreatedInvitation>('POST', `${base}/invitations`, body),
  revoke: (id: number) => api.request<Invitation>('DELETE', `${base}/invitations/${id}`),
  /** The agency's whole team, its agency-wide invitations, inviting and adding to the agency as a whole. */
  agencyTeam: (agencyId: number) =>
    api.request<{ members: TeamMember[] }>('GET', `${base}/agency?agencyId=${agencyId}`),
  agencyInvitations: (agencyId: number) =>
    api.request<{ invitations: Invitation[] }>('GET', `${base}/invitations?agencyId=${agencyId}`),
  inviteToAgency: (body: {
    agencyId: number;
    role: Role;
    sections: string[];
    expiresInHours: number;
    clientKey: string;
  }) => api.request<CreatedInvitation>('POST', `${base}/invitations`, { brandId: null, ...body }),
  addToAgency: (body: { agencyId: number; vkUserId: number; role: Role; sections: string[] }) =>
    api.request<TeamMember>('POST', `${base}/members`, { brandId: null, ...body }),
  /** An agency manager's brands: null for all of the agency's. */
  managerBrands: (id: number, brandIds: number[] | null) =>
    api.request<{ members: TeamMember[] }>('PUT', `${base}/members/${id}/brands`, { brandIds }),
  /** An agency manager out of every brand they cover, in one transaction (agency owners only). */
  removeManager: (id: number) => api.request<void>('DELETE', `${base}/members/${id}/brands`),
});

export const invitationApi = (api: Api) => ({
  preview: (token: string) => api.request<InvitationPreview>('GET', `/api/office/invitations/${token}`),
  accept: (token: string) =>
    api.request<{ membershipId: number; brandId: number | null }>('POST', `/api/office/invitations/${token}/accept`),
});
