import { describe, expect, it } from 'vitest';
import type { Office } from '../office-api.ts';
import { officeLinks } from './office-links.ts';

const brand = (sections: string[]) => ({ id: 7, name: 'Brand', agencyId: 1, sections });
const agency = (canManage: boolean) => ({ id: 1, name: 'A', logoUrl: null, accent: null, role: 'x', canManage });

describe('office navigation', () => {
  it('item 15: a member with only "mailings" is linked to mailings and nothing else', () => {
    const office: Office = { brands: [brand(['mailings'])], agencies: [agency(false)] };
    expect(officeLinks(office, office.brands[0])).toEqual([
      { key: 'mailings', label: 'nav_mailings', to: '/admin/brand/7/mailings' },
    ]);
  });

  it('item 15: an agency manager sees every section of the brand and Agency', () => {
    const office: Office = {
      brands: [brand(['campaigns', 'mailings', 'stats', 'support', 'team'])],
      agencies: [agency(true)],
    };
    expect(officeLinks(office, office.brands[0]).map((l) => l.to)).toEqual([
      '/admin/brand/7/mailings',
      '/admin/brand/7/stats',
      '/admin/brand/7/support',
      '/admin/brand/7/team',
      '/admin/agency',
    ]);
  });

  it('item 1: the audit log is linked only for those the server lets read it', () => {
    const office: Office = { brands: [brand(['mailings'])], agencies: [agency(false)] };
    expect(officeLinks(office, office.brands[0]).map((l) => l.key)).not.toContain('audit');
    expect(officeLinks({ ...office, canSeeAudit: false }, office.brands[0]).map((l) => l.key)).not.toContain('audit');
    expect(officeLinks({ ...office, canSeeAudit: true }, office.brands[0]).at(-1)).toEqual({
      key: 'audit',
      label: 'nav_audit',
      to: '/admin/audit',
    });
  });

  it('item 3: the leads inbox is linked only for members who have the leads right', () => {
    const withLeads: Office = { brands: [brand(['leads'])], agencies: [agency(false)] };
    expect(officeLinks(withLeads, withLeads.brands[0])).toEqual([
      { key: 'leads', label: 'nav_leads', to: '/admin/brand/7/leads' },
    ]);
    const without: Office = { brands: [brand(['mailings', 'stats'])], agencies: [agency(false)] };
    expect(officeLinks(without, without.brands[0]).map((l) => l.key)).not.toContain('leads');
  });
});
