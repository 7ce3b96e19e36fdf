/**
 * An office reply with `{name}` while VK does not answer `users.get` (network error, VK error 10 or 9) is a 503
 * `vk_unavailable` the office may retry, nothing written; only a user VK has no name for (invalid id, a deleted or
 * banned page) is the 422 `variable_unavailable`. The fake VK API answers, fails, or is not there at all.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkApi, startFakeVkApi } from '../../tests/fakes/vk-api.ts';
import { freePort } from '../../tests/support/start-server.ts';
import { TEST_VK_APP_ID } from '../../tests/support/test-deps.ts';
import { schema } from '../db/client.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../promo/testing/promo-world.ts';

const AGENT = 611;
const PARTICIPANT = 17;

let fake: FakeVkApi;
let w: PromoWorld | undefined;
beforeAll(async () => {
  fake = await startFakeVkApi();
});
afterAll(async () => fake.close());
afterEach(async () => {
  await w?.close();
  w = undefined;
  fake.reset();
});

/** A world whose VK API is at `baseUrl`, with a participant's ticket; `reply` sends `{name}` with a fresh key. */
async function ticketWorld(baseUrl: string) {
  const world = await createPromoWorld({
    VK_API_BASE_URL: baseUrl,
    VK_SERVICE_TOKEN: `service:${TEST_VK_APP_ID}`,
    VK_GROUP_ID: String(GROUP_ID),
    VK_GROUP_TOKEN: `group:${GROUP_ID}`,
  });
  w = world;
  await world.agencyOwner(AGENT);
  const id = await world.campaign();
  expect((await world.call('POST', `/api/campaigns/${id}/open`, PARTICIPANT, {})).status).toBe(200);
  const opened = await world.call('POST', '/api/support/tickets', PARTICIPANT, {
    campaignId: id,
    subject: 'Вопрос',
    body: 'Когда итоги?',
  });
  const { ticket } = (await opened.json()) as { ticket: { id: number } };
  let n = 0;
  const reply = async () => {
    n += 1;
    const res = await world.call(
      'POST',
      `/api/admin/support/brands/${world.brandId}/tickets/${ticket.id}/replies`,
      AGENT,
      { body: 'Здравствуйте, {name}!', clientKey: `vk-outage-${String(n).padStart(2, '0')}` },
    );
    return { status: res.status, error: ((await res.json()) as { error?: { code: string } }).error?.code };
  };
  const agentMessages = async () =>
    (await world.deps.db.select().from(schema.ticketMessages)).filter((m) => m.author === 'agent');
  return { reply, agentMessages };
}

describe('office reply with {name} when VK does not answer', () => {
  it.each([
    ['VK error 10 (internal server error)', 10],
    ['VK error 9 (flood control)', 9],
  ])('%s: 503 vk_unavailable, nothing written; once VK answers, the reply goes', async (_, code) => {
    const t = await ticketWorld(fake.url);
    // vk-io retries once (apiRetryLimit 1): fail more often than that.
    fake.failNext('users.get', code, 5);
    expect(await t.reply()).toEqual({ status: 503, error: 'vk_unavailable' });
    expect(await t.agentMessages()).toHaveLength(0);
    fake.reset();
    expect((await t.reply()).status).toBe(201);
    expect((await t.agentMessages()).map((m) => m.body)).toEqual(['Здравствуйте, User!']);
  });

  it('VK error 6 (too many requests) once: vk-io waits and asks again, the reply goes with the name', async () => {
    const t = await ticketWorld(fake.url);
    fake.failNext('users.get', 6, 1);
    expect(await t.reply()).toEqual({ status: 201, error: undefined });
    expect((await t.agentMessages()).map((m) => m.body)).toEqual(['Здравствуйте, User!']);
  });

  // vk-io asks again after every error 6 with no limit of its own (server/vk/bounded-vk-api.ts bounds it): the
  // test's timeout is the bound, the reply must end before it.
  it('VK error 6 (too many requests) on every ask: 503 vk_unavailable, nothing written', {
    timeout: 8000,
  }, async () => {
    const t = await ticketWorld(fake.url);
    fake.failNext('users.get', 6, 1000);
    expect(await t.reply()).toEqual({ status: 503, error: 'vk_unavailable' });
    expect(await t.agentMessages()).toHaveLength(0);
  });

  it('VK unreachable (network error): 503 vk_unavailable, nothing written', async () => {
    const t = await ticketWorld(`http://127.0.0.1:${await freePort()}/method`);
    expect(await t.reply()).toEqual({ status: 503, error: 'vk_unavailable' });
    expect(await t.agentMessages()).toHaveLength(0);
  });

  it('a deleted or banned page has no first name: 422 variable_unavailable, not "DELETED"', async () => {
    const t = await ticketWorld(fake.url);
    fake.setProfile(PARTICIPANT, { deactivated: 'deleted' });
    expect(await t.reply()).toEqual({ status: 422, error: 'variable_unavailable' });
    fake.setProfile(PARTICIPANT, { deactivated: 'banned' });
    expect(await t.reply()).toEqual({ status: 422, error: 'variable_unavailable' });
    expect(await t.agentMessages()).toHaveLength(0);
  });

  it('VK says the user id is invalid (error 113): 422 variable_unavailable', async () => {
    const t = await ticketWorld(fake.url);
    fake.failNext('users.get', 113, 5);
    expect(await t.reply()).toEqual({ status: 422, error: 'variable_unavailable' });
    expect(await t.agentMessages()).toHaveLength(0);
  });
});
