/**
 * The inbox's filter, search and paging over the campaign's leads (the server answers the newest 1000): by status,
 * by a search over name, phone, e-mail and number, a page of `PAGE_SIZE`.
 */
import type { Lead, LeadStatus } from './leads-api.ts';

export const PAGE_SIZE = 20;

export interface LeadQuery {
  status: LeadStatus | '';
  q: string;
  page: number;
}

const digits = (s: string) => s.replace(/\D/g, '');

function matches(lead: Lead, q: string): boolean {
  const needle = q.trim().toLowerCase();
  if (!needle) return true;
  if (String(lead.id) === needle.replace(/^#/, '')) return true;
  if ([lead.name, lead.email ?? ''].some((v) => v.toLowerCase().includes(needle))) return true;
  const d = digits(needle);
  return d.length >= 3 && digits(lead.phone ?? '').includes(d);
}

/**
 * @example filterLeads(leads, { status: 'new', q: 'ivan', page: 0 }) // { rows, pages, total }
 */
export function filterLeads(leads: readonly Lead[], query: LeadQuery) {
  const found = leads.filter((l) => (!query.status || l.status === query.status) && matches(l, query.q));
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, query.page), pages - 1);
  return { rows: found.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE), page, pages, total: found.length };
}
