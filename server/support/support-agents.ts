/**
 * @module Who may be assigned a brand's tickets: the memberships that grant `support` on the brand, by the same rule
 * as the permission check (server/auth/permissions.ts): a brand membership with the section, an agency manager's
 * agency-wide one with it, or the agency owner.
 */
import { and, eq } from 'drizzle-orm';
import { reaches } from '../auth/permissions.ts';
import { type Db, schema } from '../db/client.ts';
import { fieldRefusal } from '../http/errors.ts';
import { type Person, personOf } from '../profile-url.ts';

export interface SupportAgent extends Person {
  membershipId: number;
  role: string;
}

export async function supportAgents(db: Db, brandId: number): Promise<SupportAgent[]> {
  const [brand] = await db.select().from(schema.brands).where(eq(schema.brands.id, brandId)).limit(1);
  if (!brand) return [];
  const rows = await db
    .select()
    .from(schema.memberships)
    .where(and(eq(schema.memberships.agencyId, brand.agencyId)))
    .orderBy(schema.memberships.id);
  return rows
    .filter((m) => reaches(m, brand) && (m.role === 'agency_admin' || m.sections.includes('support')))
    .map((m) => ({ membershipId: m.id, ...personOf(m.platform, m.platformUserId), role: m.role }));
}

/** 422 unless the membership may handle this brand's support. */
export async function requireSupportAgent(db: Db, brandId: number, membershipId: number): Promise<SupportAgent> {
  const agent = (await supportAgents(db, brandId)).find((a) => a.membershipId === membershipId);
  if (!agent) {
    throw fieldRefusal(
      'not_a_support_member',
      'assigneeMembershipId',
      `Membership ${membershipId} has no support rights on this brand`,
    );
  }
  return agent;
}
