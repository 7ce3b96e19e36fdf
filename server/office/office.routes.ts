/**
 * @module `GET /api/admin/office`: whether the caller may enter the brand office at all, and which brands and sections
 * they have there. The mini app asks this before it shows the office; anyone with no membership gets an empty list
 * and sees the not-found screen, so a participant learns nothing about the office from it — except a community admin
 * whose agency lets them claim their community's brand, who is offered that claim.
 */

import { z } from '@hono/zod-openapi';
import { and, eq, inArray } from 'drizzle-orm';
import { requireIdentity } from '../auth/middleware.ts';
import { managesBrand, reaches } from '../auth/permissions.ts';
import { BRAND_SECTIONS } from '../auth/sections.ts';
import { schema } from '../db/client.ts';
import { MEMBERSHIP_ROLES } from '../db/schema/organization.ts';
import { officeRoute } from '../http/office-route.ts';
import { newRouter } from '../http/router.ts';
import { authErrors, json, LAUNCH_AUTH } from '../http/schemas.ts';
import { canReadAudit } from './audit-log.ts';
import { canClaimCommunity } from './team/community-claim.ts';

const ALL_SECTIONS = BRAND_SECTIONS;

const AgencyAccessSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  logoUrl: z.string().nullable(),
  accent: z.string().nullable(),
  role: z.enum(MEMBERSHIP_ROLES),
  canManage: z.boolean(),
});

export const OfficeSchema = z
  .object({
    /**
     * Who the caller is to the office (`<platform>:<user id>`, from the verified launch or session): the mini app keeps a
     * member's unsaved office work on the device under it, so another member using the same device is not offered it.
     */
    member: z.string(),
    /** The brands the caller may open, each with its agency (whose white label its office shows) and sections. */
    brands: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        agencyId: z.number().int(),
        sections: z.array(z.string()),
        /**
         * Whether the brand has a VK app: a campaign runs in one, so the catalogue says before «Use» that a brand
         * without one cannot have a draft yet (the server still refuses it: `brand_without_app`, campaign-create.ts).
         */
        hasApp: z.boolean(),
        /** Whether the caller may open the brand's page under Agency, where its apps are connected (the `agency` rule). */
        canManage: z.boolean(),
      }),
    ),
    /** Whether the office shows the audit log (server/office/audit-log.ts decides who reads it). */
    canSeeAudit: z.boolean(),
    /** The caller's agencies: their white label, the caller's highest role there, and whether they may open Agency. */
    agencies: z.array(AgencyAccessSchema),
    /** Whether this launch may claim brand admin of its community's brand now (server/office/team/community-claim.ts). */
    communityClaim: z.boolean(),
  })
  .openapi('Office');

const officeAccessRoute = officeRoute('any', {
  method: 'get',
  path: '/',
  tags: ['admin: office'],
  summary: 'The brands and sections the caller may open in the office (none for anyone who is no member)',
  security: LAUNCH_AUTH,
  responses: { 200: json(OfficeSchema, 'Office access'), ...authErrors },
});

export const officeRoutes = newRouter();
officeRoutes.use('*', requireIdentity);
officeRoutes.openapi(officeAccessRoute, async (c) => {
  const { db } = c.var.deps;
  const { platform, userId } = c.var.identity;
  const member = `${platform}:${userId}`;
  const { memberships, brands, agencies, apps } = schema;
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.platform, platform), eq(memberships.platformUserId, userId)));
  const communityClaim = await canClaimCommunity(db, c.var.identity);
  if (rows.length === 0) return c.json({ member, brands: [], agencies: [], canSeeAudit: false, communityClaim }, 200);
  const agencyIds = [...new Set(rows.map((m) => m.agencyId))];
  const list = [];
  for (const b of await db.select().from(brands).where(inArray(brands.agencyId, agencyIds))) {
    // The permission check's rule (server/auth/permissions.ts), switched-off brands included.
    const covering = rows.filter((m) => reaches(m, b));
    const sections = new Set(covering.flatMap((m) => (m.role === 'agency_admin' ? ALL_SECTIONS : m.sections)));
    const canManage = covering.some((m) => managesBrand(m, b.id));
    if (covering.length > 0)
      list.push({ id: b.id, name: b.name, agencyId: b.agencyId, sections: [...sections], canManage });
  }
  const withApp = new Set(
    list.length === 0
      ? []
      : (
          await db
            .selectDistinct({ brandId: apps.brandId })
            .from(apps)
            .where(
              inArray(
                apps.brandId,
                list.map((b) => b.id),
              ),
            )
        ).map((a) => a.brandId),
  );
  const agencyList = (await db.select().from(agencies).where(inArray(agencies.id, agencyIds))).map((a) => {
    // MEMBERSHIP_ROLES runs from the widest role to the narrowest.
    const role = MEMBERSHIP_ROLES.find((r) => rows.some((m) => m.agencyId === a.id && m.role === r)) ?? 'brand_member';
    const { id, name, logoUrl, accent } = a;
    return { id, name, logoUrl, accent, role, canManage: role === 'agency_admin' || role === 'agency_manager' };
  });
  const canSeeAudit = await canReadAudit(db, c.var.identity);
  const brandList = list.map((b) => ({ ...b, hasApp: withApp.has(b.id) }));
  return c.json({ member, brands: brandList, agencies: agencyList, canSeeAudit, communityClaim }, 200);
});
