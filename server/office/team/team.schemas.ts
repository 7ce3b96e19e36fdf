/** @module The team API's shapes (OpenAPI components), shared by the routes and the office client's types. */
import { z } from '@hono/zod-openapi';
import { LAUNCH_NEEDS_CAMPAIGNS, launchWithoutCampaigns } from '../../auth/sections.ts';
import { MEMBERSHIP_ROLES } from '../../db/schema/organization.ts';
import { ClientKey } from '../../http/client-key.ts';
import { PersonSchema } from '../../http/person-schema.ts';
import { rowId } from '../../http/row-id.ts';
import { someFieldGiven } from '../../http/some-field-given.ts';
import { TEAM_SECTIONS } from './team-authority.ts';

const PLATFORMS = ['vk', 'ok', 'telegram'] as const;
const id = () => z.number().int().positive();

export const SectionSchema = z.enum(TEAM_SECTIONS).openapi('TeamSection');
export const RoleSchema = z.enum(MEMBERSHIP_ROLES).openapi('TeamRole');
/** The sections ticked for a member or an invitation: `launch` only beside `campaigns` (422 on `sections` otherwise). */
const GrantedSections = z
  .array(SectionSchema)
  .max(TEAM_SECTIONS.length)
  .refine((s) => !launchWithoutCampaigns(s), LAUNCH_NEEDS_CAMPAIGNS);

export const MemberSchema = z
  .object({
    id: z.number().int(),
    platform: z.enum(PLATFORMS),
    userId: z.string(),
    vkProfileId: z.number().int().nullable(),
    profileUrl: z.string().nullable().openapi({ description: "The member's profile page (VK only), else null" }),
    role: RoleSchema,
    sections: z.array(z.string()),
    scope: z.enum(['agency', 'brand']),
    brandId: z.number().int().nullable(),
    brandName: z.string().nullable(),
    managedBrands: z.array(z.object({ id: z.number().int(), name: z.string() })).nullable(),
    brandRoleBrands: z.array(z.number().int()).openapi({
      description: 'For an agency manager: brands where they hold a brand role, which their coverage cannot take in',
    }),
    since: z.number().int(),
    editable: z.boolean(),
    /** Whether the caller may remove this row: an agency manager's is the agency owner's to remove, by any route. */
    removable: z.boolean(),
  })
  .openapi('TeamMember');
export const TeamSchema = z.object({ members: z.array(MemberSchema) }).openapi('Team');
/** A brand's team with the roles the caller may give there (the office offers only those). */
export const BrandTeamSchema = TeamSchema.extend({ roles: z.array(RoleSchema) }).openapi('BrandTeam');

/** A brand, or with `brandId: null` the agency as a whole (then `agencyId` is required). */
const Target = {
  brandId: rowId().nullable(),
  agencyId: rowId().optional(),
};

export const NewMemberSchema = z
  .object({
    ...Target,
    vkUserId: id().max(2 ** 53),
    role: RoleSchema,
    sections: GrantedSections,
  })
  .openapi('NewTeamMember');

export const MemberChangeSchema = z
  .object({ role: RoleSchema.optional(), sections: GrantedSections.optional() })
  .superRefine(someFieldGiven(['role', 'sections'], 'Change the role, the sections or both'))
  .openapi('TeamMemberChange');

/** An agency manager's coverage: null for every brand of the agency, else the chosen brands (at least one). */
export const ManagerBrandsSchema = z
  .object({ brandIds: z.array(rowId()).min(1).max(500).nullable() })
  .openapi('ManagerBrands');

export const InvitationSchema = z
  .object({
    id: z.number().int(),
    agencyId: z.number().int(),
    brandId: z.number().int().nullable(),
    role: RoleSchema,
    sections: z.array(z.string()),
    platform: z.enum(PLATFORMS),
    boundUserId: z.string().nullable(),
    status: z.enum(['pending', 'used', 'revoked', 'expired']),
    expiresAt: z.number().int(),
    createdAt: z.number().int(),
    createdBy: PersonSchema,
    usedAt: z.number().int().nullable(),
    /** Who accepted it (on the invitation's platform: another platform's launch is refused). */
    usedBy: PersonSchema.nullable(),
    revokedAt: z.number().int().nullable(),
  })
  .openapi('Invitation');

export const CreatedInvitationSchema = InvitationSchema.extend({
  token: z.string(),
  hash: z.string(),
  url: z.string().nullable(),
  text: z.string(),
}).openapi('CreatedInvitation');

export const NewInvitationSchema = z
  .object({
    ...Target,
    role: RoleSchema,
    sections: GrantedSections,
    platform: z.enum(PLATFORMS).default('vk'),
    vkUserId: id()
      .max(2 ** 53)
      .optional(),
    /** From one hour to 30 days; three days unless told. */
    expiresInHours: z.number().int().min(1).max(720).default(72),
    /** One per composed invitation: sent again, the invitation and link it made (invitation-keys.ts). */
    clientKey: ClientKey.optional(),
  })
  .openapi('NewInvitation');

export const InvitationPreviewSchema = z
  .object({
    agencyName: z.string(),
    brandName: z.string().nullable(),
    role: RoleSchema,
    sections: z.array(z.string()),
    expiresAt: z.number().int(),
    problem: z.string().nullable(),
  })
  .openapi('InvitationPreview');

export const TokenParams = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .openapi({ param: { name: 'token', in: 'path' } }),
});
