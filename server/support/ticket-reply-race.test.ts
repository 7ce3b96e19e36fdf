/**
 * A participant's reply and an agent's change to the same ticket. The reply route reads the ticket (to check it is the
 * caller's) before its transaction; the status it writes used to be derived from that copy, so an agent's answer or
 * status change committed between the read and the write was overwritten. Interleaved here step by step, exactly as
 * the route runs: read, the agent's change, then the reply's write.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inTransaction } from '../db/transactions.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';
import { addUserMessage, getUserTicket, openTicket, replyAsAgent, setTicketStatus } from './ticket.service.ts';

let w: PromoWorld;
afterEach(() => w?.close());

const T0 = 1_800_000_000_000;

async function newTicket(): Promise<number> {
  const t = await inTransaction(w.deps.db, (tx) =>
    openTicket(tx, {
      platform: 'vk',
      platformUserId: '7',
      source: 'miniapp',
      subject: 'Код',
      body: 'Нет кода',
      at: T0,
    }),
  );
  return t.id;
}

describe("a participant's reply keeps an agent's change made after the route read the ticket", () => {
  it('an answer sent meanwhile: the ticket waits on us from the reply, it does not go back to new with the old clock', async () => {
    w = await createPromoWorld();
    const id = await newTicket();
    const seen = await getUserTicket(w.deps.db, 'vk', '7', id); // the route's read: status `new`
    await inTransaction(w.deps.db, async (tx) =>
      replyAsAgent(tx, await getUserTicket(tx, 'vk', '7', id), '100002', 'Отправили код', T0 + 1000),
    );
    const after = await inTransaction(w.deps.db, (tx) =>
      addUserMessage(tx, seen, 'Спасибо, но…', 'miniapp', T0 + 2000),
    );
    expect({ status: after.status, waitingSince: after.waitingSince }).toEqual({
      status: 'waiting_on_us',
      waitingSince: T0 + 2000,
    });
    const stored = await getUserTicket(w.deps.db, 'vk', '7', id);
    expect(stored.status).toBe('waiting_on_us');
  });

  it('closed meanwhile: the reply re-opens it as a reply after the close does, with the clock from the reply', async () => {
    w = await createPromoWorld();
    const id = await newTicket();
    const seen = await getUserTicket(w.deps.db, 'vk', '7', id);
    await inTransaction(w.deps.db, async (tx) =>
      setTicketStatus(tx, await getUserTicket(tx, 'vk', '7', id), 'resolved', T0 + 1000),
    );
    const after = await inTransaction(w.deps.db, (tx) => addUserMessage(tx, seen, 'Ещё вопрос', 'miniapp', T0 + 2000));
    expect({ status: after.status, waitingSince: after.waitingSince }).toEqual({
      status: 'waiting_on_us',
      waitingSince: T0 + 2000,
    });
  });

  it("an agent re-opening a ticket keeps the clock a participant's message started after the agent's read", async () => {
    w = await createPromoWorld();
    const id = await newTicket();
    await inTransaction(w.deps.db, async (tx) =>
      setTicketStatus(tx, await getUserTicket(tx, 'vk', '7', id), 'resolved', T0 + 1000),
    );
    const agentSaw = await getUserTicket(w.deps.db, 'vk', '7', id); // resolved, no clock
    await inTransaction(w.deps.db, async (tx) =>
      addUserMessage(tx, await getUserTicket(tx, 'vk', '7', id), 'Ау?', 'miniapp', T0 + 2000),
    );
    const after = await inTransaction(w.deps.db, (tx) => setTicketStatus(tx, agentSaw, 'waiting_on_us', T0 + 3000));
    expect(after.waitingSince).toBe(T0 + 2000);
  });
});
