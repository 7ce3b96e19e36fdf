/** Long Poll for local use: the bot polls the fake's Bots Long Poll server and handles updates like the Callback API. */
import { eq } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { botFor } from '../../bot/bot.ts';
import { schema } from '../../server/db/client.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let w: MessagingWorld | undefined;
afterEach(async () => {
  if (w) await botFor(w.deps).stopPolling();
  await w?.shutdown();
  w = undefined;
});

it('receives message_allow through Long Poll', async () => {
  w = await createMessagingWorld();
  const world = w;
  const bot = botFor(world.deps);
  await bot.startPolling();
  world.fake.pushLongPollEvent(GROUP_ID, { type: 'message_allow', object: { user_id: 4242, key: 'k' } });
  const end = Date.now() + 10_000;
  let consent: typeof schema.consents.$inferSelect | undefined;
  while (!consent && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
    consent = (
      await world.deps.db.select().from(schema.consents).where(eq(schema.consents.vkUserId, 4242)).limit(1)
    )[0];
  }
  expect(consent).toMatchObject({ allowed: true, key: 'k', vkGroupId: GROUP_ID });
}, 20_000);
