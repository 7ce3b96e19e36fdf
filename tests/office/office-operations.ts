/**
 * The office's operations as the app's OpenAPI document lists them: every `/api/admin` path × method, with the
 * `x-section` it declares (server/http/office-route.ts). The generated permission-matrix and audit tests walk this.
 */

import type { createApp } from '../../server/app.ts';
import type { OfficeSection } from '../../server/auth/office-gate.ts';
import type { TenantRows } from './office-world.ts';

export const OFFICE_SECTIONS: readonly OfficeSection[] = [
  'campaigns',
  'prizes',
  'mailings',
  'stats',
  'support',
  'team',
  'agency',
  'audit',
  'any',
];

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

/** Path parameters that point at a row of one tenant; any other parameter is a child row looked up by the handler. */
const TENANT_PARAMS: Record<string, keyof TenantRows> = {
  id: 'campaignId',
  brandId: 'brandId',
  poolId: 'poolId',
  groupId: 'vkGroupId',
};

/** Whether the operation names a tenant at all (in the path, `?brandId=`, or a body's `brandId`). */
export const namesTenant = (op: OfficeOperation) =>
  /\{(id|brandId|groupId)\}/.test(op.path) || op.queryParams.includes('brandId') || op.hasBody;

/** Whether a 404 of an allowed call may come from a child row the world did not build (a rule, ticket, pick...). */
export const hasChildParam = (op: OfficeOperation) =>
  [...op.path.matchAll(/\{(\w+)\}/g)].some((m) => !(String(m[1]) in TENANT_PARAMS));

/** The request URL for this tenant: tenant params from its rows, child params `1`, `?brandId=` the tenant's. */
export function urlFor(op: OfficeOperation, t: TenantRows): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const key = TENANT_PARAMS[name];
    return String(key ? t[key] : 1);
  });
  return op.queryParams.includes('brandId') ? `${path}?brandId=${t.brandId}` : path;
}
