/**
 * Decision 106: the sender's totals count every row it met. Rows it closed instead of sending (a consent withdrawn
 * that no closing pass saw, here) and rows a dead sender left claimed longer than VK remembers their `random_id`
 * (closed `failed`, `delivery_unknown`) were counted nowhere: a run over 6 rows ended "3/3 sent" with nothing left,
 * and the terminal's bar read full. A row a dead sender claimed a moment ago is still to send (in progress), not
 * failed. Real sender, real claim, fake VK; SQLite and PostgreSQL.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, expect, it } from 'vitest';
import { sendOutbox } from '../../bot/sender/sender-from-config.ts';
import { schema } from '../../server/db/client.ts';
import { broadcastStats } from '../../server/mailing/mailing-stats.ts';
import { RANDOM_ID_MEMORY_MS } from '../../server/mailing/outbox-claim.ts';
import { broadcastTo, createMessagingWorld, GROUP_ID, type MessagingWorld } from './messaging-world.ts';

let world: MessagingWorld | undefined;
afterEach(async () => {
  await world?.shutdown();
  world = undefined;
});

const FIRST = 8_600_000;

it('rows closed unsent are counted: 3 sent, 1 failed (delivery unknown), 2 skipped (consent withdrawn), 1 still in progress, of 7', async () => {
  world = await createMessagingWorld();
  const w = world;
  await broadcastTo(w, 7, FIRST);
  const rows = await w.deps.db.select().from(schema.outbox).orderBy(schema.outbox.vkUserId);
  expect(rows).toHaveLength(7);
  const [a, b, old, fresh] = rows;
  await w.write(async (tx) => {
    // Two recipients' consent withdrawn by a path that closed nothing: the claim finds it and closes their rows.
    await tx
      .update(schema.consents)
      .set({ allowed: false })
      .where(
        and(
          eq(schema.consents.vkGroupId, GROUP_ID),
          inArray(schema.consents.vkUserId, [a?.vkUserId ?? 0, b?.vkUserId ?? 0]),
        ),
      );
    // A dead sender's claims: one older than VK remembers its random_id (closed failed), one a moment ago.
    await tx
      .update(schema.outbox)
      .set({ status: 'sending', claimedAt: w.clock.now - RANDOM_ID_MEMORY_MS - 60_000, attempts: 1 })
      .where(eq(schema.outbox.id, old?.id ?? 0));
    await tx
      .update(schema.outbox)
      .set({ status: 'sending', claimedAt: w.clock.now, attempts: 1 })
      .where(eq(schema.outbox.id, fresh?.id ?? 0));
  });

  const totals = await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
  // The fresh claim is still in progress (its lease has not ended): left to send, not failed.
  expect(totals).toMatchObject({ sent: 3, failed: 1, skipped: 2, remaining: 1 });
  expect(totals.sent + totals.failed + totals.skipped + totals.remaining).toBe(7);

  // The office reads the same: 3 sent, 1 failed, 2 not sent (consent withdrawn), 1 still being sent.
  const broadcastId = rows[0]?.broadcastId ?? 0;
  const stats = await broadcastStats(w.deps.db, broadcastId);
  expect(stats.byStatus).toEqual({ sent: 3, failed: 1, cancelled: 2, sending: 1 });
  expect(stats.cancelledByReason).toEqual({ consent_revoked: 2 });
  expect(stats.failedByReason).toEqual({ delivery_unknown: 1 });

  // Its lease over, the next run sends it (same random_id): every row counted, nothing left.
  w.clock.advance(2_000);
  const after = await sendOutbox(w.deps.db, w.config, () => w.clock.now, { once: true, drainWaitMs: 0 });
  expect(after).toMatchObject({ sent: 1, failed: 0, skipped: 0, remaining: 0 });
});
