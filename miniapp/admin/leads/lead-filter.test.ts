import { describe, expect, it } from 'vitest';
import { filterLeads, PAGE_SIZE } from './lead-filter.ts';
import type { Lead } from './leads-api.ts';

const lead = (id: number, over: Partial<Lead> = {}): Lead => ({
  id,
  key: `k${id}`,
  name: `Lead ${id}`,
  phone: null,
  phoneVerified: false,
  email: null,
  emailVerified: false,
  calculation: { result: id },
  consentAt: 0,
  consentVersion: 'v1',
  policyUrl: 'https://brand.example/privacy',
  status: 'new',
  createdAt: 0,
  delivery: null,
  ...over,
});

describe('leads inbox filter', () => {
  it('item 3: filters by the server statuses, searches name, e-mail, phone digits and number, pages by 20', () => {
    const leads = [
      ...Array.from({ length: 45 }, (_, i) => lead(i + 1)),
      lead(100, { name: 'Иван Петров', phone: '+7 (911) 000-12-34', status: 'in_progress' }),
      lead(101, { email: 'anna@example.com', status: 'rejected' }),
    ];
    const all = filterLeads(leads, { status: '', q: '', page: 0 });
    expect([all.total, all.pages, all.rows.length]).toEqual([47, 3, PAGE_SIZE]);
    const last = filterLeads(leads, { status: '', q: '', page: 9 });
    expect([last.page, last.rows.length]).toEqual([2, 7]);
    expect(filterLeads(leads, { status: 'in_progress', q: '', page: 0 }).rows.map((l) => l.id)).toEqual([100]);
    expect(filterLeads(leads, { status: '', q: 'иван', page: 0 }).rows.map((l) => l.id)).toEqual([100]);
    expect(filterLeads(leads, { status: '', q: '9110001234', page: 0 }).rows.map((l) => l.id)).toEqual([100]);
    expect(filterLeads(leads, { status: '', q: 'ANNA@', page: 0 }).rows.map((l) => l.id)).toEqual([101]);
    expect(filterLeads(leads, { status: '', q: '#45', page: 0 }).rows.map((l) => l.id)).toEqual([45]);
    expect(filterLeads(leads, { status: 'converted', q: '', page: 0 }).total).toBe(0);
  });
});
