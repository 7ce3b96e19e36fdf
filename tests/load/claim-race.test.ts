/**
 * The claim race from issue 3, through the real HTTP API served by @hono/node-server on 127.0.0.1:
 * 500 distinct participants and 200 repeated claims race for a pool of 300 codes. Exactly 300 are issued,
 * no code twice, every repeat gets its first answer, everyone else sees sold-out. The claims interleave at every
 * `await`; the transaction queue and BEGIN IMMEDIATE (server/db/transactions.ts) keep each grant decision whole.
 */
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../server/db/client.ts';
import { createPromoWorld, type PromoWorld } from '../../server/promo/testing/promo-world.ts';

const PARTICIPANTS = 500;
const REPEATS = 200;
const CODES = 300;

interface Answer {
  status: number;
  code: string | null;
  error: string | null;
}

describe('claim race over HTTP', () => {
  let w: PromoWorld;
  let server: ServerType;
  let base: string;
  let campaignId: number;

  beforeAll(async () => {
    w = await createPromoWorld();
    campaignId = await w.campaign();
    const codes = Array.from({ length: CODES }, (_, i) => `RACE-${String(i + 1).padStart(4, '0')}`);
    await w.reward(campaignId, 'prize', { poolId: await w.pool(campaignId, 'race', codes) });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: w.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    w.close();
  });

  async function post(path: string, user: number, body?: unknown): Promise<Answer> {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { Authorization: w.vkAuth(user), 'Content-Type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });
    const json = (await res.json()) as { grant?: { code: string }; error?: { code: string } };
    return { status: res.status, code: json.grant?.code ?? null, error: json.error?.code ?? null };
  }

  it('issues exactly the pool, never a code twice, and answers repeats consistently', async () => {
    const users = Array.from({ length: PARTICIPANTS }, (_, i) => 10_000 + i);
    const opened = await Promise.all(users.map((u) => post(`/api/campaigns/${campaignId}/open`, u)));
    expect(opened.every((o) => o.status === 200)).toBe(true);

    const claim = (u: number) => post(`/api/campaigns/${campaignId}/rewards/prize/claim`, u);
    const repeaters = new Set(users.filter((_, i) => i % Math.floor(PARTICIPANTS / REPEATS) === 0).slice(0, REPEATS));
    const outcomes = await Promise.all(
      users.map(async (u) => {
        const first = await claim(u);
        const repeat = repeaters.has(u) ? await claim(u) : undefined;
        return { u, first, repeat };
      }),
    );

    const issued = outcomes.filter((o) => o.first.status === 200);
    const soldOut = outcomes.filter((o) => o.first.status === 409 && o.first.error === 'sold_out');
    expect(issued).toHaveLength(CODES);
    expect(soldOut).toHaveLength(PARTICIPANTS - CODES);
    expect(new Set(issued.map((o) => o.first.code)).size).toBe(CODES);

    const repeats = outcomes.filter((o) => o.repeat);
    expect(repeats).toHaveLength(REPEATS);
    for (const o of repeats) {
      expect(o.repeat?.status).toBe(o.first.status);
      expect(o.repeat?.code).toBe(o.first.code);
      expect(o.repeat?.error).toBe(o.first.error);
    }

    const grants = await w.deps.db.select().from(schema.grants);
    expect(grants).toHaveLength(CODES);
    expect(new Set(grants.map((g) => g.code)).size).toBe(CODES);
    expect(new Set(grants.map((g) => g.participantId)).size).toBe(CODES);
  }, 60_000);
});
