/**
 * A funnel rule saved with a `clientKey` whose variant opens a reward's screen, retried after the reward was removed
 * from the campaign (decisions 079, 081). Before, the retry was judged as a new rule: the 422 `unknown_screen`, though
 * the rule existed and was messaging the stuck people. Now its key is asked right after the member's rights, so the
 * retry is the rule it created; a new key for that link is still refused, and the key sent with other settings is
 * still the 409 `client_key_reused`.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { createMessagingWorld, grantBrandAdmin, type MessagingWorld } from './messaging-world.ts';

const ADMIN = 900_101;

let w: MessagingWorld;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  w = await createMessagingWorld();
  app = createApp(w.deps);
  await grantBrandAdmin(w, ADMIN, ['mailings']);
  await inTransaction(w.deps.db, (tx) =>
    tx.insert(schema.rewards).values({ campaignId: w.campaignId, key: 'gift', title: 'Подарок' }),
  );
});
afterEach(async () => {
  await w.shutdown();
});

async function post(body: unknown) {
  const res = await app.request(`/api/admin/mailing/campaigns/${w.campaignId}/rules`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: w.vkAuth(ADMIN) },
    body: JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers read field by field in assertions.
  return { status: res.status, body: (await res.json()) as any };
}
const rule = (clientKey: string, over: Record<string, unknown> = {}) => ({
  name: 'Вернитесь за подарком',
  stage: 'opened',
  notStage: 'task_done',
  minHours: 24,
  channel: 'message',
  variants: [{ key: 'A', text: 'Ваш подарок ждёт', fragment: `campaign/${w.campaignId}/reward/gift` }],
  clientKey,
  ...over,
});
const ruleCount = async () => (await w.deps.db.select().from(schema.messageRules)).length;

describe('a keyed funnel rule retried after the screen it links to was removed', () => {
  it('is the rule it created; a new key is the 422 unknown_screen, the key with other settings the 409', async () => {
    const first = await post(rule('rule-gift-key-1'));
    expect(first.status).toBe(201);
    await inTransaction(w.deps.db, (tx) =>
      tx.update(schema.rewards).set({ removedAt: w.clock.now }).where(eq(schema.rewards.key, 'gift')),
    );

    const retry = await post(rule('rule-gift-key-1'));
    expect([retry.status, retry.body]).toEqual([201, first.body]);
    const renamed = await post(rule('rule-gift-key-1', { name: 'Другое' }));
    expect([renamed.status, renamed.body.error?.code]).toEqual([409, 'client_key_reused']);
    expect(await ruleCount()).toBe(1);

    const fresh = await post(rule('rule-gift-key-2'));
    expect([fresh.status, fresh.body.error?.code]).toEqual([422, 'unknown_screen']);
    expect(await ruleCount()).toBe(1);
  });
});
