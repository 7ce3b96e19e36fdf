/**
 * Test support for the concurrency sweep: the demo world (server/seed/demo-seed.ts, with its brand admin and agency
 * owner) behind the real adapter on a loopback port, and a burst: the same request sent `n` times at once. What a burst
 * answered is judged here once: no 5xx, every refusal the one error shape, and every 2xx the same answer.
 */
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { createTestWorld, type TestWorld } from '../../../tests/support/test-deps.ts';
import { createApp } from '../../app.ts';
import { schema } from '../../db/client.ts';
import { DEMO_GROUP_ID, throwawayBinding } from '../../seed/demo-ids.ts';
import { seedDemo } from '../../seed/demo-seed.ts';
import { localVkApi } from '../../vk/vk-api.ts';

export interface Answer {
  status: number;
  body: unknown;
}

export interface BurstWorld extends TestWorld {
  /** Campaign ids of the demo by slug. */
  campaign(slug: 'summer-tasks' | 'brand-quiz' | 'lucky-wheel'): number;
  brandId: number;
  /** One request as a VK user, over a socket. */
  send(method: string, path: string, vkUserId: number, body?: unknown): Promise<Answer>;
  /** The same request `n` times at once. */
  burst(n: number, method: string, path: string, vkUserId: number, body?: unknown): Promise<Answer[]>;
  stop(): Promise<void>;
}

export async function createBurstWorld(): Promise<BurstWorld> {
  // The demo's community is the configured one, with a token to send as it: a broadcast of community messages is
  // refused for a community with none (decision 071). The checks themselves stay simulated (localVkApi below).
  const world = createTestWorld({ VK_GROUP_ID: String(DEMO_GROUP_ID), VK_GROUP_TOKEN: `group:${DEMO_GROUP_ID}` });
  await seedDemo(world.deps.db, world.config, world.clock.now, throwawayBinding(world.config));
  world.deps.vk = localVkApi();
  const app = createApp(world.deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const campaigns = await world.deps.db.select().from(schema.campaigns);
  const [brand] = await world.deps.db.select().from(schema.brands);
  const send = async (method: string, path: string, vkUserId: number, body?: unknown): Promise<Answer> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        Authorization: world.vkAuth(vkUserId),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {}
    return { status: res.status, body: parsed };
  };
  return {
    ...world,
    brandId: brand?.id as number,
    campaign: (slug) => campaigns.find((c) => c.slug === slug)?.id as number,
    send,
    burst: (n, method, path, vkUserId, body) =>
      Promise.all(Array.from({ length: n }, () => send(method, path, vkUserId, body))),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      world.close();
    },
  };
}

/** The error code of a refusal in the project's one error shape, or undefined. */
export function errorCode(a: Answer): string | undefined {
  const code = (a.body as { error?: { code?: unknown } } | null)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * What is wrong with a burst's answers: a 5xx, a refusal without the error shape, a refusal outside `refusals`
 * (the codes a loser may get), or two 2xx that differ where `sameAnswer` says they must not.
 */
export function burstProblems(
  answers: Answer[],
  rule: { refusals?: string[]; sameAnswer?: (a: Answer) => unknown; winners?: number },
): string[] {
  const problems: string[] = [];
  const won = answers.filter((a) => a.status < 300);
  for (const a of answers) {
    if (a.status >= 500) problems.push(`${a.status} ${JSON.stringify(a.body).slice(0, 200)}`);
    else if (a.status >= 400) {
      const code = errorCode(a);
      if (!code) problems.push(`${a.status} without the error shape`);
      else if (!rule.refusals?.includes(code))
        problems.push(`${a.status} ${code} ${JSON.stringify(a.body).slice(0, 300)}`);
    }
  }
  if (rule.winners !== undefined && won.length !== rule.winners) {
    problems.push(`${won.length} answered 2xx, expected ${rule.winners}`);
  }
  if (rule.sameAnswer) {
    const shown = new Set(won.map((a) => JSON.stringify(rule.sameAnswer?.(a))));
    if (shown.size > 1) problems.push(`2xx answers differ: ${[...shown].join(' | ').slice(0, 300)}`);
  }
  return problems;
}
