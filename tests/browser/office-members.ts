/**
 * Office people for browser tests, written straight into the running demo server's database: a brand member holding
 * chosen sections, an agency owner, and the demo campaign they act on. Inviting through the office is office-team's
 * own test; every other office test only needs the person to exist, and used to repeat this SQL to get them. One home
 * keeps the rows as the server expects them, and `sections`, typed by server/auth/sections.ts, follows a new or renamed
 * section. Open the office as the person with `participantUrl(server, { userId, language })` (launch-users.ts).
 */
import type { Section } from '../../server/auth/sections.ts';
import type { StartedServer } from '../support/start-server.ts';
import { withAppDb } from './app-db.ts';

/** A demo campaign with the brand and agency it belongs to. */
export interface DemoCampaign {
  id: number;
  title: string;
  brandId: number;
  agencyId: number;
}

/**
 * The demo campaign of `slug`, its brand and agency.
 * @example const tasks = demoCampaign(server); // summer-tasks
 */
export function demoCampaign(server: StartedServer, slug = 'summer-tasks'): DemoCampaign {
  return withAppDb(server, (db) => {
    const c = db
      .prepare(
        'SELECT c.id, c.title, c.brand_id AS brandId, b.agency_id AS agencyId FROM campaigns c ' +
          'JOIN brands b ON b.id = c.brand_id WHERE c.slug = ?',
      )
      .get(slug) as DemoCampaign | undefined;
    if (!c) throw new Error(`no demo campaign ${slug}`);
    return c;
  });
}

/** Adds a VK user as a member of a brand (the server's first brand unless `brandId`) holding only `sections`. */
export function addBrandMember(
  server: StartedServer,
  o: { userId: number; sections: readonly Section[]; brandId?: number },
): { membershipId: number; brandId: number; agencyId: number } {
  return withAppDb(server, (db) => {
    const brand = (
      o.brandId === undefined
        ? db.prepare('SELECT id, agency_id AS agencyId FROM brands ORDER BY id LIMIT 1').get()
        : db.prepare('SELECT id, agency_id AS agencyId FROM brands WHERE id = ?').get(o.brandId)
    ) as { id: number; agencyId: number } | undefined;
    if (!brand) throw new Error(`no brand ${o.brandId ?? '(none at all)'}`);
    const { id } = db
      .prepare(
        "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, ?, 'brand_member', ?) RETURNING id",
      )
      .get(String(o.userId), brand.agencyId, brand.id, JSON.stringify(o.sections)) as { id: number };
    return { membershipId: id, brandId: brand.id, agencyId: brand.agencyId };
  });
}

/** Adds a VK user as the owner (agency admin) of an agency (the server's first unless `agencyId`): every brand, every section. */
export function addAgencyOwner(
  server: StartedServer,
  o: { userId: number; agencyId?: number },
): { membershipId: number; agencyId: number } {
  return withAppDb(server, (db) => {
    const agencyId =
      o.agencyId ?? (db.prepare('SELECT id FROM agencies ORDER BY id LIMIT 1').get() as { id: number } | undefined)?.id;
    if (agencyId === undefined) throw new Error('no agency');
    const { id } = db
      .prepare(
        "INSERT INTO memberships (platform, platform_user_id, agency_id, brand_id, role, sections) VALUES ('vk', ?, ?, NULL, 'agency_admin', '[]') RETURNING id",
      )
      .get(String(o.userId), agencyId) as { id: number };
    return { membershipId: id, agencyId };
  });
}
