/**
 * Two API processes on one database (PostgreSQL in production, each with its own connections and the rate limits kept
 * in that database): a participant's Send whose answer was lost is sent again and reaches the other process while the
 * first is still writing. Before, both spent a unit of the participant's hourly limit (one ticket written): after two
 * or three such sends the participant was refused (429) although they had opened fewer tickets than the limit. The
 * key is looked up and the limit spent in the one writing transaction, so the second answers the first's ticket and
 * spends nothing (decision 074).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { closeDatabase, type Db, schema } from '../db/client.ts';
import { openDb } from '../db/open-db.ts';
import { RATE_LIMITS } from '../http/rate-limit.ts';
import { DatabaseRateLimits } from '../http/rate-limit-database.ts';
import { createPromoWorld, type PromoWorld } from '../promo/testing/promo-world.ts';

let w: PromoWorld | undefined;
let second: Db | undefined;
afterEach(async () => {
  if (second) await closeDatabase(second);
  second = undefined;
  await w?.close();
});

type Thread = { ticket: { id: number }; messages: Array<{ body: string }> };

/** Two instances as two processes have them: their own connections, the limits shared through the database. */
async function twoInstances() {
  w = await createPromoWorld();
  const world = w;
  second = await openDb(world.config);
  const instance = (db: Db) => createApp({ ...world.deps, db, rateLimits: new DatabaseRateLimits(db) });
  const [appA, appB] = [instance(world.deps.db), instance(second)];
  const send = async (app: typeof appA, path: string, body: unknown, user = 7) => {
    const res = await app.request(path, {
      method: 'POST',
      headers: { Authorization: world.vkAuth(user), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Thread };
  };
  return { world, appA, appB, send };
}

describe("one key's sends reaching two API processes at once", () => {
  it('spend one unit of the hourly limit between them, and both answer the one ticket (a ticket, and a reply)', async () => {
    const { world, appA, appB, send } = await twoInstances();
    const both = (path: string, body: unknown) => Promise.all([send(appA, path, body), send(appB, path, body)]);

    const tickets = RATE_LIMITS.support_ticket.limit;
    let firstTicket = 0;
    for (let n = 1; n <= tickets; n++) {
      const form = { subject: `Вопрос ${n}`, body: 'Не пришёл код', clientKey: `two-processes-${n}-0000` };
      const [a, b] = await both('/api/support/tickets', form);
      expect([a.status, b.status], `ticket ${n}`).toEqual([201, 201]);
      expect(b.body.ticket.id).toBe(a.body.ticket.id);
      firstTicket ||= a.body.ticket.id;
    }
    expect(await world.deps.db.select().from(schema.tickets)).toHaveLength(tickets);
    // The hour's tickets are all written: the next one is refused, in either process.
    const over = { subject: 'Ещё', body: 'Вопрос', clientKey: 'two-processes-over-0000' };
    expect((await send(appB, '/api/support/tickets', over)).status).toBe(429);

    const messages = RATE_LIMITS.support_message.limit;
    const path = `/api/support/tickets/${firstTicket}/messages`;
    for (let n = 1; n <= messages; n++) {
      const [a, b] = await both(path, { body: `Жду ${n}`, clientKey: `two-processes-reply-${n}` });
      expect([a.status, b.status], `reply ${n}`).toEqual([201, 201]);
      expect(b.body.messages).toHaveLength(a.body.messages.length);
    }
    expect(await world.deps.db.select().from(schema.ticketMessages)).toHaveLength(tickets + messages);
  });

  it("fresh keys at once in both still write exactly the hour's tickets and refuse the rest with 429, never a 5xx", async () => {
    const { world, appA, appB, send } = await twoInstances();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        send(
          i % 2 ? appB : appA,
          '/api/support/tickets',
          { subject: `Q${i}`, body: 'Где код?', clientKey: `fresh-${i}-000` },
          9,
        ),
      ),
    );
    const limit = RATE_LIMITS.support_ticket.limit;
    expect(answers.map((a) => a.status).sort()).toEqual([
      ...Array.from({ length: limit }, () => 201),
      ...Array.from({ length: 8 - limit }, () => 429),
    ]);
    expect(await world.deps.db.select().from(schema.tickets)).toHaveLength(limit);
  });
});
