/**
 * The office's operations as the app's OpenAPI document lists them: every `/api/admin` path × method, with the
 * `x-section` it declares (server/http/office-route.ts). The generated permission-matrix and audit tests walk this.
 */

import type { createApp } from '../../server/app.ts';
import { BRAND_SECTIONS, type OfficeSection } from '../../server/auth/office-gate.ts';
import type { TenantRows } from './office-world.ts';

/** Every brand section from its one list (a copy here once lacked `launch`), then the office-wide rules. */
export const OFFICE_SECTIONS: readonly OfficeSection[] = [...BRAND_SECTIONS, 'agency', 'audit', 'any'];

export interface OfficeOperation {
  method: string;
  /** OpenAPI path, e.g. `/api/admin/campaigns/{id}/pools`. */
  path: string;
  section: OfficeSection | undefined;
  queryParams: string[];
  hasBody: boolean;
}

interface OpenApiOperation {
  'x-section'?: OfficeSection;
  parameters?: { name: string; in: string }[];
  requestBody?: unknown;
}

export async function officeOperations(app: ReturnType<typeof createApp>): Promise<OfficeOperation[]> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, OpenApiOperation>>;
  };
  const ops: OfficeOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/api/admin')) continue;
    for (const [method, op] of Object.entries(item)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        section: op['x-section'],
        queryParams: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        hasBody: op.requestBody !== undefined,
      });
    }
  }
  return ops;
}

/**
 * Path parameters that point at a row of one tenant (`{id}` is a campaign only after `/campaigns/`); any other
 * parameter is a child row looked up by the handler, sent as an id no row has, so no call of the matrix changes the
 * world another call reads (a member or an invitation `1` would be deleted by whoever may).
 */
const TENANT_PARAMS: Record<string, keyof TenantRows> = {
  brandId: 'brandId',
  poolId: 'poolId',
  groupId: 'vkGroupId',
};
const CHILD_ID = 987_651;
const campaignParam = (path: string, offset: number) => path.slice(Math.max(0, offset - 10), offset) === 'campaigns/';
const tenantParam = (path: string, name: string, offset: number): keyof TenantRows | undefined =>
  name === 'id' ? (campaignParam(path, offset) ? 'campaignId' : undefined) : TENANT_PARAMS[name];

/** Whether the operation names a tenant at all (in the path, `?brandId=`, or a body's `brandId`). */
export const namesTenant = (op: OfficeOperation) =>
  /\/campaigns\/\{id\}|\{(brandId|groupId)\}/.test(op.path) || op.queryParams.includes('brandId') || op.hasBody;

/** Whether a 404 of an allowed call may come from a child row the world did not build (a rule, ticket, pick...). */
export const hasChildParam = (op: OfficeOperation) =>
  [...op.path.matchAll(/\{(\w+)\}/g)].some((m) => !tenantParam(op.path, String(m[1]), m.index ?? 0));

/** The request URL for this tenant: tenant params from its rows, child params an id no row has, its `?brandId=`. */
export function urlFor(op: OfficeOperation, t: TenantRows): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
    const key = tenantParam(op.path, name, offset);
    return String(key ? t[key] : CHILD_ID);
  });
  const query = [
    op.queryParams.includes('brandId') ? `brandId=${t.brandId}` : '',
    op.queryParams.includes('agencyId') ? `agencyId=${t.agencyId}` : '',
  ].filter(Boolean);
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}
