/**
 * Numeric ids in URLs over HTTP: only the canonical spelling names a row. Every other one (`01`, `+1`, `1.0`, ` 1`,
 * `0x1`, `1e0`, an id beyond the database's integer) is a 422 that names the parameter, on every route: never the
 * row (one row, many addresses) and never a 500 (PostgreSQL refuses to compare its `integer` with 2^31).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../promo/testing/promo-world.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

/** A VK user who is the agency's owner: the office gate lets them through everywhere, so validation answers. */
const OWNER = 2;

async function world() {
  w = await createPromoWorld();
  const id = await w.campaign();
  await w.agencyOwner(OWNER);
  return id;
}

/** Spellings of `id` that `Number()` reads as `id`, and ids no PostgreSQL `integer` holds. */
const otherSpellings = (id: number) => [
  `0${id}`,
  `+${id}`,
  `${id}.0`,
  `%20${id}`,
  `${id}%20`,
  `0x${id.toString(16)}`,
  `${id}e0`,
  '2147483648',
  '9007199254740993',
];

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema: { type?: string; enum?: string[] };
}

/** The fields a 422 names in the URL's path or query (a body's own `id` field must not pass for the path's). */
const issuesIn = async (res: Response, target: 'param' | 'query') => {
  if (res.status !== 422) return undefined;
  const { error } = (await res.json()) as { error: { message: string; issues?: { path: string }[] } };
  return new RegExp(`^\\d+ ${target === 'param' ? 'path' : 'query'} parameters? (is|are) invalid: `).test(error.message)
    ? error.issues?.map((i) => i.path)
    : undefined;
};

describe('numeric ids in the URL', () => {
  it('a participant route and office routes read the canonical id, and answer 422 to any other spelling', async () => {
    const id = await world();
    expect((await w.call('GET', `/api/campaigns/${id}/state`, 1)).status).toBe(200);
    expect((await w.call('GET', `/api/campaigns/${id}`, 1)).status).toBe(200);
    expect((await w.call('GET', `/api/admin/campaigns/${id}`, OWNER)).status).toBe(200);
    expect((await w.call('GET', `/api/admin/team?brandId=${w.brandId}`, OWNER)).status).toBe(200);
    const cases: [(text: string) => string, number, number, string][] = [
      [(t) => `/api/campaigns/${t}/state`, id, 1, 'id'],
      [(t) => `/api/campaigns/${t}`, id, 1, 'id'],
      [(t) => `/api/admin/campaigns/${t}`, id, OWNER, 'id'],
      [(t) => `/api/admin/team?brandId=${t}`, w.brandId, OWNER, 'brandId'],
    ];
    const answers = [];
    for (const [url, real, who, field] of cases) {
      for (const text of otherSpellings(real)) {
        const path = url(text);
        const res = await w.call('GET', path, who);
        const issues = await issuesIn(res, path.includes('?') ? 'query' : 'param');
        answers.push({ path, field, status: res.status, issues });
      }
    }
    expect(answers.filter((a) => a.status !== 422 || !a.issues?.includes(a.field))).toEqual([]);
  });

  it('every route with a numeric id in its path answers 422 to a non-canonical one, naming it', async () => {
    const id = await world();
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
    };
    const known: Record<string, number> = { id, brandId: w.brandId, groupId: GROUP_ID };
    const checked: string[] = [];
    const wrong: unknown[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const params = (operation.parameters ?? []).filter((p) => p.in === 'path');
        const value = (p: Parameter) => {
          if (p.schema.type === 'integer') return String(known[p.name] ?? 1);
          return p.schema.enum?.[0] ?? (p.name === 'importId' ? '00000000-0000-4000-8000-000000000000' : 'x');
        };
        // A required query is read first: given, so the path's id is what the answer is about.
        const query = (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && p.required)
          .map((p) => `${p.name}=${value(p)}`)
          .join('&');
        for (const target of params.filter((p) => p.schema.type === 'integer')) {
          for (const text of ['01', '1e0']) {
            const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
              const p = params.find((q) => q.name === name);
              return name === target.name || !p ? text : value(p);
            });
            const url = query ? `${path}?${query}` : path;
            const res = await w.call(method.toUpperCase(), url, OWNER, method === 'get' ? undefined : {});
            const issues = await issuesIn(res, 'param');
            if (!issues?.includes(target.name)) wrong.push({ method, url, status: res.status, issues });
          }
          checked.push(`${method} ${template} ${target.name}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The sweep reached the routes this defect was found on, and the families around them.
    expect(checked.length).toBeGreaterThan(100);
    for (const route of [
      'get /api/campaigns/{id}/state id',
      'get /api/admin/campaigns/{id} id',
      'get /api/admin/support/brands/{brandId}/tickets/{ticketId} ticketId',
      'get /api/admin/mailing/campaigns/{id}/broadcasts/{broadcastId} broadcastId',
      'post /api/admin/campaigns/{id}/pools/{poolId}/codes poolId',
      'delete /api/admin/team/members/{id} id',
      'get /api/admin/support/communities/{groupId}/tickets groupId',
    ]) {
      expect(checked).toContain(route);
    }
  });
});

/** The fields a 422 names in a JSON body. */
const bodyIssues = async (res: Response) => {
  if (res.status !== 422) return undefined;
  const { error } = (await res.json()) as { error: { issues?: { path: string }[] } };
  return error.issues?.map((i) => i.path);
};

describe('ids in office JSON bodies', () => {
  it('an id beyond the database integer is a 422 naming the field, never a 500 (PostgreSQL)', async () => {
    const id = await world();
    const cases: [string, string, unknown, string][] = [
      ['POST', '/api/admin/agency/brands', { agencyId: 2147483648, name: 'Too far' }, 'agencyId'],
      ['POST', '/api/admin/campaigns', { brandId: w.brandId, templateKey: 'tasks', appId: 2147483648 }, 'appId'],
      ['POST', `/api/admin/mailing/campaigns/${id}/tags`, { tag: 'vip', add: [2147483648] }, 'add.0'],
    ];
    const answers = [];
    for (const [method, path, body, field] of cases) {
      const res = await w.call(method, path, OWNER, body);
      answers.push({ path, field, status: res.status, issues: await bodyIssues(res) });
    }
    expect(answers.filter((a) => a.status !== 422 || !a.issues?.includes(a.field))).toEqual([]);
  });
});
