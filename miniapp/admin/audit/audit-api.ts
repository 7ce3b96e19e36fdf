/** The office's call to the audit log (`GET /api/admin/audit`, server/office/audit.routes.ts); shapes from its schema. */
import type { z } from 'zod';
import type { AuditEntrySchema } from '../../../server/office/audit.routes.ts';
import type { ApiClient } from '../../api/client.ts';

export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** The brand filter's value for the agency's own entries, those of no brand (server/office/audit-log.ts). */
export const AGENCY_ONLY = 'agency';

/** What the screen filters by; dates are epoch ms, inclusive. */
export interface AuditFilter {
  brandId?: number | typeof AGENCY_ONLY | undefined;
  /** The actor as `<platform>:<userId>` (server/person-key.ts): an id alone is no one person (decision 109). */
  person?: string | undefined;
  section?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Pass as `before` for the next page; null on the last one. */
  next: number | null;
}

/** The query string of one page: only the filters that are set. */
export function auditQuery(filter: AuditFilter, before?: number, limit = 30): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, before })) if (v !== undefined && v !== '') q.set(k, String(v));
  q.set('limit', String(limit));
  return q.toString();
}

export const auditApi = (api: Pick<ApiClient, 'request'>) => ({
  page: (filter: AuditFilter, before?: number) =>
    api.request<AuditPage>('GET', `/api/admin/audit?${auditQuery(filter, before)}`),
});
export type AuditApi = ReturnType<typeof auditApi>;
