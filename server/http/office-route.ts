/**
 * @module `officeRoute(section, config)`: `createRoute` for every `/api/admin` route. It writes the section the route
 * needs into the OpenAPI operation as `x-section` (the permission-matrix and audit tests in tests/office/ are generated
 * from it, and fail for an admin route without it).
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { OfficeSection } from '../auth/office-gate.ts';

export type { OfficeSection } from '../auth/office-gate.ts';

/**
 * @example const listRules = officeRoute('mailings', { method: 'get', path: '/campaigns/{id}/rules', responses });
 */
export function officeRoute<P extends string, R extends Omit<RouteConfig, 'path' | 'middleware'> & { path: P }>(
  section: OfficeSection,
  route: R,
) {
  return createRoute({ ...route, 'x-section': section });
}
