/**
 * A body that parsed as JSON but failed a field check was answered "Invalid json" whatever was wrong (a subject too
 * long read like broken JSON to a log reader). Now the message names the fields and why; the code and the issues keep
 * their shape, and a body that is really not JSON still says so. Through the real app, as a participant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import { quizSettings } from '../seed/demo-promo.ts';
import { MAX_NESTING } from './nesting-depth.ts';
import { MAX_ANSWERED_ISSUES } from './validation-message.ts';

const PARTICIPANT = 31;
const OWNER = 701;
let w: PromoWorld;
let campaignId: number;
beforeAll(async () => {
  w = await createPromoWorld();
  campaignId = await w.campaign();
});
afterAll(async () => w?.close());

interface Refusal {
  error: { code: string; message: string; issues?: { path: string; code?: string; params?: object }[] };
}

const openTicket = async (body: unknown) => {
  const res = await w.call('POST', '/api/support/tickets', PARTICIPANT, body);
  return { status: res.status, ...((await res.json()) as Refusal) };
};

describe('a schema refusal says what is wrong', () => {
  it('a subject too long: the message names subject and its bound, the issue keeps its shape', async () => {
    const { status, error } = await openTicket({ campaignId, subject: 'я'.repeat(121), body: 'Когда итоги?' });
    expect(status).toBe(422);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^1 field of the body is invalid: subject \(Too big: .*120.*\)$/);
    expect(error.issues).toEqual([
      expect.objectContaining({
        path: 'subject',
        code: 'too_big',
        params: { limit: 120, origin: 'string', inclusive: 1 },
      }),
    ]);
  });

  it('several fields: counted, each named once with its reason', async () => {
    const { error } = await openTicket({ campaignId: 'x', subject: '', body: 5 });
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^3 fields of the body are invalid: campaignId \(.+\); subject \(.+\); body \(.+\)$/);
    expect(error.issues?.length).toBeGreaterThanOrEqual(3);
  });

  it('a body of the wrong kind (a list): the body itself is named, not a field', async () => {
    const { error } = await openTicket([1, 2]);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^The body is invalid: .*expected object/);
  });

  it('free-form answers nested 20,000 deep (40 KB) are refused for what they are, not a 500', async () => {
    // The schema lets a quiz answer be any JSON (its own check words it); the refusal of text a database cannot
    // store walked it by recursion and ran out of stack: a participant's 40 KB body was a 500.
    const quizId = await w.campaign({ mechanic: 'quiz', settings: { quiz: quizSettings() } });
    await w.call('POST', `/api/campaigns/${quizId}/open`, PARTICIPANT, {});
    const depth = 20_000;
    const deep = `${'['.repeat(depth)}"a"${']'.repeat(depth)}`;
    // Both are refused where they go deeper than any shape of the product (nesting-depth.ts), before a walk for text.
    const tooDeep = `answers.q1${'.0'.repeat(MAX_NESTING - 2)}`;
    for (const [answer, path] of [
      [deep, tooDeep],
      [`${'['.repeat(depth)}"\\ud800"${']'.repeat(depth)}`, tooDeep],
    ] as const) {
      const res = await w.app.request(`/api/campaigns/${quizId}/quiz/answers`, {
        method: 'POST',
        headers: { Authorization: w.vkAuth(PARTICIPANT), 'Content-Type': 'application/json' },
        body: `{"answers":{"q1":${answer}}}`,
      });
      expect(res.status).toBe(422);
      const { error } = (await res.json()) as Refusal;
      expect(error.code).toBe('invalid_input');
      expect(error.issues?.[0]?.path).toBe(path);
      expect(error.message.length).toBeLessThan(1000);
    }
  });

  it('thousands of bad fields: the answer stays small, the message still counts them all', async () => {
    // 9,000 ids of the wrong type (a 45 KB body) were answered with one issue each: a 719 KB answer, 16 times the
    // body, so a 1 MB body of bad fields made the server write and send about 16 MB.
    await w.agencyOwner(OWNER);
    const body = { tag: 'vip', add: Array.from({ length: 9000 }, () => 'xx') };
    const res = await w.call('POST', `/api/admin/mailing/campaigns/${campaignId}/tags`, OWNER, body);
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text.length).toBeLessThan(JSON.stringify(body).length / 4);
    const { error } = JSON.parse(text) as Refusal;
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^9000 fields of the body are invalid: add\.0 \(.+\); and 8997 more$/);
    expect(error.issues?.length).toBe(MAX_ANSWERED_ISSUES);
    expect(error.issues?.[0]).toMatchObject({ path: 'add.0' });
  });

  it('a body that is not JSON (`{`): still 400 saying it is not JSON', async () => {
    const res = await w.app.request('/api/support/tickets', {
      method: 'POST',
      headers: { Authorization: w.vkAuth(PARTICIPANT), 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as Refusal;
    expect(error.code).toBe('bad_request');
    expect(error.message).toMatch(/JSON/);
    expect(error.message).not.toMatch(/field/);
  });
});
