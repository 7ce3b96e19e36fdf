/** A zod issue as the API sends it: bounds travel with their limit; anything else keeps path and message only. */

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssue } from './field-issues.ts';

const issuesOf = (schema: z.ZodType, value: unknown) => {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a refusal');
  return parsed.error.issues.map(fieldIssue);
};

/** The issue a bound should become: zod's own message, the bound's code and its params. */
const bound = (path: string, code: string, limit: number, origin: string, inclusive = 1) => ({
  path,
  message: expect.any(String),
  code,
  params: { limit, origin, inclusive },
});

describe('fieldIssue', () => {
  it('a number, a text and a list over or under their bounds carry the limit, what it counts and whether it is allowed', () => {
    const schema = z.object({
      rewards: z.array(z.object({ count: z.number().int().min(1).max(10_000) })).min(1),
      title: z.string().min(1).max(200),
      price: z.number().positive(),
    });
    expect(issuesOf(schema, { rewards: [{ count: 20_000 }], title: '', price: 0 })).toEqual([
      bound('rewards.0.count', 'too_big', 10_000, 'number'),
      bound('title', 'too_small', 1, 'string'),
      bound('price', 'too_small', 0, 'number', 0),
    ]);
    expect(issuesOf(schema, { rewards: [], title: 'x'.repeat(201), price: 1 })).toEqual([
      bound('rewards', 'too_small', 1, 'array'),
      bound('title', 'too_big', 200, 'string'),
    ]);
  });

  it('other problems (a wrong type, an exact length, a date bound, a refinement) keep only path and message', () => {
    const schema = z.object({
      n: z.number(),
      pin: z.string().length(6),
      at: z.date().max(new Date(0)),
      slug: z.string().refine((s) => s === 'ok', 'not ok'),
    });
    expect(issuesOf(schema, { n: 'x', pin: '123', at: new Date(1), slug: 'no' })).toEqual([
      { path: 'n', message: expect.any(String) },
      { path: 'pin', message: expect.any(String) },
      { path: 'at', message: expect.any(String) },
      { path: 'slug', message: 'not ok' },
    ]);
  });

  it('a refused web address is named by its code, whatever the protocols the field allows', () => {
    const schema = z.object({
      link: z.url({ protocol: /^https?$/ }),
      cover: z.url({ protocol: /^https$/ }),
    });
    expect(issuesOf(schema, { link: 'javascript:alert(1)', cover: 'http://cdn.example/a.png' })).toEqual([
      { path: 'link', message: expect.any(String), code: 'not_a_web_address' },
      { path: 'cover', message: expect.any(String), code: 'not_a_web_address' },
    ]);
  });
});
