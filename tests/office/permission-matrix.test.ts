/**
 * The office permission matrix, generated from the app's OpenAPI document: every `/api/admin` operation (its
 * `x-section`) × role × with/without that section × own brand / sibling brand of the agency / brand of another
 * agency / an id that does not exist. A refusal is 403/404, and "not yours" is byte-identical to "does not exist".
 * Allowed calls send a dummy body: the tenant gate (server/auth/office-gate.ts) runs as route middleware BEFORE
 * input validation, so a 422 on an allowed call still means the permission check passed, and a refused call is
 * refused whatever its body. New routes join by declaring `x-section`; one without it fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficeSection } from '../../server/auth/office-gate.ts';
import {
  hasChildParam,
  namesTenant,
  OFFICE_SECTIONS,
  type OfficeOperation,
  officeOperations,
  urlFor,
} from './office-operations.ts';
import {
  createOfficeMatrixWorld,
  type OfficeMatrixWorld,
  ROLES,
  type RoleCase,
  TENANTS,
  type Tenant,
} from './office-world.ts';

let w: OfficeMatrixWorld;
let ops: OfficeOperation[];
beforeAll(async () => {
  w = await createOfficeMatrixWorld();
  ops = await officeOperations(w.app);
}, 60_000);
afterAll(async () => w?.close());

/** Who may open `section` of a tenant's brand; `undefined` where the rule is another area's to decide. */
function expectedAllowed(role: RoleCase, section: OfficeSection, has: boolean, tenant: Tenant): boolean | undefined {
  if (tenant === 'foreign' || tenant === 'missing') return false;
  const agencyWide = role === 'agency_admin' || role === 'agency_manager_wide';
  const covers = tenant === 'own' || agencyWide;
  if (section === 'any') return covers;
  // The audit log: the owner, a manager for the brands they cover, a brand admin for their brand (issue 15).
  if (section === 'audit') return role.startsWith('agency_') ? covers : role === 'brand_admin' && tenant === 'own';
  if (section === 'agency') return role === 'agency_admin' ? true : role.startsWith('brand_') ? false : undefined;
  return covers && (role === 'agency_admin' || has);
}

/** Ids in the URL written another way a number parser reads the same (`0x4`, `4.0`, `004`), or as they are. */
type Spelling = (id: string) => string;
const SPELLINGS: Spelling[] = [(id) => `0x${Number(id).toString(16)}`, (id) => `${id}.0`, (id) => `00${id}`];

async function send(op: OfficeOperation, user: number, tenant: Tenant, spell?: Spelling) {
  const t = w.tenants[tenant];
  const body = op.hasBody ? { brandId: t.brandId } : undefined;
  const url = spell ? urlFor(op, t).replace(/(?<=[/=])\d+(?=[/?&]|$)/g, spell) : urlFor(op, t);
  const res = await w.call(op.method, url, user, body);
  return { status: res.status, text: await res.text() };
}

describe('office permission matrix (generated from the OpenAPI document)', () => {
  it('item 2: every /api/admin operation declares its x-section', () => {
    expect(ops.length).toBeGreaterThan(30);
    const missing = ops.filter((op) => !op.section || !OFFICE_SECTIONS.includes(op.section));
    expect(missing.map((op) => `${op.method} ${op.path}`)).toEqual([]);
  });

  it('item 2: every operation × role × with/without its section × tenant answers as the rights say', async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const section = op.section ?? 'any';
      if (!namesTenant(op)) continue; // office access and the catalogue: checked in the next test
      for (const role of ROLES) {
        for (const has of section === 'any' || section === 'audit' || section === 'agency' ? [true] : [true, false]) {
          const user = w.user(role, section, has);
          const answers = new Map<Tenant, { status: number; text: string }>();
          for (const tenant of TENANTS) {
            const res = await send(op, user, tenant);
            answers.set(tenant, res);
            const allowed = expectedAllowed(role, section, has, tenant);
            const label = `${op.method} ${op.path} as ${role}${has ? '+' : '-'}${section} on ${tenant}: ${res.status}`;
            if (allowed === true) {
              const refused = res.status === 401 || res.status === 403 || (res.status === 404 && !hasChildParam(op));
              if (refused || res.status >= 500) wrong.push(`${label} (expected allowed) ${res.text.slice(0, 120)}`);
            } else if (allowed === false && res.status !== 403 && res.status !== 404) {
              wrong.push(`${label} (expected refused) ${res.text.slice(0, 120)}`);
            }
          }
          // Not yours looks exactly like not there: same status, same bytes.
          const missing = answers.get('missing');
          for (const tenant of ['sibling', 'foreign'] as const) {
            if (expectedAllowed(role, section, has, tenant) !== false) continue;
            const member = tenant === 'sibling' && (role === 'agency_admin' || role === 'agency_manager_wide');
            if (member) continue; // a member without the section may be told 403: they know the brand
            const other = answers.get(tenant);
            if (other?.status !== missing?.status || other?.text !== missing?.text) {
              wrong.push(
                `${op.method} ${op.path} as ${role}: ${tenant} ${other?.status} ${other?.text} ≠ missing ${missing?.status} ${missing?.text}`,
              );
            }
          }
        }
      }
      // Someone with no membership at all: every tenant refused, all alike.
      const seen = new Set<string>();
      for (const tenant of ['own', 'foreign', 'missing'] as const) {
        const res = await send(op, w.stranger, tenant);
        if (res.status !== 403 && res.status !== 404)
          wrong.push(`${op.method} ${op.path} as stranger on ${tenant}: ${res.status}`);
        seen.add(`${res.status} ${res.text}`);
      }
      if (seen.size !== 1)
        wrong.push(`${op.method} ${op.path}: a stranger can tell tenants apart: ${[...seen].join(' | ')}`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it("an id spelled another way (0x4, 4.0, 004) cannot tell another tenant's row from a missing one (found from outside)", async () => {
    const wrong: string[] = [];
    for (const op of ops.filter(namesTenant)) {
      for (const spell of SPELLINGS) {
        for (const user of [w.stranger, w.user('brand_admin', op.section ?? 'any', true)]) {
          const foreign = await send(op, user, 'foreign', spell);
          const missing = await send(op, user, 'missing', spell);
          if (foreign.status >= 500 || foreign.status !== missing.status || foreign.text !== missing.text) {
            wrong.push(
              `${op.method} ${op.path} as ${user} spelled ${spell('4')}: ${foreign.status} ≠ ${missing.status}`,
            );
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);

  it('item 2: operations that name no brand answer members and refuse strangers', async () => {
    // Agency-level routes (`?agencyId=`, a child row such as a member or an invitation): agency roles get an answer,
    // brand roles are refused for agency acts, a stranger is refused, and nobody gets a 5xx.
    const wrong: string[] = [];
    for (const op of ops.filter((o) => !namesTenant(o))) {
      for (const role of ROLES) {
        const res = await send(op, w.user(role, op.section ?? 'any', true), 'own');
        const brandRole = role.startsWith('brand_');
        const refused = res.status === 401 || res.status === 403;
        if (res.status >= 500) wrong.push(`${op.method} ${op.path} as ${role}: ${res.status}`);
        else if (op.section === 'agency' && brandRole && res.status !== 403)
          wrong.push(`${op.method} ${op.path} as ${role}: ${res.status} (expected 403)`);
        else if (
          op.section !== 'agency' &&
          !hasChildParam(op) &&
          refused &&
          !(brandRole && op.queryParams.includes('agencyId'))
        )
          wrong.push(`${op.method} ${op.path} as ${role}: ${res.status} (expected an answer)`);
      }
      const stranger = await send(op, w.stranger, 'own');
      // The office access route answers everyone (an empty list); any other brandless route refuses strangers.
      const ok =
        op.path === '/api/admin/office'
          ? stranger.status === 200 && JSON.parse(stranger.text).brands.length === 0
          : stranger.status === 403 || stranger.status === 404;
      if (!ok) wrong.push(`${op.method} ${op.path} as stranger: ${stranger.status} ${stranger.text}`);
    }
    expect(wrong).toEqual([]);
  }, 60_000);
});
