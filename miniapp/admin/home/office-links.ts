/** Which office sections a member's home links to: only those their rights open (the server refuses the rest). */
import { paths } from '../../routes.ts';
import type { Office } from '../office-api.ts';

export type Brand = Office['brands'][number];

/** Section → where it opens, in the order the office lists them. */
const BRAND_SECTIONS = [
  { section: 'mailings', label: 'nav_mailings', path: paths.adminBrandMailings },
  { section: 'stats', label: 'nav_stats', path: paths.adminBrandStats },
  { section: 'support', label: 'nav_support', path: paths.adminSupport },
  { section: 'leads', label: 'nav_leads', path: paths.adminBrandLeads },
  { section: 'team', label: 'nav_team', path: paths.adminTeam },
] as const;

/** The links this member may follow for `brand`, plus Agency when they manage one and the audit log when it is theirs. */
export function officeLinks(office: Office, brand: Brand | undefined) {
  const links: {
    key: string;
    label: (typeof BRAND_SECTIONS)[number]['label'] | 'nav_agency' | 'nav_audit';
    to: string;
  }[] = [];
  if (brand) {
    for (const s of BRAND_SECTIONS) {
      if (brand.sections.includes(s.section)) links.push({ key: s.section, label: s.label, to: s.path(brand.id) });
    }
  }
  if (office.agencies?.some((a) => a.canManage))
    links.push({ key: 'agency', label: 'nav_agency', to: paths.adminAgency() });
  if (office.canSeeAudit === true) links.push({ key: 'audit', label: 'nav_audit', to: paths.adminAudit() });
  return links;
}
