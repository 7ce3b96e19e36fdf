/**
 * An office reply sent again with its key and the same composed text is the reply already stored (office-reply-keys.ts),
 * answered as the first send was — even when a variable it used has no value any more: the retry does not fill the
 * variables again, so VK failing the `{name}` lookup meanwhile is no 422 `variable_unavailable` for a reply that was
 * written. The fake VK API answers `users.get`, then fails it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FakeVkApi, startFakeVkApi } from '../../tests/fakes/vk-api.ts';
import { TEST_VK_APP_ID } from '../../tests/support/test-deps.ts';
import { schema } from '../db/client.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../promo/testing/promo-world.ts';

const AGENT = 601;
const PARTICIPANT = 7;

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

describe('office reply retried after its variables lost their value', () => {
  it('the same key and composed text answer the stored reply (201), without asking VK again', async () => {
    const world = await createPromoWorld({
      VK_API_BASE_URL: fake.url,
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
    const reply = () =>
      world.call('POST', `/api/admin/support/brands/${world.brandId}/tickets/${ticket.id}/replies`, AGENT, {
        body: 'Здравствуйте, {name}! Итоги в пятницу.',
        clientKey: 'office-retry-01',
      });

    const first = await reply();
    const firstBody = (await first.json()) as { messages: { author: string; body: string }[] };
    expect([first.status, firstBody.messages.at(-1)?.body]).toEqual([201, 'Здравствуйте, User! Итоги в пятницу.']);
    const asked = fake.calls.filter((c) => c.method === 'users.get').length;

    // VK no longer tells the name: a fresh reply with {name} would be refused, the retry of the stored one is not.
    fake.failNext('users.get', 10, 5);
    const again = await reply();
    const againBody = (await again.json()) as { messages: unknown[] };
    expect([again.status, againBody.messages]).toEqual([201, firstBody.messages]);
    expect(fake.calls.filter((c) => c.method === 'users.get').length).toBe(asked);
    const agent = (await world.deps.db.select().from(schema.ticketMessages)).filter((m) => m.author === 'agent');
    expect(agent).toHaveLength(1);
  });
});
