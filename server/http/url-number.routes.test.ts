/**
 * Whole numbers in query strings over HTTP (server/http/url-number.ts): only plain decimal digits. `1e3`, `0x10`,
 * ` 5`, `1.0`, `+5` and an empty value are a 422 naming the parameter on every route — `Number()` read them as 1000,
 * 16, 5, 1, 5 and 0 and the route quietly answered for that. Plain values still work.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

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

interface Parameter {
  in: string;
  name: string;
  required?: boolean;
  schema: { type?: string; enum?: string[]; minimum?: number; default?: unknown };
}

/** The query fields a 422 names. */
const queryIssues = async (res: Response) => {
  if (res.status !== 422) return undefined;
  const { error } = (await res.json()) as { error: { message: string; issues?: { path: string }[] } };
  return /^\d+ query parameters? (is|are) invalid: /.test(error.message) ? error.issues?.map((i) => i.path) : undefined;
};

/** Spellings `Number()` reads as a number that are not plain decimal digits (URL-encoded where they need it). */
const LOOSE = ['1e3', '0x10', '%205', '5%20', '1.0', '%2B5', '', '05', '-5'];

describe('whole numbers in the query string', () => {
  it('every numeric query parameter answers 422 to a loose spelling, naming it, and takes a plain one', async () => {
    const id = await world();
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: Parameter[] }>>;
    };
    const known: Record<string, number> = { id, brandId: w.brandId };
    const isNumber = (p: Parameter) => p.schema.type === 'integer' || p.schema.type === 'number';
    const plain = (p: Parameter) => String(known[p.name] ?? Math.max(p.schema.minimum ?? 0, 1));
    const value = (p: Parameter) =>
      isNumber(p) ? plain(p) : (p.schema.enum?.[0] ?? (p.name === 'stage' ? 'opened' : 'x'));
    const checked: string[] = [];
    const wrong: unknown[] = [];
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const params = operation.parameters ?? [];
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
          const p = params.find((q) => q.name === name && q.in === 'path');
          return p ? value(p) : '1';
        });
        const required = params.filter((p) => p.in === 'query' && p.required);
        for (const target of params.filter((p) => p.in === 'query' && isNumber(p))) {
          const others = required.filter((p) => p.name !== target.name).map((p) => `${p.name}=${value(p)}`);
          const call = async (text: string) => {
            const url = `${path}?${[...others, `${target.name}=${text}`].join('&')}`;
            const res = await w.call(method.toUpperCase(), url, OWNER, method === 'get' ? undefined : {});
            return { url, status: res.status, issues: await queryIssues(res) };
          };
          for (const text of LOOSE) {
            const answer = await call(text);
            if (!answer.issues?.includes(target.name)) wrong.push(answer);
          }
          // The plain spelling is read: whatever the route answers, it is not about this parameter.
          const answer = await call(plain(target));
          if (answer.issues?.includes(target.name)) wrong.push(answer);
          checked.push(`${method} ${template} ${target.name}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The sweep reached the routes this defect was found on (and the ids, which were strict already).
    for (const route of [
      'get /api/admin/funnel/campaigns/{id}/report from',
      'get /api/admin/funnel/campaigns/{id}/report to',
      'get /api/admin/funnel/campaigns/{id}/report windowHours',
      'get /api/admin/funnel/campaigns/{id}/stuck minHours',
      'get /api/admin/funnel/campaigns/{id}/stuck limit',
      'get /api/admin/funnel/campaigns/{id}/stuck afterReachedAt',
      'get /api/admin/audit from',
      'get /api/admin/audit to',
      'get /api/admin/audit limit',
      'get /api/admin/team brandId',
    ]) {
      expect(checked).toContain(route);
    }
    // The document still names the defaults.
    const stuck = doc.paths['/api/admin/funnel/campaigns/{id}/stuck']?.get?.parameters ?? [];
    expect(stuck.find((p) => p.name === 'limit')?.schema).toMatchObject({ default: 100, maximum: 50_000 });
  });

  it('plain values keep their meaning: bounds, defaults, paging', async () => {
    const id = await world();
    const get = (url: string) => w.call('GET', url, OWNER);
    const stuck = `/api/admin/funnel/campaigns/${id}/stuck?stage=opened`;
    expect((await get(`${stuck}&minHours=0&limit=5&afterReachedAt=0&afterId=1`)).status).toBe(200);
    expect((await get(`${stuck}&limit=50000`)).status).toBe(200);
    expect((await get(`${stuck}&limit=50001`)).status).toBe(422);
    expect((await get(`${stuck}&limit=0`)).status).toBe(422);
    // Past ten years of hours is refused: it used to reach the query (on PostgreSQL past bigint, a 500).
    expect((await get(`${stuck}&minHours=87840`)).status).toBe(200);
    expect((await get(`${stuck}&minHours=10000000000000`)).status).toBe(422);
    const report = `/api/admin/funnel/campaigns/${id}/report`;
    expect((await get(`${report}?from=0&to=1767225600000&windowHours=1`)).status).toBe(200);
    expect((await get(`${report}?from=8640000000000001`)).status).toBe(422);
    const audit = await get('/api/admin/audit?from=0&to=1767225600000&limit=100');
    expect(audit.status).toBe(200);
    expect((await get('/api/admin/audit?limit=101')).status).toBe(422);
    expect((await get('/api/admin/audit')).status).toBe(200);
  });
});
