/**
 * What a request carries outside its body — path and query parameters, the launch data in `Authorization`, the page
 * URL's launch and path — swept over HTTP with values a client may send by mistake or on purpose: zero, negative,
 * fractional, huge and padded numbers, numbers just past PostgreSQL's `integer`, NUL, broken percent-encoding, half of
 * a character, 10,000 characters, an empty value, a repeated key, unknown keys. One parameter at a time, on an
 * otherwise well-formed request from a caller allowed to reach the route (the agency owner on the office's routes, a
 * signed participant launch on the others). The answer is never a 5xx, a refusal is the one error shape (a 422 of
 * validation names the parameter), and a write route never answers 2xx to a nonsense value. Found this way, both on
 * PostgreSQL only: a support-inbox search of 10 to 15 digits (a VK id such as 2200000000) was compared with the
 * tickets' `integer` id, a 500 (server/support/brand-tickets.ts); a signed launch whose `vk_ref` or Telegram
 * `start_param` held a NUL was a 500 at the first open, which stores it (server/auth/identity.ts, `launchRef`).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../promo/testing/promo-world.ts';
import { serveMiniApp } from '../static/mini-app.ts';
import { type OpenApiDocument as Document, type Parameter, sample } from './testing/openapi-sample.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

/** A VK user who is the agency's owner: the office gate lets them through everywhere, so validation answers. */
const OWNER = 2;

/**
 * Odd values as written in the URL. Those a shared schema refuses are sent once per parameter; a parameter of the
 * same name and schema on another route gets the values a validator may let through (what the handler then reads).
 */
const REFUSED_BY_SCHEMA = ['-1', '1.5', '1e308', '9223372036854775808', '00001', '%201', '%00', '%E0%A4%A'];
const REACH_THE_HANDLER = ['0', '2147483647', '2147483648', '999999999999999', 'zz', '%ED%A0%80', ''];
const LONG = 'a'.repeat(10_000);

/** Whether a body is the project's one error shape (server/http/errors.ts). */
function errorOf(text: string): { code: string; message: string; issues?: { path: string }[] } | undefined {
  try {
    const { error } = JSON.parse(text) as {
      error?: { code?: unknown; message?: unknown; issues?: { path: string }[] };
    };
    if (typeof error?.code === 'string' && typeof error.message === 'string') {
      return { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) };
    }
  } catch {}
  return undefined;
}

describe('path and query parameters', () => {
  it('no route answers a 5xx, a shapeless refusal or a write to an odd value in any parameter', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.task(id, 'join', 'visit_link', { url: 'https://example.com' });
    await w.reward(id, 'discount15');
    await w.agencyOwner(OWNER);
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as Document;
    const known: Record<string, string> = {
      id: String(id),
      brandId: String(w.brandId),
      agencyId: String(w.agencyId),
      groupId: String(GROUP_ID),
      taskKey: 'join',
      rewardKey: 'discount15',
      timeZone: 'Europe/Moscow',
      importId: '00000000-0000-4000-8000-000000000000',
      stage: 'opened',
    };
    const valid = (p: Parameter): string => {
      if (p.schema.format === 'date') return p.name === 'from' ? '2026-05-01' : '2026-06-01';
      if (known[p.name]) return known[p.name] as string;
      if (p.schema.enum) return String(p.schema.enum[0]);
      return p.schema.type === 'integer' || p.schema.anyOf?.some((a) => a.type === 'integer') ? '1' : 'x';
    };
    const wrong: unknown[] = [];
    const seen = new Set<string>();
    // Participants' write routes count per person: one caller a call.
    let participant = 1000;
    let calls = 0;
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const params = operation.parameters ?? [];
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
        const body = method === 'get' ? undefined : bodySchema ? sample(doc, bodySchema) : {};
        const office = template.startsWith('/api/admin/');
        const url = (target: Parameter | undefined, text: string) => {
          const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
            const p = params.find((q) => q.in === 'path' && q.name === name);
            return p === target ? text : p ? valid(p) : '1';
          });
          const query = params
            .filter((p) => p.in === 'query' && (p.required || p === target))
            .map((p) => (p === target ? text : `${p.name}=${valid(p)}`));
          if (!target) query.push('zz=1&zz=2&__proto__=x&constructor=1');
          return query.length > 0 ? `${path}?${query.join('&')}` : path;
        };
        const send = async (target: Parameter | undefined, text: string) => {
          const u = url(target, text);
          calls++;
          const res = await w.call(method.toUpperCase(), u, office ? OWNER : participant++, body);
          const error = errorOf(await res.text());
          const shown = { route: `${method} ${template}`, url: u.slice(0, 120), status: res.status, error };
          if (res.status >= 500 || (res.status >= 400 && !error)) wrong.push(shown);
          else if (res.status < 300 && method !== 'get' && target) wrong.push(shown);
          else if (
            target &&
            res.status === 422 &&
            error?.message.match(new RegExp(`^\\d+ ${target.in} parameters? (is|are) invalid: `))
          ) {
            if (!error.issues?.some((i) => i.path === target.name)) wrong.push(shown);
          }
        };
        for (const p of params.filter((q) => q.in === 'path' || q.in === 'query')) {
          const signature = `${p.in} ${p.name} ${JSON.stringify(p.schema)}`;
          const first = !seen.has(signature);
          seen.add(signature);
          const texts = first ? [...REFUSED_BY_SCHEMA, ...REACH_THE_HANDLER, LONG] : REACH_THE_HANDLER;
          for (const text of texts) await send(p, p.in === 'query' ? `${p.name}=${text}` : text);
          if (p.in === 'query' && first) {
            await send(p, `${p.name}=${valid(p)}&${p.name}=${valid(p)}`);
            await send(p, p.name);
          }
        }
        if (method === 'get') await send(undefined, '');
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(3000);
  }, 120_000);
});

describe('the patterns the document publishes', () => {
  it('are regexes a client can check with: no flag suffix, and they take what the server takes', async () => {
    // The generator wrote `/^[a-z0-9_-]+$/i` as the pattern `^[a-z0-9_-]+$/i`, which matches no text at all: a client
    // checking a task's or a reward's key in the path against the document refused every key (`join` included).
    w = await createPromoWorld();
    const doc = (await (await w.app.request('/api/openapi.json')).json()) as Document;
    const found: { at: string; pattern: string; example?: unknown }[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const { pattern, example } = node as { pattern?: unknown; example?: unknown };
      if (typeof pattern === 'string') found.push({ at, pattern, example });
      for (const [key, inner] of Object.entries(node)) walk(inner, `${at}.${key}`);
    };
    walk(doc, '');
    expect(found.length).toBeGreaterThan(5);
    const unusable = found.filter(({ pattern, example }) => {
      if (/\/[a-z]+$/.test(pattern)) return true;
      const regex = new RegExp(pattern, 'u');
      return typeof example === 'string' && !regex.test(example);
    });
    expect(unusable).toEqual([]);
    const keyParams = Object.values(doc.paths)
      .flatMap((operations) => Object.values(operations))
      .flatMap((operation) => operation.parameters ?? [])
      .filter((p) => p.in === 'path' && (p.name === 'taskKey' || p.name === 'rewardKey'));
    expect(keyParams.length).toBeGreaterThan(2);
    for (const p of keyParams) {
      const pattern = new RegExp((p.schema as { pattern: string }).pattern, 'u');
      expect(
        ['join', 'Discount_15', 'a-b'].every((key) => pattern.test(key)),
        p.name,
      ).toBe(true);
      expect(pattern.test('a b'), p.name).toBe(false);
    }
  });
});

describe('launch data in Authorization', () => {
  it('odd launch data is a 401 in the error shape; a signed launch with odd values is read, never a 5xx', async () => {
    w = await createPromoWorld();
    const id = await w.campaign();
    await w.agencyOwner(OWNER);
    const malformed = [
      '',
      ' ',
      'VK',
      'VK ',
      'Bearer abc',
      `VK ${'a'.repeat(10_000)}`,
      `VK vk_app_id=51000001&x=${'a'.repeat(8_100)}`,
      'VK %',
      'VK vk_app_id=%E0%A4%A',
      'VK vk_app_id=51000001&vk_user_id=%ED%A0%80',
      'VK vk_app_id=51000001&vk_user_id=1',
      'VK vk_app_id=51000001&vk_app_id=51000001',
      'VK vk_app_id=9999999999999999&sign=x',
      'VK vk_app_id=0',
      'VK vk_app_id=51000001&vk_user_id=\u00ff',
      'OK ',
      'OK %',
      'OK logged_user_id=%E0%A4%A',
      'tma ',
      'tma %',
      'tma user=%7B&hash=00',
      w.vkAuth(3, { vk_ts: '999999999999' }),
    ];
    const routes: [string, string][] = [
      ['GET', '/api/campaigns'],
      ['POST', `/api/campaigns/${id}/open`],
      ['GET', '/api/admin/office'],
      ['PUT', `/api/admin/campaigns/${id}`],
    ];
    const wrong: unknown[] = [];
    for (const authorization of malformed) {
      for (const [method, path] of routes) {
        const res = await w.app.request(path, {
          method,
          headers: { Authorization: authorization, 'Accept-Language': `\u00ff;q=abc, *;q=9, ${'x'.repeat(5_000)}` },
        });
        const error = errorOf(await res.text());
        if (res.status !== 401 || !error)
          wrong.push({ authorization: authorization.slice(0, 60), path, status: res.status });
      }
    }
    expect(wrong).toEqual([]);

    // Signed, so the platform vouches for them, and stored where a participant first opens a campaign.
    const signed: [string, string][] = [
      ['vk_ref NUL', w.vkAuth(11, { vk_ref: 'menu\u0000' })],
      ['vk_ref long', w.vkAuth(12, { vk_ref: 'r'.repeat(5_000) })],
      ['vk_platform NUL', w.vkAuth(13, { vk_platform: 'a\u0000' })],
      ['vk_language NUL', w.vkAuth(14, { vk_language: '\u0000' })],
      // A community id above what VK issues (here 'vk_group_id huge' was) is a 401 now: server/auth/launch-bounds.test.ts.
      ['OK NUL', w.okAuth('16', { mob_platform: '\u0000', lang: '\u0000' })],
      ['start_param NUL', w.tmaAuth(17, { start_param: 'campaign-1\u0000' })],
      ['start_param long', w.tmaAuth(18, { start_param: 'x'.repeat(5_000) })],
    ];
    const answers = [];
    for (const [name, authorization] of signed) {
      const open = await w.app.request(`/api/campaigns/${id}/open`, {
        method: 'POST',
        headers: { Authorization: authorization, 'Content-Type': 'application/json' },
        body: '{}',
      });
      const office = await w.app.request('/api/admin/office', { headers: { Authorization: authorization } });
      answers.push({ name, open: open.status, office: office.status });
    }
    expect(answers.filter((a) => a.open !== 200 || a.office !== 200)).toEqual([]);
    const sources = await w.deps.db
      .select({ source: schema.participants.source })
      .from(schema.participants)
      .where(eq(schema.participants.campaignId, id));
    // The source is kept, with what no database stores in it replaced as a UTF-8 decoder shows a broken character.
    expect(sources.map((s) => s.source)).toContain('menu\uFFFD');
    expect(sources.map((s) => s.source)).toContain('campaign-1\uFFFD');
  });
});

describe('the page and its files', () => {
  it('an odd launch in the page URL gets the plain page; odd paths are a 404 in the error shape, never a file outside the build', async () => {
    w = await createPromoWorld();
    await w.campaign();
    const root = mkdtempSync(join(tmpdir(), 'param-sweep-build-'));
    try {
      mkdirSync(join(root, 'assets'));
      const html =
        '<!doctype html><html><head><title>App</title><script>window.__promoFirstScreen</script></head></html>';
      writeFileSync(join(root, 'index.html'), html);
      writeFileSync(join(root, 'assets', 'index-abcdefgh.js'), 'console.log(1)');
      writeFileSync(join(tmpdir(), 'param-sweep-outside.txt'), 'outside');
      expect(serveMiniApp(w.app, w.deps, { root, platform: 'vk' })).toBe(true);
      expect(serveMiniApp(w.app, w.deps, { root, platform: 'ok', prefix: '/ok/' })).toBe(true);
      const launch = w.vkAuth(77).slice('VK '.length);
      const pages = [
        `/?${launch}&vk_ref=%00`,
        `/?${launch}&x=%E0%A4%A`,
        '/?vk_app_id=%E0%A4%A',
        '/?vk_app_id=%ED%A0%80',
        '/?%00',
        `/?${LONG}`,
        `/?vk_app_id=51000001&vk_user_id=${'9'.repeat(400)}`,
        '/?vk_app_id=99999999999999999999',
        '/?vk_app_id=1&vk_app_id=2',
        '/ok/?custom_args=%E0%A4%A',
        '/ok/?custom_args=route%3D%2Fcampaign%2F99999999999999999999999',
        `/ok/?${w.okAuth('5', { custom_args: `route=/campaign/${'9'.repeat(400)}` }).slice('OK '.length)}`,
      ];
      const files = [
        '/assets/..%2f..%2fparam-sweep-outside.txt',
        '/assets/%2e%2e/%2e%2e/param-sweep-outside.txt',
        '/..%2fparam-sweep-outside.txt',
        '/%2e%2e%2fparam-sweep-outside.txt',
        '/assets/index-abcdefgh.js%00',
        '/assets/index-abcdefgh.js%2F',
        `/${LONG}`,
        `/assets/${'%E0%A4%A'.repeat(100)}`,
        '/%ED%A0%80',
        '/%',
        '/index.html%3F',
      ];
      const wrong: unknown[] = [];
      for (const method of ['GET', 'HEAD']) {
        for (const path of pages) {
          const res = await w.app.request(path, { method });
          const text = await res.text();
          if (res.status !== 200 || (method === 'GET' && text !== html))
            wrong.push({ method, path, status: res.status });
        }
        for (const path of files) {
          const res = await w.app.request(path, { method });
          const text = await res.text();
          if (res.status !== 404 || (method === 'GET' && !errorOf(text)))
            wrong.push({ method, path, status: res.status });
        }
      }
      expect(wrong).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(join(tmpdir(), 'param-sweep-outside.txt'), { force: true });
    }
  });
});
