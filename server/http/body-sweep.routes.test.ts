/**
 * Every JSON body the API takes, swept over HTTP with values a client may send by mistake or on purpose — the wrong
 * type, out-of-range numbers, huge or deep values, NUL and half of a character — one property at a time on a body
 * shaped by the route's own OpenAPI schema: the answer is never a 5xx. Found this way (PostgreSQL only): a brand
 * renamed to `"\ud800"` (an unpaired surrogate, valid JSON) was a 500, the audit log's `jsonb` refusing it, while
 * SQLite stored U+FFFD in its place (server/http/storable-text.ts).
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import { type OpenApiDocument as Document, sample } from './testing/openapi-sample.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

/** A VK user who is the agency's owner: the office gate lets them through everywhere, so the body is read. */
const OWNER = 2;
const PARTICIPANT = 100;

const ODD_VALUES: unknown[] = [
  null,
  [],
  {},
  'x',
  -1,
  1e308,
  2 ** 63,
  1.5,
  true,
  'a'.repeat(100_000),
  '\u0000',
  '\ud800',
  'a\udc00b',
  [[[[[]]]]],
];

describe('JSON bodies', () => {
  it('no route answers a 5xx to an odd body or an odd value in any property', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.agencyOwner(OWNER);
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as Document;
    const failed: unknown[] = [];
    let routes = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
        if (!bodySchema) continue;
        routes++;
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => String(name === 'brandId' ? w.brandId : id));
        const user = template.startsWith('/api/admin/') ? OWNER : PARTICIPANT;
        const base = sample(doc, bodySchema);
        const bodies: unknown[] = [null, [], 'x', 5, base];
        if (base && typeof base === 'object' && !Array.isArray(base)) {
          for (const key of Object.keys(base)) for (const value of ODD_VALUES) bodies.push({ ...base, [key]: value });
        }
        for (const body of bodies) {
          const res = await w.call(method.toUpperCase(), path, user, body);
          if (res.status >= 500) {
            failed.push({
              route: `${method} ${template}`,
              status: res.status,
              body: JSON.stringify(body).slice(0, 80),
            });
          }
        }
      }
    }
    expect(failed).toEqual([]);
    expect(routes).toBeGreaterThan(50);
  });

  it('half of a character is a 422 naming the field, and nothing is stored; a whole one is taken', async () => {
    w = await createPromoWorld();
    await w.agencyOwner(OWNER);
    const brand = () => w.deps.db.select().from(schema.brands).where(eq(schema.brands.id, w.brandId));
    const [before] = await brand();
    for (const name of ['Бренд \ud83d', '\udc00 Бренд']) {
      const res = await w.call('PATCH', `/api/admin/agency/brands/${w.brandId}`, OWNER, { name, savedAt: 0 });
      expect(res.status).toBe(422);
      const { error } = (await res.json()) as { error: { issues: { path: string; message: string }[] } };
      expect(error.issues).toEqual([{ path: 'name', message: expect.stringMatching(/half of a character/) }]);
    }
    expect((await brand())[0]?.name).toBe(before?.name);
    const whole = await w.call('PATCH', `/api/admin/agency/brands/${w.brandId}`, OWNER, {
      name: 'Бренд 😀',
      savedAt: 0,
    });
    expect(whole.status).toBe(200);
    expect((await brand())[0]?.name).toBe('Бренд 😀');
  });
});
