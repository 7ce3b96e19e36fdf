/** The agency team screen groups a manager's per-brand rows into one person, owners first, brand roles left out. */
import { describe, expect, it } from 'vitest';
import type { TeamMember } from '../team/team-api.ts';
import { agencyPeople } from './AgencyTeam.tsx';

const row = (id: number, userId: string, role: TeamMember['role'], brandId: number | null): TeamMember => ({
  id,
  platform: 'vk',
  userId,
  vkProfileId: Number(userId),
  profileUrl: `https://vk.com/id${userId}`,
  role,
  sections: [],
  scope: brandId === null ? 'agency' : 'brand',
  brandId,
  brandName: null,
  managedBrands: null,
  brandRoleBrands: [],
  since: 0,
  editable: true,
  removable: true,
});

describe('agency team screen', () => {
  it('item 2: one person per manager however many brands they cover; owners first; brand roles not listed', () => {
    const people = agencyPeople([
      row(1, '20', 'agency_manager', 3),
      row(2, '10', 'agency_admin', null),
      row(3, '20', 'agency_manager', 4),
      row(4, '30', 'brand_admin', 3),
      row(5, '40', 'agency_manager', null),
    ]);
    expect(people.map((p) => [p.rows[0]?.userId, p.rows.map((r) => r.id)])).toEqual([
      ['10', [2]],
      ['20', [1, 3]],
      ['40', [5]],
    ]);
  });
});
