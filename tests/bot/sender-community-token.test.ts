/**
 * Issue 15: the sender sends as the community with the token the agency stored in the office (sealed in
 * `communities.token_ciphertext`), falls back to `VK_GROUP_TOKEN` when none is stored, uses a replaced token on
 * its next send without a restart, and sends nothing for a brand that is switched off.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { inTransaction } from '../../server/db/transactions.ts';
import { enqueue } from '../../server/mailing/outbox.ts';
import { sealToken, secretPlace } from '../../server/office/agency/agency-secrets.ts';
import { createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The configured token: valid for the fake's community, so a send with it would succeed — and show. */
const CONFIG_TOKEN = `group:${GROUP_ID}:config`;
const STORED_A = `group:${GROUP_ID}:stored-a`;
const STORED_B = `group:${GROUP_ID}:stored-b`;

async function storeToken(w: MessagingWorld, token: string) {
  const sealed = sealToken(w.config, token, secretPlace.community(GROUP_ID));
  await inTransaction(w.deps.db, (tx) =>
    tx.update(schema.communities).set({ tokenCiphertext: sealed }).where(eq(schema.communities.vkGroupId, GROUP_ID)),
  );
}

async function queueMessage(w: MessagingWorld, key: string, vkUserId: number, ofCampaign = true) {
  await w.addParticipants({ count: 1, firstUserId: vkUserId });
  await inTransaction(w.deps.db, (tx) =>
    enqueue(
      tx,
      [
        {
          dedupeKey: key,
          kind: 'broadcast' as const,
          campaignId: ofCampaign ? w.campaignId : undefined,
          vkGroupId: GROUP_ID,
          vkUserId,
          channel: 'message' as const,
          text: `hello ${key}`,
        },
      ],
      w.clock.now,
    ),
  );
}

const sendTokens = (w: MessagingWorld) =>
  w.fake.calls.filter((c) => c.method === 'messages.send' || c.method === 'execute').map((c) => c.token);

describe('the sender and the community token stored in the office', () => {
  it('item 4: no stored token → VK_GROUP_TOKEN; stored → the stored one; replaced while running → the new one at the next send, no restart', async () => {
    world = await createMessagingWorld({ VK_GROUP_TOKEN: CONFIG_TOKEN });
    const w = world;
    await queueMessage(w, 'first', 7_000_001);
    const once = () => sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
    expect((await once()).sent).toBe(1);
    expect(sendTokens(w)).toEqual([CONFIG_TOKEN]);

    await storeToken(w, STORED_A);
    const abort = new AbortController();
    const run = sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: false, signal: abort.signal, idleMs: 50 });
    try {
      await queueMessage(w, 'second', 7_000_002);
      const waitFor = async (n: number) => {
        const deadline = Date.now() + 10_000;
        while (w.fake.delivered.length < n && Date.now() < deadline) await sleep(20);
      };
      await waitFor(2);
      expect(sendTokens(w)).toEqual([CONFIG_TOKEN, STORED_A]);

      // Replaced in the office while the sender runs: the next message goes out with the new token.
      await storeToken(w, STORED_B);
      await queueMessage(w, 'third', 7_000_003);
      await waitFor(3);
      expect(sendTokens(w)).toEqual([CONFIG_TOKEN, STORED_A, STORED_B]);
      expect(w.fake.delivered.map((d) => d.peerId)).toEqual([7_000_001, 7_000_002, 7_000_003]);
    } finally {
      abort.abort();
      await run;
    }
  }, 30_000);

  it('item 4: a switched-off brand sends nothing, with its stored token or the configured one', async () => {
    world = await createMessagingWorld({ VK_GROUP_TOKEN: CONFIG_TOKEN });
    const w = world;
    await storeToken(w, STORED_A);
    await inTransaction(w.deps.db, (tx) =>
      tx.update(schema.brands).set({ disabledAt: w.clock.now }).where(eq(schema.brands.id, w.brandId)),
    );
    // Not a campaign's message (the claim closes those of a switched-off brand itself): no token leaves, and the
    // sender closes it by its community's brand, so it does not wait to go out after switch-on (decision 064).
    await queueMessage(w, 'off', 7_000_010, false);
    const totals = await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
    expect(totals.sent).toBe(0);
    expect(w.fake.calls).toEqual([]);
    expect(w.fake.delivered).toEqual([]);
    const [row] = await w.deps.db.select().from(schema.outbox).where(eq(schema.outbox.dedupeKey, 'off'));
    expect(row).toMatchObject({ status: 'cancelled', errorReason: 'brand_switched_off' });
  });
});
