/**
 * Item 1 (p4): the answer to a request written to the community leaves through the outbox although the writer never
 * gave the mailing consent (VK lets a community answer whoever wrote to it), and is closed once they deny messages.
 */
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { schema } from '../db/client.ts';
import { claimRequests } from '../mailing/outbox-claim.ts';
import { createPromoWorld, GROUP_ID, type PromoWorld } from '../promo/testing/promo-world.ts';
import { replyAsAgent } from './ticket.service.ts';
import { ticketFromBot } from './ticket-from-bot.ts';

let w: PromoWorld;
afterEach(async () => w?.close());

const WRITER = 8;

describe('answers to community-written requests', () => {
  it('item 1: are claimed for sending without a consent row, and closed after the writer denies messages', async () => {
    w = await createPromoWorld();
    const ticket = await w.write((tx) => ticketFromBot(tx, GROUP_ID, WRITER, 'Где код?', w.clock.now, 'm1'));
    const reply = (body: string) => w.write((tx) => replyAsAgent(tx, ticket, '501', body, w.clock.now));
    const first = await reply('Ваш код в разделе призов');
    expect(first.delivery).toBe('bot');
    const options = { now: w.clock.now, maxRequests: 10, leaseMs: 60_000, channels: ['message' as const] };
    const supportRows = async () => (await claimRequests(w.deps.db, options)).flatMap((r) => r.rows);
    const claimed = (await supportRows()).filter((r) => r.kind === 'support');
    expect(claimed.map((r) => r.ticketMessageId)).toEqual([first.message.id]);

    // A deny recorded after the reply was queued: the next answer must not leave.
    const second = await reply('Ещё одно');
    await w.write((tx) =>
      tx.insert(schema.consents).values({
        vkGroupId: GROUP_ID,
        vkUserId: WRITER,
        channel: 'message',
        allowed: false,
        source: 'message_deny',
        updatedAt: w.clock.now,
      }),
    );
    expect((await supportRows()).filter((r) => r.kind === 'support')).toEqual([]);
    const [closed] = await w.deps.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.ticketMessageId, second.message.id));
    expect(closed).toMatchObject({ status: 'cancelled', errorReason: 'consent_revoked' });
  });
});
